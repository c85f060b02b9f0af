"""The text the public pages start with. The lead edits it in the app; these are
only used until a page has been saved. Plain English, and Easy Read versions in
short sentences with one idea each. Each is translated like any other text, so a
Welsh reader sees the Welsh until the page is saved."""

from django.utils.translation import gettext_lazy as _

HOME = _(
    """\
We are run by and for Disabled people. We design and deliver our work together with Disabled
people, carers and people who draw on care and support, sharing power and decisions from the start.

This is called co-production. It means you are an equal partner, not someone we only ask for
views after the decisions are made.

## What taking part means

- We ask about your access needs once, and we make the arrangements before every meeting.
- We pay you for your time and cover your expenses, quickly. You can choose vouchers, or choose
  not to be paid.
- We tell you what changed because of what you said.
"""
)

HOME_EASY_READ = _(
    """\
We are a group run by Disabled people.

We work **together** with Disabled people.

We work together with carers too.

This is called **co-production**.

Co-production means you have an equal say.

## What happens when you take part

- We ask what help you need. We only ask once.
- We get the help ready before each meeting.
- We pay you for your time.
- You can say no to being paid if you want.
- We tell you what changed because of you.
"""
)

GET_INVOLVED = _(
    """\
Anyone who is Disabled, a carer, or draws on care and support can take part. You do not need any
experience or qualifications: your lived experience is what counts.

## How to start

1. Contact our co-production lead using the contact form or by email. Tell us a little about
   yourself and what interests you.
2. We will talk with you in the way that suits you, and ask about your access needs once.
3. We will tell you about projects and meetings that are coming up. You choose what to join.

## What you can expect from us

- Meetings in accessible places or online, with the support you need arranged beforehand.
- Payment for your time and all your expenses, as set out in our payment policy.
- Feedback on what changed because of what you said.

You can stop taking part at any time, and you do not have to give a reason.
"""
)

GET_INVOLVED_EASY_READ = _(
    """\
You can work with us.

You can take part if you are Disabled.

You can take part if you are a carer.

You do not need any exams or experience.

## How to start

1. Send us a message. Use the contact form or email.
2. We talk with you. We ask what help you need.
3. We tell you about meetings and projects.
4. You choose what to join.

You can stop at any time.

You do not have to say why.
"""
)

PAYMENT_POLICY = _(
    """\
We value the time, skills and experience people bring. Nobody should be out of pocket for
taking part.

## What we pay for

- Your time, at the rates our board agrees each year. We tell you the rate before you start.
- Your expenses: travel, meals on long days, and the cost of a personal assistant, carer or
  childcare you need so that you can take part.

## How you choose to be paid

You can choose a bank payment or a voucher. You can also choose to take less, to have it given
to a charity, or not to be paid at all. You can change your choice at any time.

## If you get benefits

Payments can affect some benefits. Expenses are treated differently from payment for your time.
We can put you in touch with free, independent benefits advice before you decide.

## How quickly we pay

You can claim in the app, or a staff member can claim for you. Someone other than the person who
made the claim checks it, and we aim to pay quickly after it is approved.
"""
)

PAYMENT_POLICY_EASY_READ = _(
    """\
We pay you when you work with us.

## What we pay for

- Your time.
- Your travel.
- Your food on long days.
- A helper or carer you need.
- Childcare you need.

## How we pay

- Money in your bank.
- Or a voucher.
- Or you can say no to being paid.

## Benefits

Being paid can change your benefits.

We can help you get free advice first.
"""
)

PRIVACY = _(
    """\
This notice explains what information we keep about you in Coproduce, why, who can see it, and
your rights. We are the data controller. Contact us about your data using the contact form.

## What we keep

- your name, how to contact you and how you like to be contacted
- your access needs, so that we can arrange them before meetings (this is health information)
- the projects, meetings and activities you take part in, and what you said in them if you agree
- payment claims and, if you choose bank transfer, your bank details
- equality monitoring answers, only if you choose to give them (this can include ethnicity and
  health)
- a record of who has looked at your access needs and equality answers
- messages you send us through this website, and stories other organisations share with us

## Special category data

Information about your health (including your access needs) and your ethnicity is special
category data. The law protects it more strongly, and so do we.

## Why we keep it, and the law that lets us

We use your information to involve you in our work as an equal partner. We use it to meet
your access needs, to pay you, and to show what changed because of you.

- Contact and involvement: legitimate interests.
- Photos, names in case studies and published stories: your consent, which you can withdraw.
- Payments: our contract with you, and our legal duty to keep financial records.
- Access needs and equality monitoring: your explicit consent. Or the Data Protection Act 2018,
  Schedule 1, paragraph 16. It covers not-for-profit bodies that support people with a
  disability or medical condition.

## Who can see it

Only people who need your information to do their job can see it. Your access passport is seen
only by staff who work with you (on a project team they run, at a meeting they organise, or for an
opportunity you applied for), or by a member of staff helping you who records why, until the end
of that day. They see the arrangements they need to make, not your diagnosis, unless you choose
to share more. Equality
monitoring answers are kept apart from your name and are only ever reported as totals, with
small numbers hidden so nobody can be identified. Every time someone looks at your access needs
or equality answers, we record it.

## How long we keep it

We keep your information while you take part and for a set time after, then delete it or make it
anonymous. Payment records are kept for as long as the law requires.

## Your rights

- You can get a copy of all your information.
- You can correct it, and you can withdraw consent at any time.
- You can ask us to delete it. We make your information anonymous and keep only totals that
  cannot identify you.

We answer requests within one month. If you are unhappy with how we use your information, you
can complain to the [Information Commissioner's Office](https://ico.org.uk/make-a-complaint/).
"""
)

PRIVACY_EASY_READ = _(
    """\
This page is about your information.

We keep some information about you.

We keep it safe.

## What we keep

- Your name.
- How to contact you.
- The help you need. This is about your health.
- The meetings you go to.
- How we pay you.

## Who can see it

Only people who need it can see it.

We write down who looks at the help you need.

## Your rights

- You can ask for a copy of your information.
- You can ask us to change it.
- You can ask us to delete it.
- You can change your mind about what you agreed.

We will answer you within one month.

You can complain to the Information Commissioner's Office if you are not happy.
"""
)

PAGES = {
    "home": {"body": HOME, "easy_read": HOME_EASY_READ},
    "get-involved": {"body": GET_INVOLVED, "easy_read": GET_INVOLVED_EASY_READ},
    "payment-policy": {"body": PAYMENT_POLICY, "easy_read": PAYMENT_POLICY_EASY_READ},
    "privacy": {"body": PRIVACY, "easy_read": PRIVACY_EASY_READ},
}

STATEMENT = {
    "scope": _(
        """\
This statement applies to this website: the public pages and every page you see after signing in,
for co-producers, staff, finance, board members and administrators.
"""
    ),
    "using": _(
        """\
We want as many people as possible to be able to use this website. Everyone who uses it, staff
included, may be a Disabled person. You should be able to:

- change colours, contrast levels and fonts using your browser, or our display settings
- make text up to twice as large without losing content, and zoom in up to 400% without text
  spilling off the screen
- turn on dyslexia-friendly spacing and reduce motion
- get from the start of the website to the end using just a keyboard or speech recognition
- listen to the website using a screen reader
- use every part of the website with JavaScript turned off

We have made the text as simple as possible to understand. Some pages have an Easy Read version.
"""
    ),
    "how_accessible": _(
        """\
We know of no part of this website that fails the accessibility standard. If you find one,
please tell us.
"""
    ),
    "feedback": _(
        """\
If you need information on this website in a different format, like accessible PDF, large
print, Easy Read, audio recording or braille, or if you find a problem, use our contact form or
email us. We will consider your request and get back to you in 5 working days. We never ask you
to phone.
"""
    ),
    "enforcement": _(
        """\
The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility
regulations, where they apply. If you are not happy with how we respond to your complaint,
contact the [Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/).
"""
    ),
    "compliance": _(
        """\
We are committed to making this website accessible, in line with the Web Content Accessibility
Guidelines version 2.2 AA standard. We aim for it to be fully compliant.
"""
    ),
    "non_accessible": _(
        """\
Documents that people upload, such as meeting papers or files sent with spotlight stories, may
not all be accessible. Ask us for another format and we will provide one.
"""
    ),
    "improving": _(
        """\
Every change to this website is tested automatically before it is released. A browser visits
every page as every kind of user, with and without JavaScript and at a narrow 320 pixel width.
It checks each page against WCAG 2.2 A and AA rules. We also ask the Disabled people who use the
website to review it with us.
"""
    ),
    "preparation": _(
        """\
This statement follows the structure of the GOV.UK sample accessibility statement. It is based
on the automated checks described above and on testing by people who use assistive technology.
"""
    ),
}
