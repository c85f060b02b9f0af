import rules

from coproduce.accounts.rules import is_administrator, is_coproducer, is_lead, is_organisation_staff

rules.add_perm("learning.view_modules", is_organisation_staff | is_coproducer)
rules.add_perm("learning.record_own", is_organisation_staff | is_coproducer)
rules.add_perm("learning.manage_modules", is_lead)
rules.add_perm("learning.view_progress", is_lead | is_administrator)
