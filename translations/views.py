"""Admin views of the translation workflow: the dashboard and the translators' actions."""

import csv
import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page, TaskState, WorkflowState
from wagtail_localize.models import Translation

from course_content.models import CoursePage, ModulePage

from . import access, services
from .models import TranslationJob
from .qa import findings_for
from .selectors import target_locales, translation_matrix, translation_projects


def dashboard_pages():
    """The source course pages and their modules, in course order (two queries)."""
    source = Locale.get_default()
    pages = []
    for course in CoursePage.objects.filter(locale=source).order_by("path"):
        pages.append(course)
        pages += list(ModulePage.objects.child_of(course).order_by("number"))
    return pages


MAX_ID = 2**31 - 1
LANGUAGE_CODE = re.compile(r"[A-Za-z0-9-]{1,20}")


def _ids_in_range(values):
    """Ids are refused as unknown choices before they reach the database: one beyond its
    integer range would be an error there (SQLite), not a wrong choice."""
    for value in values:
        text = str(value).strip()
        if not text.isdigit() or int(text) > MAX_ID:
            raise forms.ValidationError(
                forms.ModelChoiceField.default_error_messages["invalid_choice"],
                code="invalid_choice",
            )


class PageChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            _ids_in_range([value])
        return super().to_python(value)


class LocalesChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        _ids_in_range(value)
        return super()._check_values(value)


class SubmitForm(forms.Form):
    page = PageChoiceField(queryset=Page.objects.none(), label=_("Page"))
    locales = LocalesChoiceField(
        queryset=Locale.objects.none(), widget=forms.CheckboxSelectMultiple, label=_("Locales")
    )
    include_subtree = forms.BooleanField(required=False, initial=True, label=_("With its subpages"))

    def __init__(self, *args, pages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = Page.objects.filter(pk__in=[p.pk for p in pages])
        self.fields["locales"].queryset = Locale.objects.exclude(pk=Locale.get_default().pk)


def dashboard(request):
    """The module × locale matrix. Per-locale rights: a cell (and its CSV line) shows to those
    who may edit its source page or work in its locale; QA reports, CAT files and actions to
    those who work in the locale; jobs to whoever started them and to those who work in all of
    their locales. Someone with no translation role at all is refused."""
    pages = dashboard_pages()
    user = request.user
    worked_in = access.locales_worked_in(user)
    source_editable = access.editable_page_ids(user, pages)
    can_submit = user.has_perm("wagtail_localize.submit_translation")
    visible_locales = [
        locale for locale in target_locales()
        if user.is_superuser or source_editable or locale.pk in worked_in
    ]  # fmt: skip
    if not visible_locales and not can_submit:
        raise PermissionDenied
    form = SubmitForm(request.POST or None, pages=pages)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.start_translation_job(
                page=form.cleaned_data["page"].specific,
                locales=list(form.cleaned_data["locales"]),
                user=user,
                include_subtree=form.cleaned_data["include_subtree"],
            )
        except services.TranslationRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "Submitting %(total)s page for translation (%(status)s).",
                    "Submitting %(total)s pages for translation (%(status)s).",
                    job.total,
                )
                % {"total": job.total, "status": job.get_status_display()},
            )
        return redirect("translations:dashboard")
    code = request.GET.get("locale")
    locales = [locale for locale in visible_locales if locale.language_code == code]
    locales = locales or visible_locales
    # A project (an accepted adaptation request…): its pages in its locale.
    visible_ids = {locale.pk for locale in visible_locales}
    projects = [p for p in translation_projects() if p.locale_id in visible_ids]
    project = next((p for p in projects if p.key == request.GET.get("project")), None)
    if project is not None:
        locales = [locale for locale in visible_locales if locale.pk == project.locale_id]
        pages = [page for page in pages if page.translation_key in project.source_keys]
    rows = translation_matrix(pages, locales)
    for page, cells in rows:
        for cell in cells:
            cell.visible = access.may_see_status(
                user,
                source_editable=page.pk in source_editable,
                locale_id=cell.locale.pk,
                worked_in=worked_in,
            )
    if request.GET.get("export") == "csv":
        return export_csv(rows)
    # Offer actions only where the user may take them (permissions are cached per request).
    editable = worked_in & {locale.pk for locale in locales}
    title_links = page_title_links(request.user, rows, editable, source_editable)
    return TemplateResponse(
        request,
        "translations/dashboard.html",
        {
            "header_title": _("Translations"),
            "page_title": _("Translations"),
            "locales": locales,
            "all_locales": visible_locales,
            "rows": [(page, cells, title_links.get(page.pk)) for page, cells in rows],
            "editable": editable,
            "can_submit": can_submit,
            "form": form,
            "jobs": visible_jobs(user, worked_in)[:5],
            "projects": projects,
            "project": project,
        },
    )


def visible_jobs(user, worked_in):
    """Recent jobs the user may see: theirs, and those into locales they all work in."""
    from django.db.models import Exists, OuterRef, Q

    jobs = TranslationJob.objects.select_related("page").prefetch_related("locales")
    if user.is_superuser:
        return jobs
    elsewhere = TranslationJob.locales.through.objects.filter(
        translationjob_id=OuterRef("pk")
    ).exclude(locale_id__in=worked_in)
    return jobs.filter(Q(user=user) | ~Exists(elsewhere))


def page_title_links(user, rows, editable, source_editable):
    """{source page id: the admin page its title opens for ``user``}: the source's editor for
    those who may edit it; otherwise the translation editor of the one shown locale they work
    in; no link at all rather than one that answers "you do not have permission"."""
    links = {}
    for page, cells in rows:
        if page.pk in source_editable:
            links[page.pk] = reverse("wagtailadmin_pages:edit", args=[page.pk])
            continue
        targets = [
            cell.target for cell in cells
            if cell.translation and cell.target and cell.locale.pk in editable
        ]  # fmt: skip
        if len(targets) == 1:
            links[page.pk] = reverse("wagtailadmin_pages:edit", args=[targets[0].pk])
    return links


def export_csv(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translations.csv"'
    writer = csv.writer(response)
    writer.writerow(["page", "locale", "percent", "translated", "total", "stale", "new",
                     "machine", "qa_findings", "state", "workflow"])  # fmt: skip
    for page, cells in rows:
        for cell in cells:
            if not cell.visible:
                continue
            writer.writerow([
                page.title, cell.locale.language_code, cell.percent, cell.translated, cell.total,
                cell.stale, cell.new, cell.machine, len(cell.findings), cell.state, cell.workflow,
            ])  # fmt: skip
    return response


def _act(request, action, success_message):
    """Run a translator's action; report the outcome and go back where the user was."""
    try:
        action()
    except services.TranslationRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success_message)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "translations:dashboard"
    return redirect(target)


@require_POST
def bring_in_changes(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    return _act(
        request,
        lambda: services.bring_in_changes(translation=translation, user=request.user),
        _("The source changes are in your draft; translate them next."),
    )


@require_POST
def submit_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    return _act(
        request,
        lambda: services.submit_for_review(page=page, user=request.user),
        _("“%(title)s” was sent for review.") % {"title": page.title},
    )


def _back(request, default="translations:dashboard"):
    """Where the user came from (``next``, else the referring admin page), if it is ours."""
    for target in (request.GET.get("next", ""), request.headers.get("referer", "")):
        if target and url_has_allowed_host_and_scheme(
            target, {request.get_host()}, require_https=request.is_secure()
        ):
            return target
    return reverse(default)


def confirm_review(request, task_state):
    """A message for what the reviewer did in ``task_state`` (a translation review), if they
    finished it."""
    if task_state.finished_by_id != request.user.pk:
        return
    page = task_state.workflow_state.content_object
    title = page.get_admin_display_title() if page is not None else ""
    if task_state.status == TaskState.STATUS_APPROVED:
        if task_state.workflow_state.status == WorkflowState.STATUS_APPROVED:
            message = _("“%(title)s” is approved and published.")
        else:
            message = _("“%(title)s” is approved.")
        messages.success(request, message % {"title": title})
    elif task_state.status == TaskState.STATUS_REJECTED:
        messages.success(
            request,
            _("Changes were requested on “%(title)s”; the translator sees your comment.")
            % {"title": title},
        )


def reviewed(request, task_state_id):
    """Where a review action taken in a dialog or with a button lands: it confirms what the
    reviewer did, then goes back where they were."""
    task_state = get_object_or_404(
        TaskState.objects.select_related("workflow_state"), pk=task_state_id
    )
    confirm_review(request, task_state)
    return redirect(_back(request))


def qa_report(request, translation_id):
    """The QA findings of one translation, segment by segment: for those who may work on it."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    target = access.target_instance(translation)
    if target is None:
        raise Http404
    if not access.may_edit_instance(request.user, target):
        raise PermissionDenied
    findings = findings_for(translation, include_dismissed=True)
    translated_on = translated_dates(translation, findings)
    rows = [(finding, translated_on.get(finding.segment_id)) for finding in findings]
    return TemplateResponse(
        request,
        "translations/qa_report.html",
        {
            "header_title": _("Quality checks"),
            "page_title": _("Quality checks"),
            "translation": translation,
            "target": target,
            "target_title": str(target),
            "edit_url": translation.get_target_instance_edit_url(),
            "rows": [row for row in rows if row[0].dismissal is None],
            "dismissed": [row for row in rows if row[0].dismissal is not None],
            "can_dismiss": access.may_publish_instance(request.user, target),
            "dismiss_form": DismissFindingForm(),
        },
    )


class DismissFindingForm(forms.Form):
    """A reviewer's dismissal of one finding of one segment, and why."""

    segment = forms.IntegerField(min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    kind = forms.CharField(max_length=40, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea({"rows": 2}),
        error_messages={"required": _("Dismissing a finding needs a reason.")},
    )


@require_POST
def qa_dismiss(request, translation_id):
    """A reviewer dismisses a QA finding of a segment with a reason (for those who may approve
    the translation: its locale's reviewers; translators get 403)."""
    from .qa import dismiss_finding

    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    target = access.target_instance(translation)
    if target is None:
        raise Http404
    if not access.may_publish_instance(request.user, target):
        # A plain 403 (Wagtail's admin would turn PermissionDenied into a redirect home).
        from django.views.defaults import permission_denied

        return permission_denied(request, PermissionDenied())
    form = DismissFindingForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("translations:qa_report", translation.pk)
    finding = next(
        (
            finding
            for finding in findings_for(translation)
            if finding.segment_id == form.cleaned_data["segment"]
            and finding.kind == form.cleaned_data["kind"]
            and finding.dismissable
        ),
        None,
    )
    if finding is None:
        messages.error(request, _("That finding is no longer there; nothing was dismissed."))
    else:
        dismiss_finding(
            translation=translation,
            finding=finding,
            user=request.user,
            reason=form.cleaned_data["reason"].strip(),
        )
        messages.success(request, _("Finding dismissed: “%(label)s”.") % {"label": finding.label})
    return redirect("translations:qa_report", translation.pk)


def translated_dates(translation, findings):
    """{segment id: when its current translation was last saved}, for ``findings`` (2 queries)."""
    from wagtail_localize.models import StringSegment, StringTranslation

    segments = {
        (string, context): pk
        for pk, string, context in StringSegment.objects.filter(
            pk__in={finding.segment_id for finding in findings}
        ).values_list("pk", "string_id", "context_id")
    }
    rows = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_of_id__in={string for string, _context in segments},
        context_id__in={context for _string, context in segments},
    ).values_list("translation_of_id", "context_id", "updated_at")
    return {
        segments[(string, context)]: updated
        for string, context, updated in rows
        if (string, context) in segments
    }


class ArchiveUploadForm(forms.Form):
    archive = forms.FileField(
        label=_("PO or XLIFF file, or a .zip of them"),
        help_text=_("All or nothing: if any file is refused, nothing is imported."),
    )


def _locale_for_translator(request, code):
    """The locale ``code`` and its translations the user may edit (to export and import); 404, or
    403 when there are none."""
    from .formats.archive import translations_of

    if not LANGUAGE_CODE.fullmatch(code):  # PostgreSQL refuses a null character in a query
        raise Http404
    locale = get_object_or_404(
        Locale.objects.exclude(pk=Locale.get_default().pk), language_code=code
    )
    translations = translations_of(locale, request.user)
    if not request.user.is_superuser and not translations:
        raise PermissionDenied
    return locale, translations


def locale_files(request, code):
    """CAT-tool files of one locale, in the browser: GET downloads the archive (``?format=po`` or
    ``xliff``), POST imports a file or an archive, atomically, like ``manage.py translations``."""
    from .formats import MAX_ARCHIVE_BYTES, ImportRejected
    from .formats.archive import FORMATS, export_locale, import_archive

    locale, translations = _locale_for_translator(request, code)
    back = f"{reverse('translations:dashboard')}?locale={locale.language_code}"
    if request.method == "POST":
        form = ArchiveUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Choose a file to import."))
            return redirect(back)
        upload = form.cleaned_data["archive"]
        if upload.size > MAX_ARCHIVE_BYTES:
            messages.error(
                request,
                _("Nothing was imported: %(name)s is larger than %(limit)s MB.")
                % {"name": upload.name, "limit": MAX_ARCHIVE_BYTES // 2**20},
            )
            return redirect(back)
        try:
            files, changed = import_archive(
                upload.read(),
                name=upload.name,
                locale=locale,
                user=request.user,
                translations=translations,
            )
        except ImportRejected as rejected:
            messages.error(
                request,
                _("Nothing was imported: %(errors)s") % {"errors": " ".join(rejected.errors)},
            )
        else:
            imported = ngettext("Imported %(files)s file.", "Imported %(files)s files.", files) % {
                "files": files
            }
            segments = ngettext(
                "%(changed)s segment changed.", "%(changed)s segments changed.", changed
            ) % {"changed": changed}
            messages.success(request, f"{imported} {segments}")
        return redirect(back)
    fmt = request.GET.get("format", "xliff")
    if fmt not in FORMATS:
        messages.error(request, _("Unknown format: choose PO or XLIFF."))
        return redirect(back)
    data = export_locale(locale, fmt, translations=translations)
    response = HttpResponse(data, content_type="application/zip")
    filename = f"translations-{locale.language_code}-{fmt}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
