"""Template tags of the learner side's studying (see ``learning/study``)."""

from django import template

from learning.study import selectors

register = template.Library()


@register.inclusion_tag("learning/study/evaluation_panel.html", takes_context=True)
def evaluation_panel(context):
    """On an evaluation page: the form for a learner who may answer it now, else what they may
    do (the questions to prepare, when they may try again, why it is closed)."""
    request = context["request"]
    page = context["page"]
    study = selectors.evaluation_panel(
        request, page, submission=getattr(request, "study_submission", None)
    )
    return {
        "request": request,
        "page": page,
        "page_lang": context.get("page_lang", ""),
        "public_questions": context.get("public_questions", []),
        "study": study,
    }


@register.filter
def percent(value):
    """``80 %`` / ``80%`` as the reader's language writes it; ``—`` for no value."""
    from learning.study.reports import percent as _percent

    return _percent(value)
