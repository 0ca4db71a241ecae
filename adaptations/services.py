"""Writes: receiving a request, changing its status (with a note emailed to the requester),
accepting it as a translation project, and erasing contact details after the retention period.

Views, commands and tasks call these functions; each runs in one transaction.
"""

import datetime
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from learning.enrolment.services import PRIVACY_NOTICE_VERSION  # one notice for the site

from . import emails
from .models import AdaptationRequest, StatusChange
from .selectors import project_pages, source_course


class AdaptationRefused(Exception):
    """A status change or acceptance that cannot be made; the message says why."""


def retention():
    return datetime.timedelta(days=settings.ADAPTATION_REQUEST_RETENTION_DAYS)


@transaction.atomic
def submit_request(*, data, site_language, request=None):
    """Store a request from the public form (``RequestForm.cleaned_data``) and email the
    requester a confirmation in the language they wrote in."""
    adaptation = AdaptationRequest.objects.create(
        organisation=data["organisation"].strip(),
        contact_name=data["contact_name"].strip(),
        email=data["email"].strip(),
        country=data["country"],
        language=data["language"],
        region=data.get("region") or "",
        audience=data["audience"].strip(),
        learners=data["learners"],
        modules=list(data["modules"]),
        adaptations=list(data["adaptations"]),
        details=(data.get("details") or "").strip(),
        timeline=data["timeline"].strip(),
        site_language=site_language,
        consent_given_at=timezone.now(),
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
        status_token=secrets.token_urlsafe(32) if data.get("wants_status_link") else None,
    )
    transaction.on_commit(lambda: emails.send_received(adaptation, request=request))
    return adaptation


def _record(adaptation, status, note, by):
    now = timezone.now()
    adaptation.status = status
    adaptation.status_changed_at = now
    StatusChange.objects.create(request=adaptation, status=status, note=note, user=by)
    return now


@transaction.atomic
def change_status(*, adaptation, status, note, by, request=None):
    """Under review or declined, with a note the requester receives by email."""
    adaptation = AdaptationRequest.objects.select_for_update().get(pk=adaptation.pk)
    if status not in (AdaptationRequest.REVIEW, AdaptationRequest.DECLINED):
        raise AdaptationRefused(_("Use “Accept” to accept a request."))
    if not adaptation.is_open:
        raise AdaptationRefused(_("This request is already closed."))
    if status == adaptation.status:
        raise AdaptationRefused(_("The request already has this status."))
    note = note.strip()
    if not note:
        raise AdaptationRefused(_("A status change needs a note to the requester."))
    _record(adaptation, status, note, by)
    adaptation.save()
    transaction.on_commit(lambda: emails.send_status_changed(adaptation, note, request=request))
    return adaptation


def locale_choices(adaptation):
    """The content languages a request's project may be in: its regional variant (``fr-ht``)
    and its language (``fr``), those configured in ``WAGTAIL_CONTENT_LANGUAGES``."""
    configured = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    codes = [adaptation.requested_code, adaptation.language]
    source = Locale.get_default().language_code
    return [
        (code, f"{configured[code]} ({code})")
        for code in dict.fromkeys(codes)
        if code in configured and code != source
    ]


@transaction.atomic
def accept(*, adaptation, locale_code, note, by, request=None):
    """Accept a request: a background job (a ``TranslationJob``, on the Translations dashboard)
    creates the locale if missing (with its translator and reviewer groups and review workflow)
    and submits the chosen modules, with their subpages, for translation. The requester gets the
    note by email."""
    from translations.models import TranslationJob
    from translations.services import TranslationRefused, _check_may_submit

    from .tasks import run_project_task

    adaptation = AdaptationRequest.objects.select_for_update().get(pk=adaptation.pk)
    if not adaptation.is_open:
        raise AdaptationRefused(_("This request is already closed."))
    note = note.strip()
    if not note:
        raise AdaptationRefused(_("A status change needs a note to the requester."))
    allowed = dict(locale_choices(adaptation))
    if locale_code not in allowed:
        raise AdaptationRefused(
            _("“%(code)s” is not a content language of the site; add it to LANGUAGES in the "
              "settings first.") % {"code": locale_code}
        )  # fmt: skip
    course = source_course()
    pages = project_pages(adaptation)
    if course is None or not pages:
        raise AdaptationRefused(_("None of the requested modules exists in the course."))
    try:
        _check_may_submit(course, by)
    except TranslationRefused as refused:
        raise AdaptationRefused(str(refused)) from refused
    job = TranslationJob.objects.create(
        kind=TranslationJob.SUBMIT, page=course, user=by, include_subtree=False, total=len(pages)
    )
    locale = Locale.objects.filter(language_code=locale_code).first()
    if locale is not None:
        job.locales.set([locale])
    adaptation.locale = locale
    adaptation.locale_code = locale_code
    adaptation.job = job
    adaptation.accepted_at = _record(adaptation, AdaptationRequest.ACCEPTED, note, by)
    adaptation.save()
    transaction.on_commit(lambda: emails.send_status_changed(adaptation, note, request=request))
    transaction.on_commit(lambda: run_project_task.enqueue(request_id=adaptation.pk))
    return adaptation


def _noop(done, total, page=None):
    pass


def run_project(request_id, *, progress=_noop):
    """The job of an accepted request: the locale (created if missing: its placeholder tree,
    groups and workflow; a regional variant follows the source tree as es-mx does and starts
    from its base language's translations), then each chosen module submitted for translation
    with its subpages. Progress goes to the request's ``TranslationJob`` as it runs (outside
    any transaction of the work, so the dashboard sees it)."""
    from translations.models import TranslationJob
    from translations.services import submit_for_translation

    from .selectors import source_modules

    adaptation = AdaptationRequest.objects.select_related("job", "job__user").get(pk=request_id)
    job = adaptation.job
    jobs = TranslationJob.objects.filter(pk=job.pk)
    to_submit = len(project_pages(adaptation))  # the job's total may hold an earlier run's sync
    jobs.update(status=TranslationJob.RUNNING, done=0)
    state = {"offset": 0, "done": 0}

    def synced(done, total, page=None):
        state["offset"] = total
        jobs.update(done=done, total=total + to_submit)
        progress(done, total + to_submit, page)

    def submitted(step, total, page=None):
        done = state["offset"] + state["done"] + step
        jobs.update(done=done)
        progress(done, state["offset"] + to_submit, page)

    try:
        locale = ensure_locale(adaptation.locale_code, progress=synced)
        job.locales.set([locale])
        AdaptationRequest.objects.filter(pk=adaptation.pk).update(locale=locale)
        wanted = set(adaptation.modules)
        for module in [m for m in source_modules() if m.number in wanted]:
            pages = submit_for_translation(
                page=module, locales=[locale], user=job.user, include_subtree=True,
                progress=submitted,
            )  # fmt: skip
            state["done"] += len(pages)
        inherit_from_base(adaptation_pages=project_pages(adaptation), locale=locale)
    except Exception as error:  # recorded for the user; the task itself still fails loudly
        jobs.update(status=TranslationJob.FAILED, message=str(error))
        raise
    total = state["offset"] + state["done"]
    jobs.update(status=TranslationJob.DONE, done=total, total=total)
    return state["done"]


def ensure_locale(code, *, progress):
    """The locale ``code``, created if missing and given the source's placeholder tree (as
    ``translations add-locale`` does, but placeholder by placeholder, so progress shows while
    the job runs), with its groups and review workflow (idempotent when it exists)."""
    from wagtail_localize.models import LocaleSynchronization

    from translations.services import setup_locale_work, sync_locale

    if code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        raise AdaptationRefused(
            _("“%(code)s” is not a content language of the site; add it to LANGUAGES in the "
              "settings first.") % {"code": code}
        )  # fmt: skip
    locale, created = Locale.objects.get_or_create(language_code=code)
    if created:
        # bulk_create: no post_save, which would start a second sync job (translations.signals).
        LocaleSynchronization.objects.bulk_create(
            [LocaleSynchronization(locale=locale, sync_from=Locale.get_default())]
        )
        sync_locale(locale, progress=progress)
    setup_locale_work(locale)
    return locale


def base_locale(locale):
    """The locale a regional variant follows (``fr`` for ``fr-ht``), if there is one."""
    if "-" not in locale.language_code:
        return None
    base = locale.language_code.split("-")[0]
    return Locale.objects.filter(language_code__iexact=base).first()


def inherit_from_base(*, adaptation_pages, locale):
    """A regional variant starts from its base language: each untranslated segment takes the
    base locale's translation (or the source text when the base is the source language),
    marked inherited, as es-mx does; adapters then change only what differs. Returns the number
    of segments filled."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    from translations.qa import INHERITED

    base = base_locale(locale)
    if base is None:
        return 0
    source = Locale.get_default()
    translations = Translation.objects.filter(
        source__object_id__in=[page.translation_key for page in adaptation_pages],
        target_locale=locale,
    )
    segments = list(
        StringSegment.objects.filter(source__translations__in=translations).select_related("string")
    )
    present = set(
        StringTranslation.objects.filter(
            locale=locale, translation_of__in=[s.string_id for s in segments]
        ).values_list("translation_of_id", "context_id")
    )
    base_texts = {}
    if base != source:
        base_texts = {
            (string_id, context_id): data
            for string_id, context_id, data in StringTranslation.objects.filter(
                locale=base, translation_of__in=[s.string_id for s in segments]
            ).values_list("translation_of_id", "context_id", "data")
        }
    rows = []
    for segment in segments:
        key = (segment.string_id, segment.context_id)
        if key in present:
            continue
        text = segment.string.data if base == source else base_texts.get(key)
        if text is None:
            continue
        present.add(key)
        rows.append(
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=INHERITED,
            )  # fmt: skip
        )
    StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def erase_request(adaptation, *, now=None):
    """Remove a request's contact details and free texts; its country, language, region,
    number of learners, modules, kinds of adaptation, status and dates stay for statistics. The
    private status link stops working."""
    AdaptationRequest.objects.filter(pk=adaptation.pk).update(
        organisation="",
        contact_name="",
        email="",
        audience="",
        details="",
        timeline="",
        status_token=None,
        erased_at=now or timezone.now(),
    )
    StatusChange.objects.filter(request=adaptation).update(note="")


def erase_expired(*, now=None):
    """Erase the contact details of requests whose last change (or arrival) is older than
    ``ADAPTATION_REQUEST_RETENTION_DAYS``. Returns the number erased."""
    from django.db.models import Q

    now = now or timezone.now()
    cutoff = now - retention()
    expired = AdaptationRequest.objects.filter(erased_at__isnull=True).filter(
        Q(status_changed_at__lt=cutoff) | Q(status_changed_at__isnull=True, created_at__lt=cutoff)
    )
    count = 0
    for adaptation in expired:
        erase_request(adaptation, now=now)
        count += 1
    return count
