import rules

from coproduce.accounts.rules import is_administrator, is_lead, is_signed_in

rules.add_perm("privacy.view_own", is_signed_in)
rules.add_perm("privacy.view_read_log", is_lead)
# Data-protection requests, including erasure, are the administrator's job.
rules.add_perm("privacy.manage_requests", is_administrator)
# How long records are kept, and deleting what is past its time.
rules.add_perm("privacy.manage_retention", is_administrator)
