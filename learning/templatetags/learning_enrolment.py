"""Template helpers of enrolment on the public site: the course page's application form and
the header's account links."""

from django import template

from learning.access import enrolment_for
from learning.enrolment.forms import ApplicationForm
from learning.enrolment.services import closed_message, window_state

register = template.Library()


@register.simple_tag(takes_context=True)
def application_box(context, course):
    """What the course page shows under "Apply": the form while the application window is
    open, when it opens or that it closed otherwise, or the visitor's enrolment. No query for
    an anonymous visitor."""
    request = context.get("request")
    user = getattr(request, "user", None)
    enrolment = enrolment_for(user, course) if user is not None else None
    state = window_state(course)
    box = {"state": state, "enrolment": enrolment, "form": None, "closed_message": None}
    if state != "open":
        box["closed_message"] = closed_message(course)
    elif enrolment is None:
        initial = {}
        if user is not None and user.is_authenticated:
            initial = {"name": user.get_full_name(), "email": user.email}
        box["form"] = ApplicationForm(initial=initial)
    return box
