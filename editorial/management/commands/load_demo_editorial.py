import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from cms.commands import refuse_outside_demo
from editorial.models import ReviewCycle
from editorial.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, REVIEWERS
from editorial.services import ensure_review_cycles

# Demo accounts for trying each role locally. Never run this command in production.
DEMO_USERS = [
    ("editora", "Elena", "Editora", EDITORS),
    ("revisor", "Rafael", "Revisor", REVIEWERS),
    ("publicadora", "Paula", "Publicadora", PUBLISHERS),
    ("administrador", "Andrés", "Administrador", ADMINISTRATORS),
]


def demo_password(username):
    return f"demo-{username}"


class Command(BaseCommand):
    help = (
        "Demo only: set up the editorial roles, one user per role (credentials printed) and "
        "review cycles for the demo's country units, a few overdue and a few due soon."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        refuse_outside_demo("load_demo_editorial")
        call_command("setup_roles", stdout=self.stdout)
        User = get_user_model()
        self.stdout.write("Demo users (username / password → role):")
        for username, first_name, last_name, group_name in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@example.org",
                },
            )
            if created:
                user.set_password(demo_password(username))
                user.save()
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(f"  {username} / {demo_password(username)} → {group_name}")

        ensure_review_cycles()
        cycles = ReviewCycle.objects.filter(last_reviewed_on__isnull=True).order_by("page__path")
        if cycles.exists():
            reviewer = User.objects.get(username="revisor")
            today = timezone.localdate()
            for index, cycle in enumerate(cycles):
                # Three overdue, three due within a month, the rest reviewed recently.
                days_ago = 420 if index < 3 else 350 if index < 6 else 60
                cycle.last_reviewed_on = today - datetime.timedelta(days=days_ago + index)
                cycle.reviewer = reviewer
                cycle.save()
            self.stdout.write(f"Review cycles set for {cycles.count()} country units.")
