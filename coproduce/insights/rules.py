import rules

from coproduce.accounts.rules import is_administrator, is_board, is_coproducer, is_lead

# The dashboard and board report hold aggregates only; links into records show
# only to those who hold each figure's own permission.
rules.add_perm("insights.view_dashboard", is_lead | is_board | is_administrator)
# The co-producers' view: the figures co-producers asked to see (paid on time, access
# needs met, "you said, we did" answered, the ladder), suppressed as everywhere. The
# lead, the board and administrators may see what co-producers see.
rules.add_perm(
    "insights.view_coproducers_dashboard", is_coproducer | is_lead | is_board | is_administrator
)
# Any co-producer may write a commentary for the board report (the organisation has no
# standing review group in Coproduce to limit it to).
rules.add_perm("insights.write_commentary", is_coproducer)
# Co-producers reach their view from the navigation; those who also see the whole
# dashboard reach it from there, so the navigation does not hold two dashboards.
rules.add_perm(
    "insights.coproducers_dashboard_in_navigation",
    is_coproducer & ~(is_lead | is_board | is_administrator),
)
