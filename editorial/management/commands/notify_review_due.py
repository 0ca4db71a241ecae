from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from editorial.models import STATUS_OVERDUE, ReviewCycle
from editorial.roles import REVIEWERS


class Command(BaseCommand):
    help = (
        "Email each responsible reviewer the list of their overdue country units. Units without "
        "a reviewer go to the Subject-matter reviewers group. Run it daily (cron or a worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be sent, send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        overdue = (
            ReviewCycle.objects.with_status(STATUS_OVERDUE)
            .select_related("page", "reviewer")
            .order_by("due_on", "page__title")
        )
        fallback = list(
            get_user_model()
            .objects.filter(groups__name=REVIEWERS, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        by_recipient = defaultdict(list)
        for cycle in overdue:
            reviewer = cycle.reviewer
            recipients = [reviewer.email] if reviewer and reviewer.email else fallback
            for email in recipients:
                by_recipient[email].append(cycle)
        report_url = settings.WAGTAILADMIN_BASE_URL + reverse("review_cycles:index")
        messages = []
        for email, cycles in sorted(by_recipient.items()):
            lines = [
                f"- {cycle.page.title} (due {cycle.due_on or 'now: never reviewed'})"
                for cycle in cycles
            ]
            body = (
                "These country units are overdue for review:\n\n"
                + "\n".join(lines)
                + f"\n\nReview them, or mark them 'reviewed, no change needed', at {report_url}\n"
            )
            subject = f"{len(cycles)} country unit(s) overdue for review"
            messages.append((subject, body, settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL, [email]))
            self.stdout.write(f"  {email}: {len(cycles)} overdue unit(s)")
        if not messages:
            self.stdout.write("No overdue country units.")
            return
        if dry_run:
            self.stdout.write(f"Dry run: {len(messages)} email(s) not sent.")
            return
        send_mass_mail(messages, fail_silently=False)
        self.stdout.write(self.style.SUCCESS(f"Sent {len(messages)} email(s)."))
