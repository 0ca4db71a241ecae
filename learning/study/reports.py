"""Staff reports (Wagtail admin): attempts, pass rate and mean score per module and language, and
each question's share of correct answers per language, so a badly translated question stands
out. Each has a chart (SVG) beside its table and a CSV export; a fixed number of queries."""

import csv

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _

from course_content.models import EvaluationPage, ModulePage

from . import selectors
from .charts import bar_chart
from .roles import VIEW_REPORTS


def _require_permission(request):
    if not request.user.has_perm(VIEW_REPORTS):
        raise PermissionDenied


def percent(value):
    if value is None:
        return "—"
    return _("%(value)s%%") % {"value": formats.number_format(value, 0)}


def _csv(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def _mean(value):
    return "" if value is None else f"{value:.1f}"


def _rate(value):
    return "" if value is None else value


def course_report_view(request):
    _require_permission(request)
    editions = selectors.report_editions()
    if not editions:
        raise Http404
    chosen = request.GET.get("edition", "")
    course = next((c for c in editions if str(c.pk) == chosen), editions[0])
    rows = selectors.course_report(course)
    if request.GET.get("export") == "csv":
        header = ["module", "title", "language", "attempts", "passed", "pass_rate", "mean_score"]
        lines = []
        for row in rows:
            module = row["module"]
            for figures in [row["total"], *row["languages"]]:
                lines.append(
                    [
                        module.number,
                        module.title,
                        figures.language or "all",
                        figures.attempts,
                        figures.passed,
                        _rate(figures.pass_rate),
                        _mean(figures.mean_score),
                    ]
                )
        return _csv(f"evaluations-{course.slug}.csv", header, lines)
    languages = sorted({f.language for row in rows for f in row["languages"]})
    chart = bar_chart(
        [
            (
                f"{row['module'].number}. {row['module'].title}",
                {f.language: (f.pass_rate, percent(f.pass_rate)) for f in row["languages"]},
            )
            for row in rows
        ],
        series=languages,
    )
    title = _("Evaluation results")
    return TemplateResponse(
        request,
        "learning/study/reports/course.html",
        {
            "header_title": title,
            "page_title": title,
            "editions": editions,
            "course": course,
            "rows": rows,
            "chart": chart,
            "series": [(code, selectors.language_name(code)) for code in languages],
        },
    )


def evaluation_report_view(request, pk):
    _require_permission(request)
    evaluation = get_object_or_404(
        EvaluationPage, pk=pk, locale__language_code=settings.LANGUAGE_CODE
    )
    module = ModulePage.objects.filter(path=evaluation.path[: -evaluation.steplen]).first()
    report = selectors.evaluation_report(evaluation)
    if request.GET.get("export") == "csv":
        header = ["question", "question_id", "prompt", "language", "answers", "correct", "share"]
        lines = [
            [
                question["number"],
                question["id"],
                question["prompt"],
                share["language"],
                share["answers"],
                share["correct"],
                _rate(share["share"]),
            ]
            for question in report["questions"]
            for share in question["shares"]
        ]
        return _csv(f"evaluation-{evaluation.pk}-questions.csv", header, lines)
    languages = [figures.language for figures in report["languages"]]
    chart = bar_chart(
        [
            (
                _("Question %(number)s") % {"number": question["number"]},
                {s["language"]: (s["share"], percent(s["share"])) for s in question["shares"]},
            )
            for question in report["questions"]
        ],
        series=languages,
    )
    title = _("Evaluation results: %(title)s") % {"title": evaluation.title}
    return TemplateResponse(
        request,
        "learning/study/reports/evaluation.html",
        {
            "header_title": title,
            "page_title": title,
            "evaluation": evaluation,
            "module": module,
            "source_language": settings.LANGUAGE_CODE,
            "report": report,
            "chart": chart,
            "series": [(code, selectors.language_name(code)) for code in languages],
        },
    )
