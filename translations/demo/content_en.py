# ruff: noqa: E501
"""English (international) translation of the demo course content.

Pure Python data (no Django imports). Mirrors ``course_content/demo/content.py``:
same keys, same list lengths and order; only string values are translated.
Slugs, ids, kinds and all non-string values are kept identical to the Spanish source.

Module-level constants:
    COURSE   -- translated copy of content.COURSE
    MODULES  -- translated copies of content.MODULES[0] and content.MODULES[1]
    EXTRA    -- fixed Spanish strings used by the demo builder, mapped to English

"""

# ---------------------------------------------------------------------------
# Course
# ---------------------------------------------------------------------------

COURSE = {
    "title": "Specialized course on migrant children in the Americas",
    "slug": "curso-ninez-migrante",
    "edition_label": "2nd edition",
    "summary": "A self-paced, 85-hour online course that offers conceptual, legal and practical tools to protect the rights of children and adolescents in contexts of human mobility in Latin America and the Caribbean.",
    "introduction": [
        "Every year, thousands of children and adolescents move within and beyond their countries, alone or with their families, for reasons that range from family reunification to escaping violence, poverty or disasters. At every stage of that journey —origin, transit, destination and return— their rights depend to a great extent on how well prepared the people and institutions they meet along the way are. This course was created to strengthen that preparedness.",
        "The course is organized into ten modules that move from the foundations of the rights-based approach to concrete intervention tools. Module 5 includes one unit for each of the 19 countries covered, with an illustrative summary of its national protection system. Each module combines short readings, cases for analysis, reflection questions and complementary resources in different formats, so that every participant can progress at their own pace.",
        "The course is self-paced and has no tutors. A final assessment is taken at the end of each module; to pass the course you need a score of 70 out of 100 or higher in every one of them. We invite you to work through the content with a critical eye and to connect it with your own professional practice: the aim is not only to know the standards, but to improve the everyday response to children on the move.",
    ],
    "audience": "The course is intended for specialists in migration and/or in childhood and adolescence who work in public institutions, international organizations, civil society organizations or academia: staff of protection systems, migration authorities, ombudsperson offices, justice officials, and health and education teams, among others. It is not open to the general public; enrolment is by application while the corresponding call for applications is open.",
    "declared_hours": 85,
}


# ---------------------------------------------------------------------------
# Modules
# ---------------------------------------------------------------------------

MODULES = [
    # --- Module 1: derechos-nna-politicas-publicas
    {
        "number": 1,
        "title": "Rights of children and adolescents and public policy",
        "slug": "derechos-nna-politicas-publicas",
        "summary": "Introduces the rights-based approach to childhood and adolescence and how it translates into public policies capable of effectively including migrant children.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Recognize children and adolescents as rights holders and understand the implications of that recognition.",
            "Identify the guiding principles of the Convention on the Rights of the Child and their practical application.",
            "Analyse the cycle of public policies for children from a rights-based approach.",
        ],
        "sections": [
            {
                "heading": "From objects of guardianship to subjects of rights",
                "paragraphs": [
                    "For much of the twentieth century, legislation in the region relied on the so-called doctrine of the irregular situation. This doctrine regarded poor or abandoned children, or those in conflict with the law, as objects of State intervention. The juvenile court judge held broad discretionary powers, and placement in institutions was the usual response. Under that model, the voices of children and adolescents barely counted, and the structural causes of their situation, such as social exclusion or violence, were left out of the analysis.",
                    "The adoption of the Convention on the Rights of the Child in 1989 marked a paradigm shift. With the <b>doctrine of comprehensive protection</b>, children and adolescents came to be recognized as full subjects of rights, with capacities that develop progressively. The State is no longer a guardian that decides on their behalf; instead, it takes on the obligation to guarantee their rights, in shared responsibility with families and the community. This shift requires transforming laws and institutions, but also the everyday practices of everyone who works with children.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Progressive autonomy",
                    "text": "Principle under which children and adolescents exercise their rights gradually, in line with their evolving capacities. It does not depend on age alone: the maturity, experience and context of each child or adolescent also play a part.",
                },
            },
            {
                "heading": "The guiding principles of the Convention",
                "paragraphs": [
                    "The Convention rests on four general principles that guide the interpretation of all the other rights: non-discrimination; the best interests of the child; the right to life, survival and development; and the right of children to express their views and to have those views given due weight. These principles do not operate in isolation. They reinforce one another and must be applied together when drafting a law, organizing a service or deciding on a specific case.",
                    "The principle of non-discrimination is particularly relevant for migrant children. The rights recognized in the Convention belong to every child or adolescent within the jurisdiction of a State, regardless of their nationality or migration status, or that of their parents. Access to education, health care, identity or protection from violence therefore cannot be made conditional on a regular stay or on documents that the family is in no position to obtain.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "A concept with three dimensions",
                    "text": "The Committee on the Rights of the Child has stated that the best interests of the child are at once a substantive right, an interpretative principle and a rule of procedure. Every decision affecting a child must show how those interests were assessed and weighed.",
                },
            },
            {
                "heading": "Public policies with a rights-based approach",
                "paragraphs": [
                    "A public policy is a sustained course of action that the State adopts in response to a problem recognized as a public matter. Its cycle is usually described in stages: problem identification, formulation, adoption, implementation and evaluation. In practice, these stages overlap and are shaped by political negotiation, budget constraints and very unequal institutional capacities across territories, which explains why the same law can produce different results in the capital and in a border area.",
                    "Adopting a rights-based approach means that every stage of the cycle is guided by the obligations of the State and not only by efficiency criteria. It involves collecting disaggregated data, allocating a sufficient and protected budget, ensuring the participation of children and adolescents and setting up accountability mechanisms. It also requires paying attention to those who are usually missing from statistics: children in transit, children living in border communities and children without identity documents.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Inclusion, not parallel services",
                    "text": "Creating separate, exclusive pathways for migrant children can isolate them and undermine their integration. The priority is to guarantee their access to universal services, with the necessary adjustments in language, documentary requirements and opening hours.",
                },
            },
        ],
        "quote": {
            "text": "When a girl arrives at a border, she is a girl first; her status as a migrant comes second. Our job is to make sure no office forgets that order.",
            "attribution": "Child protection specialist (illustrative testimony)",
        },
        "case_study": {
            "title": "Valentina and school enrolment",
            "context": "Valentina is 11 years old. Four months ago she arrived with her mother, Carmen, in a medium-sized city in the country of destination. To enrol her, the nearest school requires a national identity document and a legalized school certificate from the country of origin. Carmen's application for regularization is still being processed, and she cannot travel to obtain the certificate. Meanwhile, Valentina spends her days alone in the room they rent and has started saying that she no longer wants to study.",
            "questions": [
                "Which principles of the Convention on the Rights of the Child are at stake in this situation, and how do they relate to one another?",
                "What action could the local protection system take to resolve Valentina's case and to prevent similar situations from happening again?",
            ],
        },
        "reflection": {
            "prompt": "Think of a public policy in your country aimed at children, for example a health, education or cash transfer programme. Does it actually reach migrant children and adolescents? What formal or informal barriers do they face?",
            "guidance": "Review the eligibility requirements, the documents requested and the information available in other languages. Also consider less visible barriers, such as fear of being reported or staff who are unaware of the rules. Write down at least one concrete improvement that your institution could propose.",
        },
        "evaluation": {
            "title": "Final assessment for module 1",
            "instructions": "Answer the five questions. In multiple-choice questions, select all the correct options. You need at least 70 out of 100 points to pass the module; you can review the content before trying again.",
            "questions": [
                {
                    "id": "m1-q1",
                    "kind": "single",
                    "prompt": "What central change did the doctrine of comprehensive protection introduce compared with the doctrine of the irregular situation?",
                    "options": [
                        "It recognized children and adolescents as subjects of rights and the State as the guarantor of those rights.",
                        "It strengthened the discretionary powers of the juvenile court judge over children at risk.",
                        "It limited the application of rights to nationals of the country.",
                        "It shifted responsibility for protection exclusively onto families.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "Comprehensive protection recognizes children and adolescents as subjects of rights and establishes the obligation of the State to guarantee those rights, in shared responsibility with the family and the community.",
                },
                {
                    "id": "m1-q2",
                    "kind": "multiple",
                    "prompt": "Which of the following are general principles of the Convention on the Rights of the Child?",
                    "options": [
                        "Non-discrimination.",
                        "Best interests of the child.",
                        "Reciprocity between States.",
                        "Right to be heard.",
                        "Sovereignty over migration.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "The four general principles are non-discrimination, the best interests of the child, the right to life, survival and development, and the right to be heard. Reciprocity and sovereignty are not among them.",
                },
                {
                    "id": "m1-q3",
                    "kind": "true_false",
                    "prompt": "The rights recognized in the Convention may be made conditional on the child having regular residence in the country.",
                    "options": ["True", "False"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "False. The rights belong to every child or adolescent within the jurisdiction of the State, without distinction based on nationality or on their own migration status or that of their parents.",
                },
                {
                    "id": "m1-q4",
                    "kind": "single",
                    "prompt": "According to the Committee on the Rights of the Child, the best interests of the child are:",
                    "options": [
                        "A guiding criterion with no legal effect.",
                        "A power reserved exclusively to family courts.",
                        "A substantive right, an interpretative principle and a rule of procedure.",
                    ],
                    "correct": [2],
                    "points": 20,
                    "feedback": "The best interests of the child have three dimensions. As a rule of procedure, they require every decision to explain how those interests were assessed and weighed.",
                },
                {
                    "id": "m1-q5",
                    "kind": "multiple",
                    "prompt": "Adopting a rights-based approach in a public policy involves, among other things:",
                    "options": [
                        "Having disaggregated data that make overlooked groups visible.",
                        "Ensuring mechanisms for the participation of children and adolescents.",
                        "Limiting the policy to the stage of drafting legislation.",
                        "Providing a sufficient budget and accountability mechanisms.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "The rights-based approach runs through the whole policy cycle, from diagnosis to evaluation; it does not end with the adoption of a law.",
                },
            ],
        },
    },
    # --- Module 2: migracion-mundo-ods
    {
        "number": 2,
        "title": "Migration in the world and the Sustainable Development Goals",
        "slug": "migracion-mundo-ods",
        "summary": "Provides an overview of human mobility at the global and regional levels and analyses how the 2030 Agenda integrates migration and the rights of children.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Distinguish the basic concepts of human mobility and their implications for protection.",
            "Describe the main trends in international and regional migration.",
            "Analyse the relationship between migration and development within the framework of the 2030 Agenda.",
            "Identify the Sustainable Development Goal targets that are relevant to migrant children.",
        ],
        "sections": [
            {
                "heading": "Basic concepts of human mobility",
                "paragraphs": [
                    "<i>Human mobility</i> is a broad term that covers the different forms in which people move: internal and international migration, seeking refuge, forced displacement, seasonal or circular movements and return. There is no universal legal definition of “migrant”; refugee status, by contrast, is defined in the 1951 Convention and its 1967 Protocol, and in Latin America the definition was broadened by the 1984 Cartagena Declaration to include people fleeing generalized violence or massive violations of human rights.",
                    "In practice, people move in <b>mixed flows</b>: the same route is travelled by families looking for work, adolescents escaping violence, people in need of international protection and victims of trafficking. Categories are useful for triggering specific responses, but they must not be used to rank rights. A girl does not lose her rights because her situation does not fit a category, and her needs must be identified case by case.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Mixed flows",
                    "text": "Movements in which people with different profiles, motives and protection needs use the same routes and means of transport, often irregularly.",
                },
            },
            {
                "heading": "Global and regional trends",
                "paragraphs": [
                    "According to United Nations estimates, there were more than 280 million international migrants in 2020, around 3.6% of the world's population. Most people move for work or family reasons and through regular channels, but the number of people forced to flee conflict, violence, political crises or the effects of climate change is growing. Children and adolescents make up a significant share of these movements and, in some corridors, are increasingly travelling without a responsible adult.",
                    "In the Americas, the historical northbound corridor now coexists with intense flows within the region. Over the last decade, millions of people have left Venezuela for countries in South America and the Caribbean; Haitian migration has diversified; and transit routes, including the crossing of the Darién jungle, have recorded unprecedented numbers of families with young children. These changes require protection systems to respond to transit, prolonged stays and return all at the same time.",
                ],
                "callout": None,
            },
            {
                "heading": "The 2030 Agenda and migration",
                "paragraphs": [
                    "The 2030 Agenda for Sustainable Development, adopted in 2015, is the first to explicitly recognize the contribution of migration to development. Its target 10.7 calls for facilitating orderly, safe, regular and responsible migration through planned and well-managed migration policies. The pledge to “leave no one behind” also requires that progress on poverty, health and education reach migrants and their daughters and sons. In 2018, the non-binding Global Compact for Safe, Orderly and Regular Migration took up these commitments and adopted an approach that is sensitive to the needs of children.",
                    "Other targets are particularly relevant for children on the move: 16.2, which aims to end abuse, exploitation, trafficking and violence against children; 16.9, on legal identity and birth registration; 8.7, which includes the elimination of child labour; and 4.1, on quality primary and secondary education. Target 17.18 highlights the need for data disaggregated by migration status, without which these groups remain invisible.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "What is not measured is not seen",
                    "text": "If education, health or protection statistics do not distinguish migration status and age, there is no way of knowing whether migrant children are being left behind. Data must be collected with safeguards that prevent their use for immigration enforcement purposes.",
                },
            },
        ],
        "quote": {
            "text": "Behind every figure there is a backpack, a half-filled exercise book and a family that made the hardest decision of their lives.",
            "attribution": "Coordinator of a programme supporting families in transit (illustrative testimony)",
        },
        "case_study": {
            "title": "One route, many needs",
            "context": "Joel, aged 15, is travelling through three countries with his mother, Rosa, and his eight-year-old sister, Ana. They left after receiving threats in their neighbourhood. Along the way they share a shelter with seasonal workers, with a family hoping to be reunited with the father and with two adolescents travelling on their own. Ana has no birth certificate and Joel has not been to school for a year.",
            "questions": [
                "Which human mobility concepts help to describe the situation of the people sharing the shelter, and what are the risks of classifying them rigidly?",
                "Which Sustainable Development Goal targets relate to the needs of Joel and Ana, and what concrete response could each country along the route provide?",
            ],
        },
        "reflection": {
            "prompt": "What information on migrant children does your institution or your country produce? Does it show how many children and adolescents on the move have access to school, health care or protection services?",
            "guidance": "Identify the available data sources and their gaps: no disaggregation by age, sex or migration status, or records that are not shared between institutions. Think of a realistic measure to improve the information without putting families at risk.",
        },
        "evaluation": {
            "title": "Final assessment for module 2",
            "instructions": "Answer the five questions. Where indicated, select all the correct options. The minimum passing score is 70 out of 100.",
            "questions": [
                {
                    "id": "m2-q1",
                    "kind": "single",
                    "prompt": "Which instrument broadened the definition of refugee in Latin America to include people fleeing generalized violence?",
                    "options": [
                        "The Palermo Protocol.",
                        "The 1984 Cartagena Declaration.",
                        "The 2030 Agenda.",
                        "The Global Compact on Refugees.",
                    ],
                    "correct": [1],
                    "points": 20,
                    "feedback": "The Cartagena Declaration (1984) broadened the regional definition of refugee; many countries later incorporated it into their national legislation.",
                },
                {
                    "id": "m2-q2",
                    "kind": "true_false",
                    "prompt": "Mixed flows are characterized by people with different profiles and protection needs using the same routes.",
                    "options": ["True", "False"],
                    "correct": [0],
                    "points": 20,
                    "feedback": "True. That is why needs must be identified individually and not on the basis of the route or the means of transport.",
                },
                {
                    "id": "m2-q3",
                    "kind": "multiple",
                    "prompt": "Which of the following SDG targets are particularly relevant for migrant children?",
                    "options": [
                        "Target 10.7, on planned and well-managed migration policies.",
                        "Target 16.9, on legal identity and birth registration.",
                        "Target 16.2, on ending violence, exploitation and trafficking of children.",
                        "None: the 2030 Agenda does not mention migration.",
                    ],
                    "correct": [0, 1, 2],
                    "points": 20,
                    "feedback": "The 2030 Agenda explicitly recognizes migration. Targets 10.7, 16.2 and 16.9, among others, are key for children on the move.",
                },
                {
                    "id": "m2-q4",
                    "kind": "true_false",
                    "prompt": "The Global Compact for Safe, Orderly and Regular Migration is a legally binding treaty.",
                    "options": ["True", "False"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "False. It is a non-binding cooperation framework, although it reflects political commitments that are useful for advocacy.",
                },
                {
                    "id": "m2-q5",
                    "kind": "multiple",
                    "prompt": "What conditions must data on migrant children meet in order to support rights-based policies?",
                    "options": [
                        "Be disaggregated by age, sex and migration status.",
                        "Be shared automatically with immigration enforcement authorities.",
                        "Be collected with confidentiality safeguards.",
                        "Make it possible to identify gaps in access to services.",
                    ],
                    "correct": [0, 2, 3],
                    "points": 20,
                    "feedback": "Data must be disaggregated and useful for detecting gaps, but also protected: using them for enforcement purposes can drive families away from services.",
                },
            ],
        },
    },
]


# ---------------------------------------------------------------------------
# Extra strings used by the demo builder
# ---------------------------------------------------------------------------

_ES_MODULE_TITLES = {
    1: "Derechos de niñas, niños y adolescentes y políticas públicas",
    2: "La migración en el mundo y los Objetivos de Desarrollo Sostenible",
}


def _numbered_extra(n, es_title, en_title):
    """Return the per-module builder strings for module ``n``."""
    return {
        f"Presentación del módulo {n}": f"Introduction to module {n}",
        f"Guía de estudio del módulo {n}": f"Study guide for module {n}",
        f"Evaluación final del módulo {n}.": f"Final assessment for module {n}.",
        f"Gráfico de barras ilustrativo del módulo {n}: {es_title}.": f"Illustrative bar chart for module {n}: {en_title}.",
    }


EXTRA = {
    "Niñez migrante en las Américas": "Migrant children in the Americas",
    "Biblioteca de recursos": "Resource library",
    "Material complementario del curso: documentos, videos, audios, infografías, enlaces y herramientas, filtrables por tipo, módulo, país e idioma.": "Complementary course material: documents, videos, audio recordings, infographics, links and tools, which can be filtered by type, module, country and language.",
    "Materiales de estudio": "Study materials",
    "Resumen imprimible de los objetivos del módulo.": "Printable summary of the module objectives.",
    "Ilustración generada para el curso de demostración.": "Illustration generated for the demo course.",
    "Equipo del curso": "Course team",
    "En este video, el equipo docente presenta los temas del módulo y propone una ruta de estudio.": "In this video, the teaching team introduces the topics of the module and suggests a study path.",
    **_numbered_extra(1, _ES_MODULE_TITLES[1], MODULES[0]["title"]),
    **_numbered_extra(2, _ES_MODULE_TITLES[2], MODULES[1]["title"]),
}
