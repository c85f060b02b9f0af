"""Who may do what on the public site. Reading published pages needs no rule."""

import rules

from coproduce.accounts.rules import is_lead, is_staff_member

can_write = is_lead | is_staff_member

rules.add_perm("site.manage_site", can_write)
rules.add_perm("site.write_updates", can_write)
rules.add_perm("site.write_case_studies", can_write)
# Publishing a case study puts people's names and faces in public: the lead decides.
rules.add_perm("site.publish_case_studies", is_lead)
rules.add_perm("site.moderate_spotlights", is_lead)
rules.add_perm("site.view_inbox", is_lead)
rules.add_perm("site.edit_pages", is_lead)
