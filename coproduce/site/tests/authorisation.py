from coproduce.tests.authorisation import everyone

ROWS = {
    "site:home": everyone(),
    "site:accessibility": everyone(),
    "site:privacy": everyone(),
    "site:contact": everyone(),
}
