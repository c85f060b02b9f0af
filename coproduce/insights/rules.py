import rules

from coproduce.accounts.rules import is_administrator, is_board, is_lead

# The dashboard and board report hold aggregates only; links into records show
# only to those who hold each figure's own permission.
rules.add_perm("insights.view_dashboard", is_lead | is_board | is_administrator)
