"""Guards shared by the management commands that make demo data or set passwords."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


def refuse_outside_demo(command_name):
    """Stop a demo command unless the settings allow demo data (``cms.settings.dev`` and
    ``cms.settings.test`` do; production does not): demo commands create users with well-known
    passwords and rebuild content."""
    if not getattr(settings, "DEMO_DATA_ALLOWED", False):
        raise CommandError(
            f"{command_name} loads demo data and demo users with published passwords; it refuses "
            f"to run with these settings ({settings.SETTINGS_MODULE}). Use cms.settings.dev."
        )


def checked_password(password, user):
    """``password`` if Django's password validators accept it for ``user``; otherwise a
    CommandError with the validators' messages."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise CommandError(
            f"The password for '{user.get_username()}' was refused: " + " ".join(error.messages)
        ) from error
    return password
