"""An email as plain data and back: what is sealed while it waits for delivery.

Everything a Django email carries is kept: subject, body and its subtype, sender, to, cc,
bcc, reply-to, extra headers, HTML (and other) alternatives and attachments, whether given
as (filename, content, mimetype) or as MIME parts. The Date and Message-ID headers are fixed
when the email is queued, so a retried email is the same email to its recipient.
"""

import base64
import email
from email.mime.base import MIMEBase
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME


def _content(value):
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if callable(getattr(value, "message", None)):
        # An attached email (message/rfc822) given as a Django email.
        value = value.message()
    if hasattr(value, "as_bytes"):
        # ... or as a standard-library message.
        return {"base64": base64.b64encode(value.as_bytes()).decode("ascii")}
    return {"text": str(value)}


def _restore_content(data):
    if "base64" in data:
        return base64.b64decode(data["base64"])
    return data["text"]


def _attachment(attachment):
    if isinstance(attachment, MIMEBase):
        return {"mime": base64.b64encode(attachment.as_bytes()).decode("ascii")}
    filename, content, mimetype = attachment
    return {"filename": filename, "content": _content(content), "mimetype": mimetype}


def _mime_part(raw):
    """A MIME part (as Django attaches them) rebuilt from its bytes."""
    parsed = email.message_from_bytes(raw)
    part = MIMEBase(parsed.get_content_maintype(), parsed.get_content_subtype())
    for name in list(part.keys()):
        del part[name]
    for name, value in parsed.items():
        part[name] = value
    part.set_payload(parsed.get_payload())
    return part


def to_data(message):
    """``message`` (an EmailMessage or EmailMultiAlternatives) as JSON-ready data."""
    headers = {str(name): str(value) for name, value in message.extra_headers.items()}
    present = {name.lower() for name in headers}
    if "date" not in present:
        headers["Date"] = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    if "message-id" not in present:
        headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "encoding": message.encoding if isinstance(message.encoding, str) else None,
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": headers,
        "alternatives": [
            {"content": _content(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(attachment) for attachment in message.attachments],
    }


def from_data(data):
    """The email ``to_data`` described, ready to send."""
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    if data["encoding"]:
        message.encoding = data["encoding"]
    for alternative in data["alternatives"]:
        message.attach_alternative(
            _restore_content(alternative["content"]), alternative["mimetype"]
        )
    for attachment in data["attachments"]:
        if "mime" in attachment:
            message.attach(_mime_part(base64.b64decode(attachment["mime"])))
        else:
            message.attach(
                attachment["filename"],
                _restore_content(attachment["content"]),
                attachment["mimetype"],
            )
    return message
