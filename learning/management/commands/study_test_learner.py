"""For tests and local trials only: a learner enrolled in the demo edition, signed in.

    manage.py study_test_learner --username ana --name "Ana Núñez" --session
        creates (or reuses) an active learner enrolled in the demo edition and prints a session
        key (the ``sessionid`` cookie of a signed-in browser: the public sign-in pages belong to
        the enrolment part of the learner side);
    manage.py study_test_learner --username ana --retake-wait 60 --module 1
        sets the retake wait of module 1's evaluation (its source and translations);
    manage.py study_test_learner --translate-module 2 --locale pt-br
        publishes the pt-br translation of module 2 and its evaluation (the demo translates only
        module 1 into Portuguese), with the Portuguese text below;
    manage.py study_test_learner --username ana --time-passes 90
        moves the learner's attempts 90 minutes into the past (as if they came back later).

Nothing here runs in ``make run``; the demo's own learners come from ``learning.enrolment``.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from wagtail.models import Locale

from cms.commands import refuse_outside_demo
from course_content.demo import content
from course_content.models import CoursePage, EvaluationPage, ModulePage
from learning.models import Attempt, Enrolment

# Module 2 and its evaluation in Brazilian Portuguese (our own text).
PT_BR = {
    "La migración en el mundo y los Objetivos de Desarrollo Sostenible": (
        "A migração no mundo e os Objetivos de Desenvolvimento Sustentável"
    ),
    "Evaluación final del módulo 2": "Avaliação final do módulo 2",
    "Responda las cinco preguntas. Cuando se indique, marque todas las opciones correctas. La "
    "calificación mínima para aprobar es de 70 sobre 100.": (
        "Responda às cinco perguntas. Quando indicado, marque todas as opções corretas. A nota "
        "mínima para aprovação é 70 de 100."
    ),
    "¿Qué instrumento amplió en América Latina la definición de persona refugiada para incluir a "
    "quienes huyen de la violencia generalizada?": (
        "Qual instrumento ampliou na América Latina a definição de pessoa refugiada para incluir "
        "quem foge da violência generalizada?"
    ),
    "El Protocolo de Palermo.": "O Protocolo de Palermo.",
    "La Declaración de Cartagena de 1984.": "A Declaração de Cartagena de 1984.",
    "La Agenda 2030.": "A Agenda 2030.",
    "El Pacto Mundial sobre los Refugiados.": "O Pacto Global sobre Refugiados.",
    "La Declaración de Cartagena (1984) amplió la definición regional de refugiado; numerosos "
    "países la incorporaron después a su legislación.": (
        "A Declaração de Cartagena (1984) ampliou a definição regional de refugiado; muitos países "
        "a incorporaram depois à sua legislação."
    ),
    "Los flujos mixtos se caracterizan porque personas con perfiles y necesidades de protección "
    "distintos utilizan las mismas rutas.": (
        "Os fluxos mistos caracterizam-se por pessoas com perfis e necessidades de proteção "
        "diferentes utilizarem as mesmas rotas."
    ),
    "Verdadero. Por eso la identificación de necesidades debe hacerse de forma individual y no a "
    "partir de la ruta o del medio de transporte.": (
        "Verdadeiro. Por isso a identificação de necessidades deve ser individual, e não baseada "
        "na rota ou no meio de transporte."
    ),
    "¿Cuáles de las siguientes metas de los ODS son especialmente pertinentes para la niñez "
    "migrante?": (
        "Quais das seguintes metas dos ODS são especialmente pertinentes para crianças e "
        "adolescentes migrantes?"
    ),
    "Meta 10.7, sobre políticas migratorias planificadas y bien gestionadas.": (
        "Meta 10.7, sobre políticas migratórias planejadas e bem geridas."
    ),
    "Meta 16.9, sobre identidad jurídica y registro de nacimientos.": (
        "Meta 16.9, sobre identidade jurídica e registro de nascimento."
    ),
    "Meta 16.2, sobre el fin de la violencia, la explotación y la trata de NNA.": (
        "Meta 16.2, sobre o fim da violência, da exploração e do tráfico de crianças."
    ),
    "Ninguna: la Agenda 2030 no menciona la migración.": (
        "Nenhuma: a Agenda 2030 não menciona a migração."
    ),
    "La Agenda 2030 reconoce explícitamente la migración. Las metas 10.7, 16.2 y 16.9, entre "
    "otras, son clave para la niñez en movilidad.": (
        "A Agenda 2030 reconhece explicitamente a migração. As metas 10.7, 16.2 e 16.9, entre "
        "outras, são fundamentais para crianças em mobilidade."
    ),
    "El Pacto Mundial para una Migración Segura, Ordenada y Regular es un tratado jurídicamente "
    "vinculante.": (
        "O Pacto Global para uma Migração Segura, Ordenada e Regular é um tratado juridicamente "
        "vinculante."
    ),
    "Falso. Es un marco de cooperación no vinculante, aunque refleja compromisos políticos "
    "útiles para la incidencia.": (
        "Falso. É um marco de cooperação não vinculante, embora reflita compromissos políticos "
        "úteis para a incidência."
    ),
    "¿Qué condiciones deben cumplir los datos sobre niñez migrante para apoyar políticas con "
    "enfoque de derechos?": (
        "Que condições os dados sobre crianças migrantes devem cumprir para apoiar políticas "
        "baseadas em direitos?"
    ),
    "Estar desglosados por edad, sexo y condición migratoria.": (
        "Estar desagregados por idade, sexo e situação migratória."
    ),
    "Compartirse automáticamente con las autoridades de control migratorio.": (
        "Ser compartilhados automaticamente com as autoridades de controle migratório."
    ),
    "Recogerse con salvaguardas de confidencialidad.": (
        "Ser coletados com salvaguardas de confidencialidade."
    ),
    "Permitir identificar brechas de acceso a servicios.": (
        "Permitir identificar lacunas de acesso a serviços."
    ),
    "Los datos deben ser desagregados y útiles para detectar brechas, pero protegidos: su uso con "
    "fines de control puede alejar a las familias de los servicios.": (
        "Os dados devem ser desagregados e úteis para detectar lacunas, mas protegidos: seu uso "
        "para fins de controle pode afastar as famílias dos serviços."
    ),
}


class Command(BaseCommand):
    help = "Tests only: a learner enrolled in the demo edition, signed in (see the module doc)."

    def add_arguments(self, parser):
        parser.add_argument("--username")
        parser.add_argument("--name", default="")
        parser.add_argument("--session", action="store_true")
        parser.add_argument("--module", type=int)
        parser.add_argument("--retake-wait", type=int)
        parser.add_argument("--max-attempts", type=int)
        parser.add_argument("--translate-module", type=int)
        parser.add_argument("--locale", default="pt-br")
        parser.add_argument("--time-passes", type=int, help="minutes")

    def handle(self, *args, **options):
        refuse_outside_demo("study_test_learner")  # it signs people in without a password
        course = CoursePage.objects.get(
            locale__language_code=settings.LANGUAGE_CODE, slug=content.COURSE["slug"]
        )
        with transaction.atomic():
            if options["translate_module"]:
                self.translate(course, options["translate_module"], options["locale"])
            if options["retake_wait"] is not None or options["max_attempts"] is not None:
                self.policy(course, options)
            user = self.learner(course, options) if options["username"] else None
            if user is not None and options["time_passes"]:
                Attempt.objects.filter(enrolment__user=user).update(
                    submitted_at=F("submitted_at") - timedelta(minutes=options["time_passes"])
                )
        if user is not None and options["session"]:
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            self.stdout.write(session.session_key)

    def learner(self, course, options):
        User = get_user_model()
        first, _sep, last = options["name"].partition(" ")
        user, created = User.objects.get_or_create(
            username=options["username"],
            defaults={"first_name": first, "last_name": last, "email": ""},
        )
        if created:
            user.set_unusable_password()
            user.save()
        Enrolment.objects.get_or_create(user=user, course=course)
        return user

    def evaluation(self, course, number):
        module = ModulePage.objects.child_of(course).get(number=number)
        return EvaluationPage.objects.child_of(module).get()

    def policy(self, course, options):
        if not options["module"]:
            raise CommandError("--module is required with --retake-wait or --max-attempts")
        source = self.evaluation(course, options["module"])
        changes = {}
        if options["retake_wait"] is not None:
            changes["retake_wait_minutes"] = options["retake_wait"]
        if options["max_attempts"] is not None:
            changes["max_attempts"] = options["max_attempts"] or None
        EvaluationPage.objects.filter(translation_key=source.translation_key).update(**changes)

    def translate(self, course, number, code):
        from django.contrib.auth import get_user_model as users
        from wagtail_localize.models import Translation

        from translations import services
        from translations.demo.loader import fill

        admin = users().objects.filter(is_superuser=True).first() or users().objects.get(
            username="administrador"
        )
        locale = Locale.objects.get(language_code=code)
        module = ModulePage.objects.child_of(course).get(number=number)
        pages = [module, self.evaluation(course, number)]
        for page in pages:
            services.submit_for_translation(page=page, locales=[locale], user=admin)
        for translation in Translation.objects.filter(
            target_locale=locale, source__object_id__in=[p.translation_key for p in pages]
        ):
            fill(translation, PT_BR if code == "pt-br" else {})
            services.publish_translation(translation=translation, user=admin)
