"""The admin's password-reset form, sending its email as a password reset (so the
deliveries report can say what a failed email was)."""

from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from home.mail.deliveries import Kind, outgoing


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``), its email marked as a
    password reset."""

    def send_mail(self, *args, **kwargs):
        with outgoing(Kind.PASSWORD_RESET):
            super().send_mail(*args, **kwargs)
