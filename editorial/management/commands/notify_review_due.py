from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from admin_language.languages import language_for_user
from editorial.models import STATUS_OVERDUE, ReviewCycle
from editorial.roles import REVIEWERS


def reminder(cycles, report_url):
    """(subject, body) of one reviewer's reminder, in the active language."""
    lines = []
    for cycle in cycles:
        if cycle.due_on:
            line = _("%(title)s (due on %(date)s)") % {
                "title": cycle.page.title,
                "date": date_format(cycle.due_on, "DATE_FORMAT"),
            }
        else:
            line = _("%(title)s (never reviewed)") % {"title": cycle.page.title}
        lines.append(f"- {line}")
    subject = ngettext(
        "%(count)s country unit overdue for review",
        "%(count)s country units overdue for review",
        len(cycles),
    ) % {"count": len(cycles)}
    body = "\n".join(
        [
            ngettext(
                "This country unit is overdue for review:",
                "These country units are overdue for review:",
                len(cycles),
            ),
            "",
            *lines,
            "",
            _("Review them, or mark them “reviewed, no change needed”, at %(url)s")
            % {"url": report_url},
        ]
    )
    return subject, body + "\n"


class Command(BaseCommand):
    help = (
        "Email each responsible reviewer the list of their overdue country units, in their "
        "admin language. Units without a reviewer go to the Subject-matter reviewers group. "
        "Run it daily (cron or a worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be sent, send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        overdue = (
            ReviewCycle.objects.with_status(STATUS_OVERDUE)
            .select_related("page", "reviewer__wagtail_userprofile")
            .order_by("due_on", "page__title")
        )
        fallback = list(
            get_user_model()
            .objects.filter(groups__name=REVIEWERS, is_active=True)
            .exclude(email="")
            .select_related("wagtail_userprofile")
        )
        by_recipient = defaultdict(list)
        for cycle in overdue:
            reviewer = cycle.reviewer
            for recipient in [reviewer] if reviewer and reviewer.email else fallback:
                by_recipient[recipient].append(cycle)
        report_url = settings.WAGTAILADMIN_BASE_URL + reverse("review_cycles:index")
        messages = []
        for recipient, cycles in sorted(by_recipient.items(), key=lambda item: item[0].email):
            with translation.override(language_for_user(recipient)):
                subject, body = reminder(cycles, report_url)
            messages.append(
                (subject, body, settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL, [recipient.email])
            )
            count = len(cycles)
            self.stdout.write(f"  {recipient.email}: {count} overdue unit{'s' * (count != 1)}")
        if not messages:
            self.stdout.write("No overdue country units.")
            return
        if dry_run:
            self.stdout.write(
                f"Dry run: {len(messages)} email{'s' * (len(messages) != 1)} not sent."
            )
            return
        send_mass_mail(messages, fail_silently=False)
        self.stdout.write(
            self.style.SUCCESS(f"Sent {len(messages)} email{'s' * (len(messages) != 1)}.")
        )
