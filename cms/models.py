"""The one model of ``cms``: how the admin names django-axes' records (no table of its own)."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _


class SignInLockout(AccessAttempt):
    """A user's failed sign-ins from one address, as Settings → Sign-in lockouts lists them."""

    class Meta:
        proxy = True
        verbose_name = _("failed sign-in record")
        verbose_name_plural = _("failed sign-in records")
