from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(subject, body, recipients):
    """Sends one plain-text email; queued so a slow mail server never slows a page."""
    send_mail(subject, body, None, recipients)
