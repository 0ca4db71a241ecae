"""The seeded set: translation errors and correct translations the quality checks are measured on.

Spanish sources about the course's subject, targets in English, Brazilian Portuguese and French,
written as wagtail-localize stores them (HTML text: an entity a reader would see is stored
escaped, ``&amp;nbsp;``). Each error names the check that must find it; a correct translation
must raise no finding at all. ``measure`` gives the figures that the tests assert and that
``make bench`` prints (``benchmarks/qa_bench.py``).
"""

from dataclasses import dataclass, field

import pytest

# A small termbase of our own: (Spanish term, approved term, forbidden variants) per locale.
TERMS = {
    "en": [
        ("niñas, niños y adolescentes", "children and adolescents", ["minors", "kids"]),
        ("interés superior del niño", "best interests of the child",
         ["best interest of the minor"]),
        ("no devolución", "non-refoulement", ["non-return"]),
        ("trata de personas", "trafficking in persons", ["human smuggling"]),
        ("juez de menores", "juvenile court judge", []),
        ("UNICEF", "UNICEF", []),
    ],
    "pt-br": [
        ("niñas, niños y adolescentes", "crianças e adolescentes", ["menores"]),
        ("enfoque de derechos", "abordagem baseada em direitos", ["foco em direitos"]),
        ("juez de menores", "juiz de menores", []),
        ("detención migratoria", "detenção migratória", ["acolhimento"]),
        ("trata de personas", "tráfico de pessoas", ["contrabando de migrantes"]),
        ("apatridia", "apatridia", []),
    ],
    "fr": [
        ("niñas, niños y adolescentes", "enfants et adolescents", ["mineurs"]),
        ("interés superior del niño", "intérêt supérieur de l'enfant",
         ["intérêt supérieur du mineur"]),
        ("juez de menores", "juge des enfants", []),
        ("trata de personas", "traite des personnes", ["trafic de migrants"]),
    ],
}  # fmt: skip


@dataclass(frozen=True)
class Case:
    language: str
    source: str
    target: str
    expected: str | None = None  # the kind of finding an error must raise; None: a correct one
    max_length: int | None = None  # the field's limit (a title, a summary)
    others: tuple = field(default=())  # other translations of the same source in the locale


def E(language, source, target, expected, **options):  # noqa: N802 - reads as a table
    return Case(language, source, target, expected, **options)


def C(language, source, target, **options):  # noqa: N802
    return Case(language, source, target, None, **options)


LONG_SUMMARY_ES = (
    "El módulo presenta los sistemas nacionales de protección y el papel de cada institución."
)
LONG_SUMMARY_PT = (
    "O módulo apresenta os sistemas nacionais de proteção, o papel de cada instituição pública, "
    "as organizações da sociedade civil que acompanham as famílias em trânsito, os mecanismos de "
    "coordenação entre países de origem, trânsito e destino, e os desafios que as equipes locais "
    "enfrentam todos os dias quando recebem famílias que chegam sem documentos nem recursos."
)

ERRORS = [
    # Placeholders and format strings: missing, added or renamed.
    E("en", "Hola, %(name)s: tu inscripción fue aprobada.", "Hello: your enrolment was approved.",
      "placeholders"),
    E("pt-br", "Quedan %(count)s días para la evaluación.",
      "Faltam %(dias)s dias para a avaliação.", "placeholders"),
    E("fr", "Módulo {number}: {title}", "Module {numero} : {title}", "placeholders"),
    E("en", "Descargue el documento %s.", "Download the document.", "placeholders"),
    E("fr", "Bienvenida al curso.", "Bienvenue dans le cours %(name)s.", "placeholders"),
    E("pt-br", "{count} estudiantes aprobaron el módulo {module}.",
      "{count} estudantes foram aprovados no módulo.", "placeholders"),
    E("en", "Envió %(done)d de %(total)d respuestas.", "Sent %(done)s of %(total)d answers.",
      "placeholders"),
    E("fr", "Unidad {0} de {1}", "Unité {1} de {1}", "placeholders"),
    # Sentence-final punctuation, with Spanish opening marks and ellipsis.
    E("en", "¿Quién toma la decisión final?", "Who makes the final decision.", "punctuation"),
    E("pt-br", "¡Completa la evaluación antes del viernes!",
      "Conclua a avaliação antes de sexta-feira.", "punctuation"),
    E("fr", "Los principios generales son:", "Les principes généraux sont.", "punctuation"),
    E("en", "La entrevista debe adaptarse a la edad.", "The interview must be adapted to age",
      "punctuation"),
    E("pt-br", "Ver los casos de estudio…", "Veja os estudos de caso.", "punctuation"),
    E("fr", "¿Qué derechos tiene una niña en tránsito?",
      "¿Quels droits a une fille en transit ?", "punctuation"),
    E("en", "Lea el artículo completo.", "Read the full article!", "punctuation"),
    E("pt-br", "Puntos clave", "Pontos-chave:", "punctuation"),
    # Leading/trailing whitespace, newlines, doubled spaces.
    E("en", "Objetivos del módulo", " Module objectives", "whitespace"),
    E("pt-br", "Actividad de reflexión", "Atividade de reflexão ", "whitespace"),
    E("fr", "Primera línea\nSegunda línea", "Première ligne Deuxième ligne", "whitespace"),
    E("en", "La familia llegó a la frontera.", "The family reached  the border.", "whitespace"),
    E("pt-br", "El equipo revisa cada solicitud.", "A equipe revisa  cada solicitação.",
      "whitespace"),
    E("fr", "Resumen de la unidad", "Résumé de l'unité\n", "whitespace"),
    E("en", "Contactos útiles\n", "Useful contacts", "whitespace"),
    E("fr", "Las niñas llegan solas.", "Les filles  arrivent seules.", "whitespace"),
    # A word repeated.
    E("en", "La niña pidió ayuda en la frontera.", "The girl asked for for help at the border.",
      "repeated_word"),
    E("pt-br", "El niño viajaba con su tío.", "O menino viajava com com seu tio.",
      "repeated_word"),
    E("fr", "La oficina abre temprano.", "Le bureau ouvre ouvre tôt.", "repeated_word"),
    E("en", "Lea la guía antes de la sesión.", "Read the the guide before the session.",
      "repeated_word"),
    E("pt-br", "La defensoría acompaña cada caso.", "A defensoria acompanha cada cada caso.",
      "repeated_word"),
    # Too long for the field (a title or summary limit), or for a short source.
    E("en", "Módulo 3: Marco jurídico internacional",
      "Module 3: The international legal framework that protects the children who migrate "
      "across the Americas", "length", max_length=80),
    E("pt-br", LONG_SUMMARY_ES, LONG_SUMMARY_PT, "length", max_length=300),
    E("fr", "Sistemas de protección en la región",
      "Les systèmes nationaux de protection de l'enfance dans les pays de la région des "
      "Amériques", "length", max_length=80),
    E("en", "Inicio", "Go back to the home page of the course and start again", "length_ratio"),
    E("pt-br", "Guardar", "Guardar todas as alterações feitas nesta página agora", "length_ratio"),
    E("fr", "Siguiente", "Passer à la section suivante de ce module du cours", "length_ratio"),
    E("en", "La entrevista inicial identifica necesidades de protección y riesgos inmediatos.",
      "The initial interview.", "length_ratio"),
    E("fr", "Cada país designa una autoridad central para coordinar la respuesta.",
      "Chaque pays.", "length_ratio"),
    # Numbers that differ in value (per each locale's conventions).
    E("en", "Más de 1.500 niñas cruzaron la frontera en 2023.",
      "More than 1.500 girls crossed the border in 2023.", "numbers"),
    E("en", "Más de 1.500 niñas cruzaron la frontera en 2023.",
      "More than 15,000 girls crossed the border in 2023.", "numbers"),
    E("fr", "La Convención se adoptó en 1989.", "La Convention a été adoptée en 1998.",
      "numbers"),
    E("pt-br", "El 12,5 % de las solicitudes fue aprobado.",
      "Foram aprovados 15,5 % dos pedidos.", "numbers"),
    E("fr", "Se registraron 2.300 solicitudes.", "2.300 demandes ont été enregistrées.",
      "numbers"),
    E("en", "Hay 3 etapas en el procedimiento.", "There are 4 stages in the procedure.",
      "numbers"),
    E("pt-br", "La edad mínima es 12 años.", "A idade mínima é 14 anos.", "numbers"),
    E("fr", "El albergue recibe a 250 familias por mes.",
      "Le foyer accueille 25 familles par mois.", "numbers"),
    E("en", "El fondo cubre el 2,5 % del presupuesto.", "The fund covers 25% of the budget.",
      "numbers"),
    # Identical to the source where it should not be.
    E("en", "Actividad de reflexión", "Actividad de reflexión", "untranslated"),
    E("fr", "La familia solicitó protección.", "La familia solicitó protección.",
      "untranslated"),
    E("pt-br", "Lista de verificación para la entrevista",
      "Lista de verificación para la entrevista", "untranslated"),
    E("en", "Casos prácticos del módulo", "Casos prácticos del módulo", "untranslated"),
    E("fr", "Preguntas frecuentes", "Preguntas frecuentes", "untranslated"),
    # Termbase: an approved term missing, a forbidden variant (also inflected).
    E("pt-br", "El curso adopta un enfoque de derechos.",
      "O curso adota uma abordagem centrada na pessoa.", "term_missing"),
    E("en", "Se aplica el interés superior del niño.", "The child's welfare comes first.",
      "term_missing"),
    E("fr", "La trata de personas es un delito.", "La traite est un crime.", "term_missing"),
    E("pt-br", "La detención migratoria de niñas, niños y adolescentes está prohibida.",
      "A detenção de crianças e adolescentes é proibida.", "term_missing"),
    E("en", "Niñas, niños y adolescentes no acompañados", "Unaccompanied minors",
      "term_forbidden"),
    E("pt-br", "Niñas, niños y adolescentes en la frontera", "Menores na fronteira",
      "term_forbidden"),
    E("fr", "El interés superior del niño guía cada decisión.",
      "L'intérêt supérieur du mineur guide chaque décision.", "term_forbidden"),
    E("pt-br", "La detención migratoria no es un albergue.",
      "A detenção migratória não é acolhimento.", "term_forbidden"),
    E("en", "Un caso de trata de personas en la frontera.",
      "A case of human smuggling at the border.", "term_forbidden"),
    E("fr", "Los derechos de niñas, niños y adolescentes.", "Les droits du mineur.",
      "term_forbidden"),
    # The same source translated differently within the locale.
    E("en", "Marco jurídico", "Legal framework", "inconsistent", others=("Legal background",)),
    E("pt-br", "Instituciones clave", "Instituições-chave",
      "inconsistent", others=("Principais instituições",)),
    E("fr", "Actividad de reflexión", "Activité de réflexion", "inconsistent",
      others=("Exercice de réflexion",)),
    E("en", "Ver la guía", "See the guide", "inconsistent", others=("Read the handbook",)),
    # Markup the source lacks.
    E("en", "Lea la guía completa.", "Read the <b>full</b> guide.", "added_markup"),
    E("pt-br", "Derechos en tránsito", "**Direitos** em trânsito", "added_markup"),
    E("fr", "Ver el informe anual.", "Voir le [rapport annuel](https://example.org/rapport).",
      "added_markup"),
    E("en", "Niñas y niños en la frontera", "Girls and boys at the&amp;nbsp;border",
      "added_markup"),
    E("pt-br", "La familia llegó.", "A família chegou.&lt;br&gt;", "added_markup"),
    # Those the checks had already: tags, links, URLs, empty.
    E("en", "Un <b>dato</b> clave.", "A key fact.", "tags"),
    E("fr", 'Ver <a id="a1">la guía</a>.', 'Voir <a id="a2">le guide</a>.', "links"),
    E("pt-br", "Ver https://www.acnur.org/es/ninez", "Veja https://www.acnur.org/pt/ninez",
      "urls"),
    E("en", "Texto de la unidad", "", "empty"),
    # Written after the checks and measured before any change to them (22 of 22 caught).
    E("en", "Tienes %(count)d mensajes nuevos.", "You have new messages.", "placeholders"),
    E("fr", "Hola {first_name}, bienvenida.", "Bonjour {prenom}, bienvenue.", "placeholders"),
    E("pt-br", "¿Cuándo se debe notificar al consulado?",
      "Quando se deve notificar o consulado", "punctuation"),
    E("en", "Nota: el plazo vence el lunes.", "Note: the deadline is Monday!", "punctuation"),
    E("fr", "Recuerde lo siguiente:", "Rappelez-vous ce qui suit.", "punctuation"),
    E("en", "Paso 1\nPaso 2\nPaso 3", "Step 1\nStep 2 Step 3", "whitespace"),
    E("pt-br", "Resumen", "Resumo\n", "whitespace"),
    E("fr", "El equipo de protección evalúa el caso.",
      "L'équipe de de protection évalue le cas.", "repeated_word"),
    E("en", "Los niños tienen derecho a ser oídos.",
      "Children have the right to be be heard.", "repeated_word"),
    E("en", "La ley de 2015 tiene 120 artículos.", "The 2015 law has 112 articles.", "numbers"),
    E("pt-br", "Solo el 0,8 % de los casos llegó a juicio.",
      "Apenas 8 % dos casos chegaram a julgamento.", "numbers"),
    E("fr", "Hay 10.500 personas refugiadas.", "Il y a 10.500 personnes réfugiées.", "numbers"),
    E("en", "Marco normativo nacional", "Marco normativo nacional", "untranslated"),
    E("pt-br", "Protección consular y asistencia",
      "Protección consular y asistencia", "untranslated"),
    E("fr", "Niñas, niños y adolescentes en tránsito", "Jeunes en transit", "term_missing"),
    E("en", "El principio de no devolución", "The non-return principle", "term_forbidden"),
    E("pt-br", "Víctimas de trata de personas",
      "Vítimas de contrabando de migrantes", "term_forbidden"),
    E("fr", "Consulte la guía.", "Consultez le <i>guide</i>.", "added_markup"),
    E("en", "Cerrar", "Close this window and return to the list of modules", "length_ratio"),
    E("pt-br", "Marco jurídico", "Quadro jurídico", "inconsistent", others=("Marco legal",)),
    E("en", "Más información en https://www.oas.org/es/cidh/",
      "More information at https://www.oas.org/en/iachr/", "urls"),
    E("fr", "Lea el <i>informe</i>.", "Lisez le rapport.", "tags"),
]  # fmt: skip

CORRECT = [
    # Ordinary sentences.
    C("en", "La niña llegó sola a la frontera norte.", "The girl arrived alone at the northern "
      "border."),
    C("pt-br", "La niña llegó sola a la frontera norte.", "A menina chegou sozinha à fronteira "
      "norte."),
    C("fr", "La niña llegó sola a la frontera norte.", "La fille est arrivée seule à la "
      "frontière nord."),
    C("en", "Las autoridades deben escuchar a cada niña y a cada niño.",
      "The authorities must listen to every girl and every boy."),
    C("pt-br", "El albergue ofrece alimentación, salud y educación.",
      "O abrigo oferece alimentação, saúde e educação."),
    C("fr", "El albergue ofrece alimentación, salud y educación.",
      "Le foyer offre alimentation, santé et éducation."),
    # Questions and exclamations: Spanish opening marks understood; French spacing.
    C("en", "¿Qué derechos tiene una niña en tránsito?",
      "What rights does a girl in transit have?"),
    C("fr", "¿Qué derechos tiene una niña en tránsito?",
      "Quels droits a une fille en transit\u202f?"),
    C("fr", "¿Quién decide?", "Qui décide ?"),
    C("pt-br", "¡Atención! La evaluación cierra hoy.", "Atenção! A avaliação termina hoje."),
    C("en", "¡Buen trabajo!", "Well done!"),
    C("fr", "Los principios generales son:", "Les principes généraux sont\u00a0:"),
    C("en", "Ver los casos de estudio…", "See the case studies..."),
    C("pt-br", "Ver los casos de estudio...", "Veja os estudos de caso…"),
    C("en", "Lea el artículo «Niñez y frontera».", "Read the article “Childhood and borders”."),
    # Numbers written per each locale's conventions.
    C("en", "Más de 1.500 niñas cruzaron la frontera en 2023.",
      "More than 1,500 girls crossed the border in 2023."),
    C("fr", "Más de 1.500 niñas cruzaron la frontera en 2023.",
      "Plus de 1\u202f500 filles ont traversé la frontière en 2023."),
    C("fr", "Se registraron 2.300 solicitudes.", "2 300 demandes ont été enregistrées."),
    C("pt-br", "Más de 1.500 niñas cruzaron la frontera en 2023.",
      "Mais de 1.500 meninas cruzaram a fronteira em 2023."),
    C("en", "El fondo cubre el 2,5 % del presupuesto.", "The fund covers 2.5% of the budget."),
    C("fr", "El fondo cubre el 2,5 % del presupuesto.", "Le fonds couvre 2,5 % du budget."),
    C("en", "La meta 16.9 de los ODS trata de la identidad jurídica.",
      "SDG target 16.9 is about legal identity."),
    C("pt-br", "El artículo 3 de la Convención de 1989.", "O artigo 3 da Convenção de 1989."),
    # Identical where that is right: acronyms, names, URLs, codes, termbase terms kept as is.
    C("en", "UNICEF", "UNICEF"),
    C("fr", "CIDH", "CIDH"),
    C("en", "https://www.unicef.org/lac/", "https://www.unicef.org/lac/"),
    C("pt-br", "Apatridia", "Apatridia"),
    C("en", "Guatemala", "Guatemala"),
    C("pt-br", "Recursos", "Recursos"),
    C("fr", "ISO 3166-1: MX, GT, HN", "ISO 3166-1 : MX, GT, HN"),
    # Placeholders reordered, as a language's word order asks.
    C("en", "Módulo {number}: {title}", "Module {number}: {title}"),
    C("fr", "%(done)d de %(total)d respuestas enviadas.", "%(done)d réponses sur %(total)d "
      "envoyées."),
    C("pt-br", "Hola, %(name)s.", "Olá, %(name)s."),
    # Whitespace kept, a doubled word the language asks for.
    C("fr", "Primera línea\nSegunda línea", "Première ligne\nDeuxième ligne"),
    C("fr", "Nos comprometemos a escuchar.", "Nous nous engageons à écouter."),
    C("en", "Dijo que ese informe era el correcto.", "She said that that report was the right "
      "one."),
    # Termbase terms through inflection and contraction; a forbidden word inside an approved term.
    C("pt-br", "El curso adopta un enfoque de derechos.",
      "O curso adota uma abordagem baseada nos direitos."),
    C("pt-br", "Un juez de menores revisa el caso de niñas, niños y adolescentes.",
      "Um juiz de menores revisa o caso de crianças e adolescentes."),
    C("fr", "Se respeta el interés superior del niño.",
      "L'intérêt supérieur de l'enfant est respecté."),
    C("fr", "Protección de niñas, niños y adolescentes.",
      "Protection des enfants et adolescents."),
    C("en", "El principio de no devolución protege a la niña.",
      "The principle of non-refoulement protects the girl."),
    C("pt-br", "La trata de personas afecta a niñas y niños.",
      "O tráfico de pessoas afeta meninas e meninos."),
    C("en", "Los intereses superiores del niño guían al juez de menores.",
      "The best interests of the child guide the juvenile court judge."),
    C("fr", "El juez de menores escucha a la niña.", "Le juge des enfants écoute la fille."),
    # Consistent with the locale's other translations of the same source.
    C("en", "Marco jurídico", "Legal framework", others=("Legal framework",)),
    C("pt-br", "Instituciones clave", "Instituições-chave", others=("Instituições-chave ",)),
    # Length within the field's limit; a short source with a longer, right translation.
    C("en", "Módulo 3: Marco jurídico internacional", "Module 3: International legal framework",
      max_length=80),
    C("fr", "Guardar", "Enregistrer"),
    C("pt-br", "Sí", "Sim"),
    # Tags, links and markup kept as in the source.
    C("en", 'Ver <a id="a1">la guía</a> y el <b>anexo</b>.',
      'See <a id="a1">the guide</a> and the <b>annex</b>.'),
    C("fr", "Niñas &amp; niños", "Filles &amp; garçons"),
    # Written after the checks and measured before any change to them (none of 24 flagged).
    C("en", "Tienes %(count)d mensajes nuevos.", "You have %(count)d new messages."),
    C("fr", "¿Cuándo se debe notificar al consulado?", "Quand faut-il informer le consulat ?"),
    C("pt-br", "¡Importante!", "Importante!"),
    C("en", "Paso 1\nPaso 2", "Step 1\nStep 2"),
    C("fr", "La ley de 2015 tiene 120 artículos.", "La loi de 2015 compte 120 articles."),
    C("en", "Hay 10.500 personas refugiadas.", "There are 10,500 refugees."),
    C("pt-br", "Solo el 0,8 % de los casos llegó a juicio.",
      "Apenas 0,8 % dos casos chegou a julgamento."),
    C("en", "ACNUR y OIM", "UNHCR and IOM"),
    C("fr", "OEA", "OEA"),
    C("pt-br", "Panamá", "Panamá"),
    C("en", "Honduras", "Honduras"),
    C("pt-br", "Niñas, niños y adolescentes en tránsito", "Crianças e adolescentes em trânsito"),
    C("fr", "Víctimas de trata de personas", "Victimes de la traite des personnes"),
    C("en", "Víctimas de trata de personas", "Victims of trafficking in persons"),
    C("pt-br", "El principio de no devolución", "O princípio da não devolução"),
    C("en", "El juez de menores escuchó a la niña.", "The juvenile court judge heard the girl."),
    C("pt-br", "Los jueces de menores deciden.", "Os juízes de menores decidem."),
    C("fr", "Cerrar", "Fermer"),
    C("en", "Más información en https://www.oas.org/es/cidh/",
      "More information at https://www.oas.org/es/cidh/"),
    C("fr", "Lea el <i>informe</i>.", "Lisez le <i>rapport</i>."),
    C("en", "Unos 2 de cada 10 niños viajan solos.", "About two in ten children travel alone."),
    C("fr", "El 25 de noviembre de 2024", "Le 25 novembre 2024"),
    C("pt-br", "Sección 3.2: Casos", "Seção 3.2: Casos"),
    C("en", "Unidad 5 — Guatemala", "Unit 5 — Guatemala"),
]  # fmt: skip


def measure(check):
    """{figures} of ``check(case) -> set of kinds`` on the seeded set: errors caught (the
    expected kind found), correct translations flagged (any finding), and per-class misses."""
    caught, missed, alarms = 0, [], []
    for case in ERRORS:
        if case.expected in check(case):
            caught += 1
        else:
            missed.append(case)
    for case in CORRECT:
        found = check(case)
        if found:
            alarms.append((case, found))
    return {
        "errors": len(ERRORS),
        "correct": len(CORRECT),
        "caught": caught,
        "missed": missed,
        "false_alarms": alarms,
        "recall": caught / len(ERRORS),
        "false_alarm_rate": len(alarms) / len(CORRECT),
    }


def current_checks(case):
    """The kinds our checks find for ``case``."""
    from translations.qa import check_segment

    return {
        kind
        for kind, _message in check_segment(
            case.source,
            case.target,
            terms=TERMS[case.language],
            source_language="es",
            target_language=case.language,
            max_length=case.max_length,
            others=case.others,
        )
    }


def test_the_seeded_set_is_as_large_and_varied_as_the_issue_asks():
    assert len(ERRORS) >= 60 and len(CORRECT) >= 40
    for language in ("en", "pt-br", "fr"):
        assert sum(case.language == language for case in ERRORS) >= 15
        assert sum(case.language == language for case in CORRECT) >= 10
    kinds = {case.expected for case in ERRORS}
    assert kinds >= {
        "placeholders", "punctuation", "whitespace", "repeated_word", "length", "length_ratio",
        "numbers",
        "untranslated", "term_missing", "term_forbidden", "inconsistent", "added_markup",
        "tags", "links", "urls", "empty",
    }  # fmt: skip


def test_the_checks_catch_95_percent_of_the_seeded_errors_with_at_most_5_percent_false_alarms():
    figures = measure(current_checks)
    missed = [(case.expected, case.language, case.target) for case in figures["missed"]]
    alarms = [(case.language, case.target, found) for case, found in figures["false_alarms"]]
    assert figures["recall"] >= 0.95, missed
    assert figures["false_alarm_rate"] <= 0.05, alarms


@pytest.mark.parametrize("case", ERRORS, ids=lambda case: f"{case.expected}-{case.language}")
def test_each_seeded_error_is_found_by_its_check(case):
    assert case.expected in current_checks(case)


@pytest.mark.parametrize("case", CORRECT, ids=lambda case: f"{case.language}-{case.target[:30]}")
def test_each_correct_translation_raises_nothing(case):
    assert current_checks(case) == set()
