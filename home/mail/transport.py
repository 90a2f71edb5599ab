"""The real transport (``OPENLY_EMAIL_TRANSPORT``, SMTP in production) and which of its
failures are worth another try."""

from smtplib import (
    SMTPDataError,
    SMTPException,
    SMTPRecipientsRefused,
    SMTPSenderRefused,
)

from django.core.mail import get_connection

from home.mail.conf import mail_settings

# SMTP reply codes from 500 up are permanent: the server will refuse the same email again.
PERMANENT_CODE = 500


def send(message):
    """Send ``message`` through the real transport; raises whatever the transport raises."""
    with get_connection(mail_settings.TRANSPORT, fail_silently=False) as connection:
        connection.send_messages([message])


def is_transient(error):
    """Whether a later attempt may succeed: the server or network is down, slow or busy
    (connection refused, timeouts, 4xx replies, a dropped connection, refused login) rather
    than refusing this email for good (5xx for its sender, recipients or content)."""
    if isinstance(error, SMTPRecipientsRefused):
        codes = [code for code, _reply in error.recipients.values()]
        return not codes or min(codes) < PERMANENT_CODE
    if isinstance(error, SMTPSenderRefused | SMTPDataError):
        return error.smtp_code < PERMANENT_CODE
    return isinstance(error, SMTPException | OSError)
