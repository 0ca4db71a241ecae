"""Which language the admin speaks to a user: one rule, used for every admin request.

1. The user's own preference (Account → Preferences → Language), if they have chosen one;
2. otherwise the first language of their browser (``Accept-Language``) that the admin offers,
   matched by base language (``pt-PT`` → Português (Brasil), ``es-MX`` → Español, ``en-US`` →
   English);
3. otherwise Spanish (``LANGUAGE_CODE``).

The admin offers ``WAGTAILADMIN_PERMITTED_LANGUAGES`` (es, pt-br, fr, en), whatever the content
languages are. Before signing in (the login page) only steps 2 and 3 apply. E-mails sent to a
user without a preference are written in Spanish.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.users.models import UserProfile


def admin_languages():
    return [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]


def default_language():
    return settings.LANGUAGE_CODE


def offered(code):
    """The admin language that serves ``code`` (a browser or locale language code), or None."""
    code = (code or "").lower().replace("_", "-")
    languages = admin_languages()
    if code in languages:
        return code
    base = code.split("-")[0]
    if base in languages:
        return base
    return next((language for language in languages if language.split("-")[0] == base), None)


def preferred_language(user):
    """The admin language the user chose in their account, or None."""
    try:
        preference = user.wagtail_userprofile.preferred_language
    except ObjectDoesNotExist:  # no profile yet: they never changed their preferences
        return None
    return offered(preference) if preference else None


def browser_language(request):
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code != "*" and (language := offered(code)):
            return language
    return None


def admin_language(request):
    """The language of the admin for this request (see the module's docstring)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and (language := preferred_language(user)):
        return language
    return browser_language(request) or default_language()


def language_for_user(user):
    """The language to write to a user outside a request (e-mails): their preference, else
    Spanish."""
    return preferred_language(user) or default_language()


def language_for_locale(code):
    """The admin language of the people who work on a content locale: its own language if the
    admin offers it (``es-mx`` → ``es``), else Spanish."""
    return offered(code) or default_language()


def set_preferred_language(user, language):
    """Store ``language`` as the user's admin language preference (as Account → Preferences
    does)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
