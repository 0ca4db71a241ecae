import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log
from wagtail.models import Locale

from cms.commands import refuse_outside_demo
from course_content.demo import content
from course_content.models import CoursePage, EvaluationPage, ModulePage
from learning.enrolment import services
from learning.enrolment.roles import ENROLMENT_MANAGERS, setup_enrolment_roles
from learning.models import Application, Attempt, Enrolment, ModuleProgress

MANAGER = ("gestora", "Gabriela", "Gestora")
LEARNER = ("aprendiz", "Andrea", "Aprendiz")
LEARNER_APPLICATION = {
    "organisation": "Defensoría de la Niñez de Santa Cruz",
    "country": "BO",
    "role": "Trabajadora social",
    "motivation": "Acompaño a adolescentes que cruzan la frontera sin sus familias y quiero "
    "conocer mejor los mecanismos de protección de los países de tránsito.",
    "language": "es",
}
WAITING = {
    "name": "Lucía Ramírez Ordóñez",
    "email": "lucia.ramirez@example.org",
    "organisation": "Procuraduría de la Niñez y la Adolescencia",
    "country": "GT",
    "role": "Abogada",
    "motivation": "Represento a niñas y niños retornados y necesito herramientas para evaluar su "
    "interés superior antes de cada decisión de retorno.",
    "language": "es",
}


def demo_password(username):
    return f"demo-{username}"


def plausible_failed_answers(evaluation):
    """Answers to ``evaluation`` by its real question and option ids (true/false: "true" or
    "false"): the first question right, the others wrong, so the attempt fails. Returns the
    answers, the points earned and the total."""
    answers, points, total = {}, 0, 0
    for index, question in enumerate(evaluation.questions):
        total += question.value["points"]
        if question.block_type == "true_false":
            right = question.value["answer"]
            chosen = [right if index == 0 else ("false" if right == "true" else "true")]
        else:
            options = question.value["options"]
            correct = [o.id for o in options.bound_blocks if o.value["is_correct"]]
            wrong = [o.id for o in options.bound_blocks if not o.value["is_correct"]]
            chosen = correct if index == 0 else wrong[:1]
        answers[question.id] = chosen
        if index == 0:
            points += question.value["points"]
    return answers, points, total


class Command(BaseCommand):
    help = (
        "Demo only: the enrolment managers' group with one manager, one applicant waiting for "
        "review, and one learner enrolled in the demo edition with progress on three modules and "
        "one failed evaluation attempt (credentials printed). Idempotent."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        refuse_outside_demo("load_demo_learning")
        edition = CoursePage.objects.filter(
            locale=Locale.get_default(), slug=content.COURSE["slug"]
        ).first()
        if edition is None:
            raise CommandError("The demo course is not loaded: run load_demo_course first.")
        setup_enrolment_roles()
        User = get_user_model()
        manager = self.user(User, *MANAGER)
        manager.groups.add(Group.objects.get(name=ENROLMENT_MANAGERS))
        learner = self.user(User, *LEARNER)
        now = timezone.now()

        application = self.application(
            edition,
            name=learner.get_full_name(),
            email=learner.email,
            applied_at=now - datetime.timedelta(days=20),
            **LEARNER_APPLICATION,
        )
        if application.status == Application.PENDING:
            services._decide(
                application,
                Application.APPROVED,
                by=manager,
                note="Perfil adecuado: trabaja en protección de niñez migrante.",
            )
            log(
                instance=application,
                action=services.APPROVED_ACTION,
                user=manager,
                data={"note": application.decision_note},
            )
        enrolment, _created = Enrolment.objects.get_or_create(
            user=learner, course=edition, defaults={"application": application}
        )
        modules = list(ModulePage.objects.child_of(edition).order_by("number")[:3])
        for module in modules:
            ModuleProgress.objects.get_or_create(enrolment=enrolment, module=module)
        evaluation = EvaluationPage.objects.child_of(modules[0]).first()
        if evaluation and not Attempt.objects.filter(enrolment=enrolment).exists():
            answers, points, total = plausible_failed_answers(evaluation)
            pass_mark = evaluation.effective_pass_mark
            score = round(100 * points / total) if total else 0
            Attempt.objects.create(
                enrolment=enrolment,
                evaluation=evaluation,
                language="es",
                answers=answers,
                points=points,
                total_points=total,
                score=score,
                pass_mark=pass_mark,
                passed=score >= pass_mark,
                started_at=now - datetime.timedelta(days=2, minutes=14),
            )
        self.application(edition, applied_at=now - datetime.timedelta(days=3), **WAITING)

        self.stdout.write("Demo learners (username / password → role):")
        self.stdout.write(
            f"  {manager.username} / {demo_password(manager.username)} → {ENROLMENT_MANAGERS}"
        )
        with translation.override(settings.LANGUAGE_CODE):
            login_path = reverse("learning:login")
        self.stdout.write(
            f"  {learner.username} / {demo_password(learner.username)} → learner of "
            f"'{edition.title}' (signs in on the public site: {login_path})"
        )
        self.stdout.write(f"  waiting for review: {WAITING['name']} <{WAITING['email']}>")

    def user(self, User, username, first_name, last_name):
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
        return user

    def application(self, edition, *, applied_at, email, **fields):
        application = Application.objects.filter(course=edition, email__iexact=email).first()
        if application is None:
            application = Application.objects.create(
                course=edition,
                email=email,
                consent_given_at=applied_at,
                privacy_notice_version=services.PRIVACY_NOTICE_VERSION,
                **fields,
            )
            Application.objects.filter(pk=application.pk).update(created_at=applied_at)
        return application
