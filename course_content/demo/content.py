# Prose strings are kept on one line each (easier to edit, diff and translate).
# ruff: noqa: E501
"""Demo content for the e-learning course on migrant children in the Americas.

Pure Python data (no Django imports) used to seed a demo Wagtail site.
All Spanish text is original, written for this demo. Country units, legal
references and institutions are ILLUSTRATIVE: they summarise general features
and must be checked against current official sources before any real use.
Country units leave URLs empty on purpose (their references are illustrative); link resources
point to real, long-lived public sites. Video and audio transcripts are lists of paragraphs: the
demo's captions say them cue by cue, and durations come from the generated files.

Module-level constants:
    COURSE     -- course-level metadata and introduction
    MODULES    -- the 10 modules, each with sections, case study and evaluation
    COUNTRIES  -- 19 illustrative country units for module 5
    RESOURCES  -- complementary multimedia library

Run ``validate()`` to check the structural rules of the data.
"""

import re
import unicodedata

# ---------------------------------------------------------------------------
# Course
# ---------------------------------------------------------------------------

COURSE = {
    "title": "Curso especializado sobre niñez migrante en las Américas",
    "slug": "curso-ninez-migrante",
    "edition_label": "2.ª edición",
    "summary": "Curso virtual autoadministrado de 85 horas que ofrece herramientas conceptuales, normativas y prácticas para proteger los derechos de niñas, niños y adolescentes en contextos de movilidad humana en América Latina y el Caribe.",
    "introduction": [
        "Cada año, miles de niñas, niños y adolescentes (NNA) se desplazan dentro y fuera de sus países, solos o con sus familias, por razones que van desde la reunificación familiar hasta la huida de la violencia, la pobreza o los desastres. En cada etapa de ese recorrido —origen, tránsito, destino y retorno— sus derechos dependen en gran medida de la preparación de las personas e instituciones que los encuentran en el camino. Este curso nace para fortalecer esa preparación.",
        "La propuesta se organiza en diez módulos que avanzan desde los fundamentos del enfoque de derechos hasta las herramientas concretas de intervención. El módulo 5 incluye una unidad por cada uno de los 19 países considerados, con una síntesis ilustrativa de su sistema nacional de protección. Cada módulo combina lecturas breves, casos para el análisis, preguntas de reflexión y recursos complementarios en distintos formatos, de modo que cada participante pueda avanzar a su propio ritmo.",
        "El curso es autoadministrado y no cuenta con tutoría. Al terminar cada módulo se realiza una evaluación final; para aprobar el curso es necesario obtener una calificación de 70 sobre 100 o más en cada una de ellas. Le invitamos a recorrer los contenidos con una mirada crítica y a conectarlos con su propia práctica profesional: el objetivo no es solo conocer las normas, sino mejorar la respuesta cotidiana a la niñez en movilidad.",
    ],
    "audience": "El curso está dirigido a especialistas en migración y/o en niñez y adolescencia que trabajan en instituciones públicas, organismos internacionales, organizaciones de la sociedad civil o el ámbito académico: personal de los sistemas de protección, autoridades migratorias, defensorías, operadores de justicia, equipos de salud y educación, entre otros. No está abierto al público general; la inscripción se realiza por solicitud mientras se encuentra abierta la convocatoria correspondiente.",
    "declared_hours": 85,
}


# ---------------------------------------------------------------------------
# Modules
# ---------------------------------------------------------------------------

MODULES = [
    # --- Module 1: derechos-nna-politicas-publicas
    {
        "number": 1,
        "title": "Derechos de niñas, niños y adolescentes y políticas públicas",
        "slug": "derechos-nna-politicas-publicas",
        "summary": "Presenta el enfoque de derechos de la niñez y la adolescencia y su traducción en políticas públicas capaces de incluir efectivamente a la niñez migrante.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Reconocer a niñas, niños y adolescentes como titulares de derechos y comprender las implicaciones de ese reconocimiento.",
            "Identificar los principios rectores de la Convención sobre los Derechos del Niño y su aplicación práctica.",
            "Analizar el ciclo de las políticas públicas dirigidas a la niñez desde un enfoque de derechos.",
        ],
        "sections": [
            {
                "heading": "De objetos de tutela a sujetos de derechos",
                "paragraphs": [
                    "Durante buena parte del siglo XX, las legislaciones de la región se apoyaron en la llamada doctrina de la situación irregular. Esta concebía a la infancia pobre, abandonada o en conflicto con la ley como un objeto de intervención estatal. El juez de menores concentraba amplias facultades discrecionales y la internación en instituciones era la respuesta habitual. Bajo ese modelo, la voz de niñas, niños y adolescentes apenas contaba y las causas estructurales de su situación, como la exclusión social o la violencia, quedaban fuera del análisis.",
                    "La adopción de la Convención sobre los Derechos del Niño en 1989 marcó un cambio de paradigma. Con la <b>doctrina de la protección integral</b>, las niñas, niños y adolescentes (NNA) pasan a ser reconocidos como sujetos plenos de derechos, con capacidades que se desarrollan de forma progresiva. El Estado deja de ser un tutor que decide por ellos y asume la obligación de garantizar sus derechos, en corresponsabilidad con las familias y la comunidad. Este giro exige transformar leyes e instituciones, pero también las prácticas cotidianas de quienes trabajan con la niñez.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Autonomía progresiva",
                    "text": "Principio según el cual NNA ejercen sus derechos de manera gradual, conforme a la evolución de sus facultades. No depende solo de la edad: también influyen la madurez, la experiencia y el contexto de cada niña, niño o adolescente.",
                },
            },
            {
                "heading": "Los principios rectores de la Convención",
                "paragraphs": [
                    "La Convención se sostiene en cuatro principios generales que orientan la interpretación de todos los demás derechos: la no discriminación; el interés superior del niño; el derecho a la vida, la supervivencia y el desarrollo; y el derecho a expresar su opinión y a que esta se tenga debidamente en cuenta. Estos principios no operan de forma aislada. Se refuerzan entre sí y deben aplicarse en conjunto al diseñar una ley, al organizar un servicio o al decidir sobre un caso concreto.",
                    "El principio de no discriminación tiene especial relevancia para la niñez migrante. Los derechos reconocidos en la Convención corresponden a toda niña, niño o adolescente que se encuentre bajo la jurisdicción de un Estado, con independencia de su nacionalidad o de su situación migratoria y la de sus padres. Por lo tanto, el acceso a la educación, la salud, la identidad o la protección frente a la violencia no puede condicionarse a la regularidad de la estancia ni a documentos que la familia no está en condiciones de obtener.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Un concepto con tres dimensiones",
                    "text": "El Comité de los Derechos del Niño ha señalado que el interés superior es a la vez un derecho sustantivo, un principio interpretativo y una norma de procedimiento. Toda decisión que afecte a una niña o un niño debe mostrar cómo se evaluó y ponderó ese interés.",
                },
            },
            {
                "heading": "Políticas públicas con enfoque de derechos",
                "paragraphs": [
                    "Una política pública es un curso de acción sostenido que el Estado adopta para responder a un problema reconocido como asunto público. Su ciclo suele describirse en etapas: identificación del problema, formulación, adopción, implementación y evaluación. En la práctica, estas etapas se superponen y están atravesadas por negociaciones políticas, restricciones presupuestarias y capacidades institucionales muy desiguales entre territorios, lo que explica que una misma norma produzca resultados distintos en la capital y en una zona de frontera.",
                    "Incorporar el enfoque de derechos supone que cada etapa del ciclo se guíe por las obligaciones del Estado y no solo por criterios de eficiencia. Implica recopilar datos desagregados, asignar presupuesto suficiente y protegido, asegurar la participación de NNA y establecer mecanismos de rendición de cuentas. También obliga a mirar a quienes suelen quedar fuera de las estadísticas: la niñez en tránsito, la que vive en comunidades fronterizas o la que carece de documentos de identidad.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Inclusión, no servicios paralelos",
                    "text": "Crear circuitos separados y exclusivos para la niñez migrante puede aislarla y debilitar su integración. La prioridad es garantizar su acceso a los servicios universales, con los ajustes necesarios en idioma, requisitos documentales y horarios.",
                },
            },
        ],
        "quote": {
            "text": "Cuando una niña llega a una frontera, primero es niña; su condición de migrante viene después. Nuestro trabajo es que ninguna oficina olvide ese orden.",
            "attribution": "Especialista en protección de la niñez (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "Valentina y la matrícula escolar",
            "context": "Valentina tiene 11 años y llegó hace cuatro meses con su madre, Carmen, a una ciudad intermedia del país de destino. La escuela más cercana exige, para matricularla, un documento nacional de identidad y un certificado de estudios legalizado del país de origen. Carmen tiene en trámite su solicitud de regularización y no puede viajar para obtener el certificado. Mientras tanto, Valentina pasa el día sola en la habitación que alquilan y ha comenzado a decir que ya no quiere estudiar.",
            "questions": [
                "¿Qué principios de la Convención sobre los Derechos del Niño están en juego en esta situación y cómo se relacionan entre sí?",
                "¿Qué acciones podría impulsar el sistema local de protección para resolver el caso de Valentina y evitar que situaciones similares se repitan?",
            ],
        },
        "reflection": {
            "prompt": "Piense en una política pública de su país dirigida a la niñez, por ejemplo un programa de salud, educación o transferencias. ¿Alcanza efectivamente a NNA migrantes? ¿Qué barreras formales o informales encuentran?",
            "guidance": "Revise los requisitos de acceso, los documentos exigidos y la información disponible en otros idiomas. Considere también barreras menos visibles, como el temor a ser denunciados o el desconocimiento del personal. Anote al menos una mejora concreta que podría proponerse desde su institución.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 1",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. Necesita al menos 70 de 100 puntos para aprobar el módulo; puede revisar los contenidos antes de volver a intentarlo.",
            "questions": [
                {
                    "id": "m1-q1",
                    "kind": "single",
                    "prompt": "¿Qué cambio central introdujo la doctrina de la protección integral respecto de la doctrina de la situación irregular?",
                    "options": [
                        "Reconoció a niñas, niños y adolescentes como sujetos de derechos y al Estado como garante.",
                        "Reforzó las facultades discrecionales del juez de menores sobre la niñez en riesgo.",
                        "Limitó la aplicación de los derechos a quienes tienen la nacionalidad del país.",
                        "Trasladó la responsabilidad de la protección exclusivamente a las familias.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "La protección integral reconoce a NNA como sujetos de derechos y establece la obligación estatal de garantizarlos, en corresponsabilidad con la familia y la comunidad.",
                },
                {
                    "id": "m1-q2",
                    "kind": "multiple",
                    "prompt": "¿Cuáles de los siguientes son principios generales de la Convención sobre los Derechos del Niño?",
                    "options": [
                        "No discriminación.",
                        "Interés superior del niño.",
                        "Reciprocidad entre Estados.",
                        "Derecho a ser escuchado.",
                        "Soberanía migratoria.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "Los cuatro principios generales son la no discriminación, el interés superior, el derecho a la vida, la supervivencia y el desarrollo, y el derecho a ser escuchado. La reciprocidad y la soberanía no forman parte de ellos.",
                },
                {
                    "id": "m1-q3",
                    "kind": "true_false",
                    "prompt": "Los derechos reconocidos en la Convención pueden condicionarse a que la niña o el niño tenga residencia regular en el país.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. Los derechos corresponden a toda niña, niño o adolescente bajo la jurisdicción del Estado, sin distinción por nacionalidad ni situación migratoria propia o de sus padres.",
                },
                {
                    "id": "m1-q4",
                    "kind": "single",
                    "prompt": "Según el Comité de los Derechos del Niño, el interés superior del niño es:",
                    "options": [
                        "Un criterio orientador sin efectos jurídicos.",
                        "Una facultad exclusiva de los tribunales de familia.",
                        "Un derecho sustantivo, un principio interpretativo y una norma de procedimiento.",
                    ],
                    "correct": [2],
                    "points": 20,
                    "feedback": "El interés superior tiene tres dimensiones. Como norma de procedimiento, obliga a explicar cómo se evaluó y ponderó en cada decisión.",
                },
                {
                    "id": "m1-q5",
                    "kind": "multiple",
                    "prompt": "Incorporar el enfoque de derechos en una política pública implica, entre otros aspectos:",
                    "options": [
                        "Contar con datos desagregados que permitan ver a grupos invisibilizados.",
                        "Asegurar mecanismos de participación de niñas, niños y adolescentes.",
                        "Limitar la política a la etapa de formulación normativa.",
                        "Establecer presupuesto suficiente y mecanismos de rendición de cuentas.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "El enfoque de derechos atraviesa todo el ciclo de la política, desde el diagnóstico hasta la evaluación; no se agota en aprobar una norma.",
                },
            ],
        },
    },
    # --- Module 2: migracion-mundo-ods
    {
        "number": 2,
        "title": "La migración en el mundo y los Objetivos de Desarrollo Sostenible",
        "slug": "migracion-mundo-ods",
        "summary": "Ofrece un panorama de la movilidad humana a escala global y regional, y analiza cómo la Agenda 2030 integra la migración y los derechos de la niñez.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Distinguir los conceptos básicos de la movilidad humana y sus implicaciones para la protección.",
            "Describir las principales tendencias de la migración internacional y de la región.",
            "Analizar la relación entre migración y desarrollo en el marco de la Agenda 2030.",
            "Identificar metas de los Objetivos de Desarrollo Sostenible pertinentes para la niñez migrante.",
        ],
        "sections": [
            {
                "heading": "Conceptos básicos de la movilidad humana",
                "paragraphs": [
                    "<i>Movilidad humana</i> es un término amplio que abarca las distintas formas de desplazamiento de personas: migración interna e internacional, refugio, desplazamiento forzado, movimientos estacionales o circulares y retorno. No existe una definición jurídica universal de «migrante»; en cambio, la condición de refugiado sí está definida en la Convención de 1951 y su Protocolo de 1967, y en América Latina fue ampliada por la Declaración de Cartagena de 1984 para incluir a quienes huyen de la violencia generalizada o de violaciones masivas de derechos humanos.",
                    "En la práctica, las personas se desplazan en <b>flujos mixtos</b>: por una misma ruta viajan familias que buscan trabajo, adolescentes que escapan de la violencia, personas con necesidad de protección internacional y víctimas de trata. Las categorías son útiles para activar respuestas específicas, pero no deben usarse para jerarquizar derechos. Una niña no pierde sus derechos porque su situación no encaje en una categoría, y la identificación de sus necesidades debe hacerse caso por caso.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Flujos mixtos",
                    "text": "Movimientos en los que personas con perfiles, motivos y necesidades de protección distintos utilizan las mismas rutas y medios de transporte, a menudo de forma irregular.",
                },
            },
            {
                "heading": "Tendencias globales y regionales",
                "paragraphs": [
                    "Según estimaciones de Naciones Unidas, en 2020 había más de 280 millones de migrantes internacionales, cerca del 3,6 % de la población mundial. La mayoría se desplaza por razones laborales o familiares y de manera regular, pero crece el número de personas forzadas a huir por conflictos, violencia, crisis políticas o efectos del cambio climático. Las niñas, niños y adolescentes representan una proporción significativa de estos movimientos y, en algunos corredores, viajan cada vez más sin la compañía de personas adultas responsables.",
                    "En las Américas, el corredor histórico hacia el norte convive hoy con intensos flujos intrarregionales. En la última década, millones de personas salieron de Venezuela hacia países sudamericanos y caribeños; la migración haitiana se diversificó; y las rutas de tránsito, incluida la travesía por la selva del Darién, registraron cifras inéditas de familias con hijos pequeños. Estos cambios obligan a los sistemas de protección a responder al tránsito, a la permanencia prolongada y al retorno de manera simultánea.",
                ],
                "callout": None,
            },
            {
                "heading": "La Agenda 2030 y la migración",
                "paragraphs": [
                    "La Agenda 2030 para el Desarrollo Sostenible, adoptada en 2015, reconoce por primera vez de manera explícita la contribución de la migración al desarrollo. Su meta 10.7 llama a facilitar una migración ordenada, segura, regular y responsable mediante políticas migratorias planificadas y bien gestionadas. El compromiso de «no dejar a nadie atrás» exige, además, que los avances en pobreza, salud o educación alcancen también a las personas migrantes y a sus hijas e hijos. En 2018, el Pacto Mundial para una Migración Segura, Ordenada y Regular, de carácter no vinculante, retomó estos compromisos e incorporó un enfoque sensible a las necesidades de la niñez.",
                    "Otras metas son especialmente pertinentes para la niñez en movilidad: la 16.2, que busca poner fin al maltrato, la explotación, la trata y la violencia contra NNA; la 16.9, sobre identidad jurídica y registro de nacimientos; la 8.7, que incluye la erradicación del trabajo infantil; y la 4.1, relativa a una educación primaria y secundaria de calidad. La meta 17.18 recuerda la necesidad de datos desglosados por estatus migratorio, sin los cuales estos grupos permanecen invisibles.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Lo que no se mide no se ve",
                    "text": "Si las estadísticas de educación, salud o protección no distinguen la condición migratoria y la edad, es imposible saber si la niñez migrante está quedando atrás. Los datos deben recogerse con salvaguardas que impidan su uso para fines de control migratorio.",
                },
            },
        ],
        "quote": {
            "text": "Detrás de cada cifra hay una mochila, un cuaderno que se quedó a medias y una familia que tomó la decisión más difícil de su vida.",
            "attribution": "Coordinadora de un programa de atención a familias en tránsito (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "Una ruta, muchas necesidades",
            "context": "Joel, de 15 años, viaja con su madre, Rosa, y su hermana Ana, de 8, a través de tres países. Salieron tras recibir amenazas en su barrio. En el trayecto comparten albergue con trabajadores temporales, con una familia que busca reunirse con el padre y con dos adolescentes que viajan solos. Ana no tiene acta de nacimiento y Joel lleva un año sin asistir a la escuela.",
            "questions": [
                "¿Qué conceptos de movilidad humana ayudan a describir la situación de las personas que comparten el albergue y qué riesgos implica clasificarlas de forma rígida?",
                "¿Qué metas de los Objetivos de Desarrollo Sostenible se relacionan con las necesidades de Joel y Ana, y qué respuesta concreta podría dar cada país de la ruta?",
            ],
        },
        "reflection": {
            "prompt": "¿Qué información sobre niñez migrante produce su institución o su país? ¿Permite saber cuántos NNA en movilidad acceden a la escuela, a la salud o a servicios de protección?",
            "guidance": "Identifique las fuentes de datos disponibles y sus vacíos: falta de desagregación por edad, sexo o condición migratoria, o registros que no se comparten entre instituciones. Piense en una medida realista para mejorar la información sin poner en riesgo a las familias.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 2",
            "instructions": "Responda las cinco preguntas. Cuando se indique, marque todas las opciones correctas. La calificación mínima para aprobar es de 70 sobre 100.",
            "questions": [
                {
                    "id": "m2-q1",
                    "kind": "single",
                    "prompt": "¿Qué instrumento amplió en América Latina la definición de persona refugiada para incluir a quienes huyen de la violencia generalizada?",
                    "options": [
                        "El Protocolo de Palermo.",
                        "La Declaración de Cartagena de 1984.",
                        "La Agenda 2030.",
                        "El Pacto Mundial sobre los Refugiados.",
                    ],
                    "correct": [1],
                    "points": 20,
                    "feedback": "La Declaración de Cartagena (1984) amplió la definición regional de refugiado; numerosos países la incorporaron después a su legislación.",
                },
                {
                    "id": "m2-q2",
                    "kind": "true_false",
                    "prompt": "Los flujos mixtos se caracterizan porque personas con perfiles y necesidades de protección distintos utilizan las mismas rutas.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [0],
                    "points": 20,
                    "feedback": "Verdadero. Por eso la identificación de necesidades debe hacerse de forma individual y no a partir de la ruta o del medio de transporte.",
                },
                {
                    "id": "m2-q3",
                    "kind": "multiple",
                    "prompt": "¿Cuáles de las siguientes metas de los ODS son especialmente pertinentes para la niñez migrante?",
                    "options": [
                        "Meta 10.7, sobre políticas migratorias planificadas y bien gestionadas.",
                        "Meta 16.9, sobre identidad jurídica y registro de nacimientos.",
                        "Meta 16.2, sobre el fin de la violencia, la explotación y la trata de NNA.",
                        "Ninguna: la Agenda 2030 no menciona la migración.",
                    ],
                    "correct": [0, 1, 2],
                    "points": 20,
                    "feedback": "La Agenda 2030 reconoce explícitamente la migración. Las metas 10.7, 16.2 y 16.9, entre otras, son clave para la niñez en movilidad.",
                },
                {
                    "id": "m2-q4",
                    "kind": "true_false",
                    "prompt": "El Pacto Mundial para una Migración Segura, Ordenada y Regular es un tratado jurídicamente vinculante.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. Es un marco de cooperación no vinculante, aunque refleja compromisos políticos útiles para la incidencia.",
                },
                {
                    "id": "m2-q5",
                    "kind": "multiple",
                    "prompt": "¿Qué condiciones deben cumplir los datos sobre niñez migrante para apoyar políticas con enfoque de derechos?",
                    "options": [
                        "Estar desglosados por edad, sexo y condición migratoria.",
                        "Compartirse automáticamente con las autoridades de control migratorio.",
                        "Recogerse con salvaguardas de confidencialidad.",
                        "Permitir identificar brechas de acceso a servicios.",
                    ],
                    "correct": [0, 2, 3],
                    "points": 20,
                    "feedback": "Los datos deben ser desagregados y útiles para detectar brechas, pero protegidos: su uso con fines de control puede alejar a las familias de los servicios.",
                },
            ],
        },
    },
    # --- Module 3: ninez-migrante
    {
        "number": 3,
        "title": "Niñez migrante",
        "slug": "ninez-migrante",
        "summary": "Caracteriza la diversidad de situaciones de niñas, niños y adolescentes en movilidad, las causas de su desplazamiento y los riesgos y factores de protección a lo largo de la ruta.",
        "hours": 8,
        "has_country_units": False,
        "objectives": [
            "Reconocer la diversidad de perfiles y situaciones de la niñez en contextos de movilidad.",
            "Diferenciar a niñas, niños y adolescentes no acompañados de quienes se encuentran separados.",
            "Analizar las causas de la migración infantil y adolescente desde la perspectiva de sus protagonistas.",
            "Identificar riesgos y factores de protección en las etapas de origen, tránsito, destino y retorno.",
        ],
        "sections": [
            {
                "heading": "Una categoría con muchos rostros",
                "paragraphs": [
                    "Hablar de «niñez migrante» es hablar de realidades muy distintas. Hay NNA que se desplazan con sus familias y otros que viajan solos o con personas adultas que no son sus cuidadores habituales. Están quienes nacen en el país de destino de padres migrantes, quienes regresan a un país de origen que apenas conocen y quienes permanecen en su comunidad cuando madre, padre o ambos emigran. Cada situación plantea necesidades y riesgos diferentes, y las respuestas no pueden ser únicas.",
                    "La edad, el género, la pertenencia étnica, la discapacidad, la orientación sexual o la identidad de género y la condición documental se combinan con la experiencia migratoria. Una adolescente indígena que no habla el idioma oficial del país de tránsito enfrenta obstáculos distintos a los de un niño pequeño que viaja con su familia extendida. Reconocer esa diversidad es el primer paso para evitar respuestas estandarizadas que dejan fuera a quienes más protección necesitan.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "No acompañados y separados",
                    "text": "NNA no acompañados son quienes están separados de ambos progenitores y otros parientes y no están al cuidado de ningún adulto responsable por ley o costumbre. NNA separados lo están de ambos progenitores o de sus cuidadores habituales, pero pueden viajar con otros familiares adultos.",
                },
            },
            {
                "heading": "Causas y decisiones",
                "paragraphs": [
                    "Las causas de la migración de NNA rara vez son únicas. La reunificación con familiares que ya emigraron se entrelaza con la violencia de grupos criminales, la violencia intrafamiliar, la pobreza, la falta de oportunidades educativas, los desastres y las crisis políticas. Conocer estas causas es indispensable para evaluar las necesidades de protección internacional y para valorar, más adelante, si un eventual retorno sería seguro y compatible con el interés superior.",
                    "Los adolescentes, en particular, no son solo acompañantes pasivos de decisiones adultas. Muchos participan en la decisión de migrar o la toman por sí mismos, con información incompleta y bajo presión. Reconocer esa capacidad de agencia no significa dejar de protegerlos: implica escucharlos, tomar en serio sus proyectos y explicarles con honestidad las opciones reales, en lugar de limitarse a reprochar su decisión o a tratarlos exclusivamente como víctimas.",
                ],
                "callout": None,
            },
            {
                "heading": "Riesgos y factores de protección en la ruta",
                "paragraphs": [
                    "Durante el tránsito, NNA pueden enfrentar explotación por redes de trata, abusos de quienes facilitan el cruce irregular, violencia sexual, extorsión, accidentes, enfermedades y separación familiar. En destino, los riesgos incluyen la discriminación en la escuela, el trabajo infantil, la precariedad habitacional y la falta de documentos. La privación de libertad por razones migratorias agrega un daño adicional, con efectos documentados sobre la salud física y mental.",
                    "Frente a esos riesgos existen factores de protección que pueden fortalecerse: la presencia de una persona adulta de confianza, las redes comunitarias y religiosas, el acceso temprano a la documentación, los albergues adecuados para familias y NNA, la continuidad educativa y la información clara sobre derechos y servicios. Las intervenciones más eficaces combinan la reducción de riesgos con el refuerzo de esos recursos propios.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Detención migratoria de NNA",
                    "text": "Los órganos internacionales y regionales de derechos humanos han establecido que la privación de libertad de niñas y niños por su situación migratoria nunca responde a su interés superior. Deben aplicarse alternativas de cuidado en entornos familiares o comunitarios.",
                },
            },
        ],
        "quote": {
            "text": "Nos pidieron que contáramos nuestra historia muchas veces, pero nadie nos preguntó qué queríamos hacer después.",
            "attribution": "Adolescente participante en un grupo de consulta (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "Los hermanos que viajaban con su tío",
            "context": "En un puesto fronterizo se presenta Mateo, de 16 años, con su hermano Kevin, de 9, y un hombre que dice ser su tío. No portan documentos que acrediten el parentesco. Mateo explica que su madre vive en otro país y que los espera. Kevin permanece callado y parece muy cansado. El personal migratorio duda entre permitir que continúen juntos o separarlos del adulto para verificar la situación.",
            "questions": [
                "¿Cómo clasificaría la situación de Mateo y Kevin según las definiciones del módulo y qué consecuencias tiene esa clasificación para su protección?",
                "¿Qué pasos debería seguir el personal para verificar el vínculo y detectar posibles riesgos sin causar una separación innecesaria ni revictimizar a los niños?",
            ],
        },
        "reflection": {
            "prompt": "Recuerde un caso de niñez en movilidad que haya conocido en su trabajo o en los medios. ¿Qué factores de riesgo y qué factores de protección estaban presentes?",
            "guidance": "Elabore dos columnas, una para riesgos y otra para recursos de protección. Luego identifique qué institución o actor podría haber reforzado cada recurso. Evite incluir datos que permitan identificar a personas reales.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 3",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. Se requieren al menos 70 puntos sobre 100 para aprobar.",
            "questions": [
                {
                    "id": "m3-q1",
                    "kind": "single",
                    "prompt": "Un niño de 12 años viaja con su abuela, sin sus padres. ¿Cómo se describe su situación?",
                    "options": [
                        "No acompañado.",
                        "Solicitante de asilo por definición.",
                        "Acompañado por sus cuidadores habituales en todos los casos.",
                        "Separado.",
                    ],
                    "correct": [3],
                    "points": 20,
                    "feedback": "Está separado de sus progenitores, pero acompañado por otra familiar adulta. Aun así, debe verificarse que esa persona sea idónea para su cuidado.",
                },
                {
                    "id": "m3-q2",
                    "kind": "true_false",
                    "prompt": "La privación de libertad por razones migratorias puede considerarse compatible con el interés superior de la niña o el niño si la estancia es breve.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. Los órganos de derechos humanos han señalado que la detención migratoria de NNA nunca responde a su interés superior, cualquiera que sea su duración.",
                },
                {
                    "id": "m3-q3",
                    "kind": "multiple",
                    "prompt": "¿Cuáles de los siguientes son factores de protección para NNA en movilidad?",
                    "options": [
                        "Presencia de una persona adulta de confianza.",
                        "Acceso temprano a documentación.",
                        "Viajar de noche para evitar controles.",
                        "Continuidad educativa.",
                        "Redes comunitarias de apoyo.",
                    ],
                    "correct": [0, 1, 3, 4],
                    "points": 20,
                    "feedback": "Los vínculos de confianza, la documentación, la escuela y las redes comunitarias protegen. Evitar controles suele aumentar la exposición a riesgos.",
                },
                {
                    "id": "m3-q4",
                    "kind": "single",
                    "prompt": "¿Por qué es importante conocer las causas de la salida de una adolescente de su país?",
                    "options": [
                        "Para decidir con rapidez su deportación.",
                        "Solo para fines estadísticos.",
                        "Para evaluar sus necesidades de protección y la viabilidad de cualquier solución futura.",
                    ],
                    "correct": [2],
                    "points": 20,
                    "feedback": "Las causas de la salida orientan la evaluación de necesidades de protección internacional y del interés superior, incluida la valoración de un eventual retorno.",
                },
                {
                    "id": "m3-q5",
                    "kind": "multiple",
                    "prompt": "Reconocer la agencia de los adolescentes migrantes implica:",
                    "options": [
                        "Escuchar sus motivos y proyectos.",
                        "Eximir al Estado de su deber de protección.",
                        "Informarles con honestidad sobre sus opciones reales.",
                        "Considerar su opinión en las decisiones que los afectan.",
                    ],
                    "correct": [0, 2, 3],
                    "points": 20,
                    "feedback": "Reconocer la agencia no reduce la obligación de proteger: la complementa con escucha, información y participación.",
                },
            ],
        },
    },
    # --- Module 4: marco-normativo-mecanismos-proteccion
    {
        "number": 4,
        "title": "Marco normativo internacional y regional y mecanismos de protección de los derechos de niñas, niños y adolescentes",
        "slug": "marco-normativo-mecanismos-proteccion",
        "summary": "Recorre los instrumentos universales e interamericanos que protegen a la niñez en el contexto de la migración y explica cómo utilizar sus mecanismos de supervisión.",
        "hours": 9,
        "has_country_units": False,
        "objectives": [
            "Identificar los principales instrumentos universales e interamericanos aplicables a la niñez migrante.",
            "Explicar el aporte de las observaciones generales y de la jurisprudencia interamericana a la interpretación de esos instrumentos.",
            "Describir las garantías de debido proceso que deben respetarse en procedimientos migratorios que involucran a NNA.",
            "Valorar el uso de los mecanismos de supervisión como herramientas de incidencia y protección.",
        ],
        "sections": [
            {
                "heading": "El sistema universal de derechos humanos",
                "paragraphs": [
                    "La Convención sobre los Derechos del Niño es el tratado de derechos humanos con mayor número de ratificaciones. Se complementa con sus protocolos facultativos sobre la participación de niños en conflictos armados, sobre la venta de niños, la prostitución infantil y la utilización de niños en la pornografía, y sobre un procedimiento de comunicaciones. A ellos se suman la Convención sobre los trabajadores migratorios y sus familiares (1990), la Convención sobre el Estatuto de los Refugiados (1951) y los protocolos de Palermo contra la trata de personas y el tráfico ilícito de migrantes (2000).",
                    "Los órganos de tratados interpretan estas normas mediante observaciones generales. Para este curso son centrales la Observación General núm. 6 (2005) sobre NNA no acompañados y separados fuera de su país de origen, la núm. 14 (2013) sobre el interés superior y las observaciones generales conjuntas de 2017 del Comité de los Derechos del Niño y del Comité de Protección de los Derechos de Todos los Trabajadores Migratorios, dedicadas específicamente a la niñez en el contexto de la migración internacional.",
                ],
                "callout": None,
            },
            {
                "heading": "El sistema interamericano",
                "paragraphs": [
                    "En el ámbito regional, la Convención Americana sobre Derechos Humanos (1969) reconoce el derecho de toda niña y todo niño a medidas especiales de protección por parte de su familia, la sociedad y el Estado. La Comisión Interamericana de Derechos Humanos y la Corte Interamericana supervisan su cumplimiento. En 2014, la Corte emitió la <b>Opinión Consultiva OC-21/14</b>, que precisa las obligaciones estatales frente a la niñez en el contexto de la migración y se ha convertido en una referencia obligada.",
                    "La región cuenta además con la Declaración de Cartagena (1984), la Declaración y Plan de Acción de Brasil (2014) y los Principios Interamericanos sobre los derechos humanos de todas las personas migrantes, refugiadas, apátridas y víctimas de la trata de personas, adoptados por la Comisión en 2019. Los procesos consultivos regionales sobre migración y los organismos especializados en niñez de la región completan un entramado de cooperación que influye en las leyes y protocolos nacionales.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Una interpretación evolutiva",
                    "text": "Los tratados se leen a la luz de las observaciones generales y de la jurisprudencia. Citar estos estándares en informes técnicos y resoluciones administrativas fortalece la fundamentación de las decisiones de protección.",
                },
            },
            {
                "heading": "Garantías de debido proceso para NNA migrantes",
                "paragraphs": [
                    "Cuando un procedimiento migratorio o de asilo afecta a una niña, un niño o un adolescente, el Estado debe adaptar sus garantías. Entre ellas se encuentran el derecho a ser informado en un lenguaje comprensible, a contar con intérprete, a ser escuchado, a recibir asistencia jurídica gratuita y, en el caso de NNA no acompañados o separados, a que se designe con prontitud un tutor o representante. Las decisiones deben estar motivadas y explicar cómo se consideró el interés superior.",
                    "El <b>principio de no devolución</b> prohíbe trasladar a una persona a un lugar donde su vida, su libertad o su integridad corran peligro. En el caso de la niñez, su alcance es amplio: incluye riesgos específicos como el reclutamiento forzado, la explotación, la mutilación genital o la falta de cuidados básicos. Además, cuando se solicita protección internacional, las autoridades no deben contactar al consulado del país de origen sin el consentimiento informado de la persona, para no exponerla a nuevos riesgos.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Edad y presunción de minoría",
                    "text": "Si existen dudas sobre la edad de una persona que declara ser menor de 18 años, debe tratársela como tal mientras se realiza una evaluación integral, multidisciplinaria y respetuosa. Los métodos médicos invasivos o poco fiables no deben ser la única base de la decisión.",
                },
            },
            {
                "heading": "Mecanismos de supervisión y su uso en la práctica",
                "paragraphs": [
                    "Los Estados presentan informes periódicos ante los comités de tratados, que formulan observaciones finales con recomendaciones específicas. Las organizaciones de la sociedad civil y las instituciones nacionales de derechos humanos pueden enviar informes alternativos. En el sistema interamericano, la Comisión recibe peticiones individuales, otorga medidas cautelares en situaciones graves y urgentes, realiza visitas y publica informes temáticos sobre movilidad humana y niñez.",
                    "Para un equipo técnico, estos mecanismos no son lejanos. Las observaciones finales dirigidas al propio país ofrecen un diagnóstico externo útil para fundamentar propuestas de reforma. Las defensorías del pueblo y las defensorías de la niñez pueden recibir quejas, supervisar centros de atención y emitir recomendaciones. Documentar los casos de forma rigurosa y confidencial facilita que las vulneraciones lleguen a estas instancias cuando las vías internas no responden.",
                ],
                "callout": None,
            },
        ],
        "quote": {
            "text": "Una buena resolución administrativa puede citar la Opinión Consultiva con la misma naturalidad que un reglamento interno. Los estándares están para usarse.",
            "attribution": "Abogada de una defensoría pública (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "La solicitud de Daniela",
            "context": "Daniela, de 16 años, llega sola a un aeropuerto y expresa temor de regresar a su país porque un grupo armado intentó reclutarla. El oficial de turno considera que no presenta documentos suficientes y propone su retorno inmediato en el siguiente vuelo. Daniela no ha recibido información sobre su derecho a solicitar protección ni se ha notificado a la autoridad de protección de la niñez.",
            "questions": [
                "¿Qué garantías de debido proceso y qué principios del marco internacional se están desconociendo en la situación de Daniela?",
                "¿Qué mecanismos nacionales o internacionales podrían activarse si el retorno se concretara sin una evaluación adecuada de su caso?",
            ],
        },
        "reflection": {
            "prompt": "Revise las últimas observaciones finales del Comité de los Derechos del Niño dirigidas a su país. ¿Qué recomendaciones se refieren a la niñez migrante o refugiada?",
            "guidance": "Seleccione una recomendación y analice qué avances y qué obstáculos observa en su implementación. Piense qué rol podría tener su institución para impulsarla.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 4",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. La calificación mínima para aprobar es de 70 puntos sobre 100.",
            "questions": [
                {
                    "id": "m4-q1",
                    "kind": "single",
                    "prompt": "¿Qué pronunciamiento de la Corte Interamericana aborda específicamente los derechos y garantías de niñas y niños en el contexto de la migración?",
                    "options": [
                        "La Opinión Consultiva OC-21/14.",
                        "La Declaración de Cartagena.",
                        "La Observación General núm. 14.",
                        "El Protocolo de Palermo.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "La Opinión Consultiva OC-21/14 precisa las obligaciones de los Estados frente a la niñez migrante, incluidas las garantías procesales y la prohibición de la detención.",
                },
                {
                    "id": "m4-q2",
                    "kind": "multiple",
                    "prompt": "¿Cuáles de las siguientes son garantías de debido proceso para NNA en procedimientos migratorios?",
                    "options": [
                        "Derecho a contar con intérprete.",
                        "Designación de tutor o representante para NNA no acompañados.",
                        "Decisión inmediata sin entrevista para agilizar el trámite.",
                        "Asistencia jurídica gratuita.",
                        "Decisión motivada que explique la consideración del interés superior.",
                    ],
                    "correct": [0, 1, 3, 4],
                    "points": 20,
                    "feedback": "La rapidez no justifica omitir la escucha. Intérprete, tutela, asistencia jurídica y motivación son garantías básicas.",
                },
                {
                    "id": "m4-q3",
                    "kind": "true_false",
                    "prompt": "Ante una solicitud de protección internacional, las autoridades deben contactar de inmediato al consulado del país de origen de la adolescente.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. Contactar al consulado sin consentimiento puede exponer a la persona solicitante y a su familia a nuevos riesgos.",
                },
                {
                    "id": "m4-q4",
                    "kind": "single",
                    "prompt": "Si hay dudas sobre la edad de una persona que afirma tener 15 años, lo adecuado es:",
                    "options": [
                        "Tratarla como adulta hasta que pruebe su edad.",
                        "Tratarla como menor de edad mientras se realiza una evaluación integral.",
                        "Basarse exclusivamente en una radiografía ósea.",
                    ],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Rige la presunción de minoría de edad y la evaluación debe ser integral, multidisciplinaria y respetuosa.",
                },
                {
                    "id": "m4-q5",
                    "kind": "multiple",
                    "prompt": "¿Qué instrumentos forman parte del marco aplicable a la niñez migrante?",
                    "options": [
                        "La Convención sobre los Derechos del Niño.",
                        "La Convención sobre los trabajadores migratorios y sus familiares.",
                        "La Convención Americana sobre Derechos Humanos.",
                        "Solo la legislación migratoria nacional.",
                    ],
                    "correct": [0, 1, 2],
                    "points": 20,
                    "feedback": "La legislación nacional debe interpretarse a la luz de los tratados universales e interamericanos ratificados por cada Estado.",
                },
            ],
        },
    },
    # --- Module 5: sistemas-nacionales-proteccion
    {
        "number": 5,
        "title": "Sistemas y mecanismos nacionales de protección",
        "slug": "sistemas-nacionales-proteccion",
        "summary": "Analiza cómo se organizan los sistemas nacionales de protección de la niñez y su articulación con las autoridades migratorias, con una unidad ilustrativa para cada uno de los 19 países del curso.",
        "hours": 17,
        "has_country_units": True,
        "objectives": [
            "Describir los componentes básicos de un sistema nacional de protección de la niñez y la adolescencia.",
            "Identificar las etapas de una ruta de protección para NNA migrantes, desde la detección hasta el seguimiento.",
            "Analizar los mecanismos de coordinación entre autoridades de protección y autoridades migratorias.",
            "Comparar los rasgos principales de los sistemas de protección de los 19 países incluidos en el curso.",
            "Aplicar lo aprendido a la identificación de vacíos y buenas prácticas en el propio país.",
        ],
        "sections": [
            {
                "heading": "La arquitectura de los sistemas nacionales",
                "paragraphs": [
                    "Aunque cada país tiene su propio diseño, los sistemas nacionales de protección comparten algunos componentes: un órgano rector que define políticas y coordina; instancias administrativas de protección, a menudo municipales o departamentales, que reciben denuncias y adoptan medidas; un ámbito judicial que revisa las medidas más gravosas; y órganos de supervisión, como las defensorías. Muchos sistemas incluyen también consejos con participación de la sociedad civil y espacios consultivos de NNA.",
                    "La solidez de un sistema no se mide solo por su ley. Importa la cobertura territorial de los servicios, la estabilidad y formación de sus equipos, la existencia de presupuesto asignado y la calidad de los sistemas de información. En zonas de frontera, donde llegan flujos grandes y cambiantes, estas capacidades suelen ser más débiles justamente donde más se necesitan, por lo que la cooperación entre niveles de gobierno resulta decisiva.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Medida de protección especial",
                    "text": "Decisión de una autoridad competente destinada a prevenir, detener o reparar la vulneración de derechos de una niña, niño o adolescente. Debe ser proporcional, temporal, revisable y priorizar la permanencia en un entorno familiar.",
                },
            },
            {
                "heading": "La ruta de protección para NNA migrantes",
                "paragraphs": [
                    "Una ruta de protección describe quién hace qué y en qué orden. Suele comenzar con la <b>detección</b> de una niña o un niño en situación de riesgo, seguida de la notificación inmediata a la autoridad de protección, una evaluación inicial de necesidades urgentes, la adopción de medidas y un plan de atención con seguimiento. En el caso de NNA migrantes, se añaden pasos como la verificación de vínculos familiares, la identificación de necesidades de protección internacional y la búsqueda de soluciones duraderas.",
                    "El cuidado alternativo merece especial atención. Cuando un NNA no acompañado necesita alojamiento, deben priorizarse el cuidado en familia ampliada, las familias de acogida o modalidades pequeñas de tipo familiar, conforme a las Directrices de Naciones Unidas sobre las modalidades alternativas de cuidado de los niños. Los grandes centros institucionales y, con mayor razón, las instalaciones migratorias, no son lugares adecuados para la niñez.",
                ],
                "callout": None,
            },
            {
                "heading": "Coordinación con las autoridades migratorias",
                "paragraphs": [
                    "La mayoría de los países de la región han aprobado protocolos o acuerdos interinstitucionales que establecen la obligación de las autoridades migratorias de notificar a la autoridad de protección de la niñez cuando identifican a NNA, especialmente si están solos. Estos instrumentos suelen definir plazos, responsables, formatos de entrevista y criterios para compartir información. Su eficacia depende de que sean conocidos por el personal de primera línea y de que existan canales de comunicación disponibles las 24 horas.",
                    "Un principio orientador es que la autoridad de protección de la niñez debe liderar las decisiones sobre el cuidado y el plan de vida del NNA, mientras que la autoridad migratoria resuelve los aspectos documentales. Cuando esta distribución se invierte y lo migratorio define lo protectivo, aumentan los riesgos de retornos apresurados o de separaciones familiares innecesarias. Las unidades especializadas en niñez dentro de las instituciones migratorias pueden facilitar este equilibrio.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Primero la protección",
                    "text": "La condición de niña, niño o adolescente prevalece sobre la condición migratoria. Las decisiones sobre documentación deben adoptarse en función del plan de protección, no al revés.",
                },
            },
            {
                "heading": "Cómo estudiar las unidades por país",
                "paragraphs": [
                    "Este módulo incluye 19 unidades, una por país. Cada una presenta una visión general del sistema de protección, una selección de instrumentos normativos, las instituciones principales y algunos puntos prácticos para quienes trabajan en el terreno. Las unidades tienen un carácter <i>ilustrativo</i>: buscan facilitar la comparación y la reflexión, no sustituir el análisis jurídico. Las normas y las instituciones cambian con frecuencia, por lo que siempre debe verificarse la información vigente en las fuentes oficiales.",
                    "Le sugerimos comenzar por la unidad de su propio país y luego revisar al menos dos países con los que exista un flujo migratorio relevante, por ejemplo un país de origen y uno de tránsito. Compare cómo se organiza la notificación a la autoridad de protección, qué modalidades de cuidado alternativo existen y cómo se coordina el retorno. Estas comparaciones serán la base de la reflexión final del módulo y de varias preguntas de la evaluación.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Contenido ilustrativo",
                    "text": "Las unidades por país son materiales de apoyo para el aprendizaje. No constituyen asesoría jurídica ni reemplazan la consulta de la normativa oficial actualizada.",
                },
            },
        ],
        "quote": {
            "text": "El protocolo estaba escrito desde hacía años, pero empezó a funcionar el día en que la oficial de migración y la defensora de la niñez intercambiaron sus números de teléfono.",
            "attribution": "Integrante de un equipo de protección en una zona de frontera (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "Un viernes por la noche en la frontera",
            "context": "Un viernes a las 22:00 horas, la policía de un paso fronterizo encuentra a Luciana, de 13 años, y a su prima Sofía, de 6, que viajaban solas hacia la casa de una tía. La oficina local de protección de la niñez está cerrada hasta el lunes y el único alojamiento disponible es una sala de la estación migratoria. El protocolo interinstitucional vigente establece la notificación inmediata, pero nadie recuerda a quién llamar.",
            "questions": [
                "¿Qué pasos de la ruta de protección deberían activarse esa misma noche y qué institución debería liderar cada uno?",
                "¿Qué cambios en la organización del sistema local evitarían que una situación como esta dependa de la buena voluntad de una persona?",
            ],
        },
        "reflection": {
            "prompt": "Dibuje la ruta de protección que se sigue en su territorio cuando se identifica a un NNA migrante no acompañado. ¿Dónde se producen demoras o vacíos?",
            "guidance": "Use como referencia las unidades por país. Señale las instituciones involucradas, los plazos reales y los puntos en que la información se pierde. Proponga una mejora que pueda implementarse sin reformas legales.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 5",
            "instructions": "Responda las cinco preguntas; algunas se refieren a las unidades por país. En las preguntas de selección múltiple marque todas las opciones correctas. Se requieren 70 puntos sobre 100 para aprobar.",
            "questions": [
                {
                    "id": "m5-q1",
                    "kind": "multiple",
                    "prompt": "¿Qué componentes suelen formar parte de un sistema nacional de protección de la niñez?",
                    "options": [
                        "Un órgano rector que coordina las políticas.",
                        "Instancias administrativas locales que adoptan medidas de protección.",
                        "Órganos de supervisión, como las defensorías.",
                        "Centros de detención migratoria para familias.",
                        "Un ámbito judicial que revisa las medidas más gravosas.",
                    ],
                    "correct": [0, 1, 2, 4],
                    "points": 20,
                    "feedback": "Los centros de detención migratoria no son parte de un sistema de protección: la detención de NNA por razones migratorias es contraria a su interés superior.",
                },
                {
                    "id": "m5-q2",
                    "kind": "single",
                    "prompt": "Según los estándares internacionales, ¿qué modalidad de cuidado alternativo debe priorizarse para un niño no acompañado?",
                    "options": [
                        "Una estación migratoria con áreas separadas.",
                        "Un gran centro institucional con capacidad suficiente.",
                        "El cuidado en familia ampliada, familia de acogida u otras modalidades de tipo familiar.",
                    ],
                    "correct": [2],
                    "points": 20,
                    "feedback": "Las Directrices de Naciones Unidas priorizan las modalidades familiares y reservan la institucionalización como último recurso.",
                },
                {
                    "id": "m5-q3",
                    "kind": "true_false",
                    "prompt": "En la coordinación interinstitucional, la autoridad migratoria debe decidir el plan de vida del NNA y la autoridad de protección limitarse a ejecutarlo.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. La autoridad de protección lidera las decisiones sobre cuidado y plan de vida; lo documental se resuelve en función de ese plan.",
                },
                {
                    "id": "m5-q4",
                    "kind": "single",
                    "prompt": "¿Cuál es el primer paso después de detectar a una niña migrante no acompañada en situación de riesgo?",
                    "options": [
                        "Notificar de inmediato a la autoridad de protección de la niñez.",
                        "Iniciar el procedimiento de retorno.",
                        "Publicar su fotografía para localizar a su familia.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "La notificación inmediata permite evaluar necesidades urgentes y adoptar medidas. Difundir imágenes sin salvaguardas puede ponerla en peligro.",
                },
                {
                    "id": "m5-q5",
                    "kind": "multiple",
                    "prompt": "Las unidades por país de este módulo:",
                    "options": [
                        "Tienen carácter ilustrativo.",
                        "Sustituyen la consulta de la normativa oficial vigente.",
                        "Facilitan la comparación entre sistemas de protección.",
                        "Deben complementarse con la verificación de fuentes oficiales actualizadas.",
                    ],
                    "correct": [0, 2, 3],
                    "points": 20,
                    "feedback": "Las unidades son una herramienta de aprendizaje comparado; la normativa y las instituciones deben verificarse siempre en fuentes oficiales.",
                },
            ],
        },
    },
    # --- Module 6: nna-especial-vulnerabilidad
    {
        "number": 6,
        "title": "Niñas, niños y adolescentes en condición de especial vulnerabilidad",
        "slug": "nna-especial-vulnerabilidad",
        "summary": "Examina cómo se combinan la movilidad y otras condiciones —género, discapacidad, pertenencia étnica, falta de documentos— y aborda la trata de personas y el tráfico ilícito de migrantes.",
        "hours": 8,
        "has_country_units": False,
        "objectives": [
            "Aplicar el enfoque interseccional al análisis de situaciones de niñez migrante.",
            "Diferenciar la trata de personas del tráfico ilícito de migrantes y sus consecuencias para la protección.",
            "Identificar indicadores de riesgo de violencia basada en género, explotación y apatridia.",
            "Proponer ajustes razonables y medidas diferenciadas para NNA con necesidades específicas.",
        ],
        "sections": [
            {
                "heading": "Vulnerabilidad situacional e interseccionalidad",
                "paragraphs": [
                    "La vulnerabilidad no es un rasgo propio de las personas, sino el resultado de situaciones y de respuestas institucionales que las exponen a mayores riesgos. Una niña migrante no es «vulnerable» por naturaleza: lo es cuando carece de documentos, cuando la escuela le cierra las puertas o cuando viaja por rutas controladas por grupos criminales. Este enfoque desplaza la atención desde la persona hacia las barreras que deben removerse.",
                    "El enfoque <b>interseccional</b> permite ver cómo se combinan distintas condiciones. Ser adolescente, mujer, indígena, afrodescendiente, persona con discapacidad o LGBTIQ+ no suma riesgos de manera aritmética: produce experiencias específicas de discriminación. Por ejemplo, un adolescente con discapacidad auditiva puede quedar fuera de todas las entrevistas si no se prevé interpretación en lengua de señas, y una adolescente trans puede ser alojada en espacios donde corre peligro si no se considera su identidad.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Ajustes razonables",
                    "text": "Adaptar la comunicación, los espacios y los procedimientos a las necesidades de cada NNA no es un privilegio: es una condición para que puedan ejercer sus derechos en igualdad.",
                },
            },
            {
                "heading": "Trata de personas y tráfico ilícito de migrantes",
                "paragraphs": [
                    "Aunque a menudo se confunden, son delitos distintos. El <b>tráfico ilícito de migrantes</b> consiste en facilitar la entrada irregular de una persona a un país a cambio de un beneficio económico; implica el cruce de una frontera y, en principio, termina con él. La <b>trata de personas</b> tiene como finalidad la explotación —sexual, laboral, servidumbre, mendicidad forzada, entre otras—, puede ocurrir dentro de un mismo país y continúa después del traslado.",
                    "Cuando la víctima es menor de 18 años, la trata se configura aunque no medien amenazas, engaño ni uso de la fuerza, y el supuesto consentimiento de la niña o el niño carece de relevancia. Además, un mismo viaje puede comenzar como tráfico y transformarse en trata, por ejemplo cuando la deuda del traslado se cobra mediante trabajo forzoso. Por eso es importante no descartar indicadores de explotación solo porque la familia contrató voluntariamente a quien facilitó el cruce.",
                    "La identificación temprana se apoya en indicadores: NNA que no controlan sus documentos, que dan relatos aprendidos, que muestran temor hacia su acompañante o que tienen deudas con terceros. Ante la sospecha, la prioridad es la seguridad y la atención integral de la víctima, no su utilidad como testigo. Las víctimas no deben ser sancionadas por delitos migratorios ni por actividades que se vieron obligadas a realizar.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Trata y tráfico: diferencias clave",
                    "text": "Tráfico: facilitación del cruce irregular, delito contra el Estado, relación que suele terminar en la frontera. Trata: finalidad de explotación, delito contra la persona, puede ser interna y continúa en el tiempo.",
                },
            },
            {
                "heading": "Género, discapacidad, pueblos indígenas y apatridia",
                "paragraphs": [
                    "Las niñas y adolescentes mujeres enfrentan riesgos elevados de violencia sexual, uniones tempranas, embarazo no deseado y explotación en el trabajo doméstico. Los servicios deben garantizar acceso a salud sexual y reproductiva adecuada a la edad, espacios seguros y personal capacitado para recibir revelaciones de violencia. En los albergues, la separación por sexo y edad, la iluminación, los baños seguros y la supervisión son medidas básicas que a menudo se descuidan.",
                    "La niñez indígena requiere atención en su propia lengua y respeto por sus formas de organización familiar y comunitaria, especialmente en pueblos transfronterizos cuya movilidad es anterior a las fronteras actuales. Por su parte, NNA sin documentos o hijos de padres apátridas pueden quedar excluidos de todo servicio. Facilitar la inscripción del nacimiento, la determinación de la nacionalidad y los procedimientos de reconocimiento de la apatridia es parte esencial de la protección.",
                ],
                "callout": None,
            },
        ],
        "quote": {
            "text": "Ella no nos contó nada en la primera entrevista ni en la segunda. Habló cuando encontró a alguien que la esperó sin apurarla y en su propio idioma.",
            "attribution": "Psicóloga de un servicio de atención a víctimas de trata (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "El trabajo prometido",
            "context": "Yésica, de 15 años, dejó su comunidad indígena con una mujer que le ofreció empleo en una ciudad de otro país. La familia pagó parte del viaje y quedó debiendo el resto. Al llegar, Yésica trabaja en una vivienda desde la madrugada, no tiene acceso a su documento de identidad y no habla bien el idioma local. Una maestra del barrio la ve con frecuencia en el mercado y nota que evita conversar.",
            "questions": [
                "¿Qué indicadores sugieren una posible situación de trata y por qué no basta con que la familia haya aceptado la propuesta inicial?",
                "¿Qué ajustes serían necesarios para que Yésica pueda ser escuchada y atendida de manera adecuada a su edad, su género y su pertenencia cultural?",
            ],
        },
        "reflection": {
            "prompt": "Elija un servicio que usted conozca (un albergue, una escuela, un centro de salud). ¿Qué barreras encontraría allí un adolescente migrante con discapacidad o que no habla el idioma local?",
            "guidance": "Piense en la información disponible, los espacios físicos, los procedimientos y las actitudes del personal. Proponga dos ajustes razonables de bajo costo.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 6",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. Necesita al menos 70 puntos sobre 100 para aprobar.",
            "questions": [
                {
                    "id": "m6-q1",
                    "kind": "single",
                    "prompt": "¿Cuál es la finalidad que distingue a la trata de personas del tráfico ilícito de migrantes?",
                    "options": [
                        "La explotación de la víctima.",
                        "El cruce de una frontera internacional.",
                        "El pago de una suma de dinero.",
                        "El uso de documentos falsos.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "La trata tiene como finalidad la explotación y puede ocurrir sin cruzar fronteras; el tráfico se centra en la facilitación del ingreso irregular.",
                },
                {
                    "id": "m6-q2",
                    "kind": "true_false",
                    "prompt": "Cuando la víctima es menor de 18 años, su consentimiento no tiene relevancia para configurar la trata de personas.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [0],
                    "points": 20,
                    "feedback": "Verdadero. En el caso de NNA no se requiere demostrar amenaza, engaño ni uso de la fuerza.",
                },
                {
                    "id": "m6-q3",
                    "kind": "multiple",
                    "prompt": "¿Cuáles de los siguientes pueden ser indicadores de una posible situación de trata?",
                    "options": [
                        "La adolescente no controla su propio documento de identidad.",
                        "Relata su historia con frases aprendidas.",
                        "Asiste regularmente a la escuela con su familia.",
                        "Tiene una deuda con la persona que organizó el viaje.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "La retención de documentos, los relatos aprendidos y las deudas son indicadores frecuentes; ninguno es concluyente por sí solo.",
                },
                {
                    "id": "m6-q4",
                    "kind": "single",
                    "prompt": "Desde el enfoque de vulnerabilidad situacional, la vulnerabilidad de una niña migrante se explica principalmente por:",
                    "options": [
                        "Características innatas de la niña.",
                        "Situaciones y barreras que la exponen a mayores riesgos.",
                        "Su nacionalidad de origen.",
                    ],
                    "correct": [1],
                    "points": 20,
                    "feedback": "El enfoque situacional pone el foco en las barreras que deben removerse y no en atributos de la persona.",
                },
                {
                    "id": "m6-q5",
                    "kind": "multiple",
                    "prompt": "¿Qué medidas contribuyen a prevenir la violencia basada en género en un albergue?",
                    "options": [
                        "Baños seguros e iluminación adecuada.",
                        "Separación de espacios según sexo y edad, respetando la identidad de género.",
                        "Personal capacitado para recibir revelaciones de violencia.",
                        "Dormitorios comunes sin supervisión para todas las edades.",
                    ],
                    "correct": [0, 1, 2],
                    "points": 20,
                    "feedback": "Los dormitorios sin supervisión y sin separación por edad aumentan los riesgos; las demás medidas son básicas en cualquier alojamiento.",
                },
            ],
        },
    },
    # --- Module 7: ninez-retorno-reintegracion
    {
        "number": 7,
        "title": "Niñez, retorno y reintegración",
        "slug": "ninez-retorno-reintegracion",
        "summary": "Aborda el retorno de niñas, niños y adolescentes como una de las posibles soluciones duraderas y las condiciones necesarias para una reintegración sostenible.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Explicar por qué el retorno solo procede cuando responde al interés superior del NNA.",
            "Identificar las garantías necesarias antes, durante y después del retorno.",
            "Describir las dimensiones de una reintegración sostenible: individual, familiar, comunitaria y estructural.",
            "Diseñar acciones de seguimiento que reduzcan el riesgo de una nueva migración en condiciones inseguras.",
        ],
        "sections": [
            {
                "heading": "El retorno como una solución posible, no automática",
                "paragraphs": [
                    "Para NNA no acompañados o separados, los estándares internacionales contemplan tres soluciones duraderas: la integración en el país donde se encuentran, el reasentamiento en un tercer país o el retorno al país de origen. Ninguna es preferible en abstracto. La elección debe surgir de una <b>determinación del interés superior</b> que considere la opinión del NNA, la situación de su familia, los riesgos en el lugar de retorno y las posibilidades reales de cuidado y desarrollo.",
                    "El retorno no puede decidirse solo porque el NNA carece de permiso de residencia o porque resulta más barato para el Estado. Tampoco debe presentarse como una sanción. Cuando existen riesgos de persecución, violencia o falta de cuidado adecuado, el retorno está prohibido. En cambio, cuando la familia puede ofrecer un entorno seguro y el NNA desea volver, un retorno bien preparado puede ser la mejor opción.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Soluciones duraderas",
                    "text": "Integración local, reasentamiento o retorno: la decisión se basa en una evaluación individual del interés superior, no en la política migratoria del momento.",
                },
            },
            {
                "heading": "Garantías antes, durante y después del retorno",
                "paragraphs": [
                    "Antes del retorno deben localizarse y evaluarse la familia o los cuidadores que recibirán al NNA, verificarse su disposición y capacidad, y coordinar con la autoridad de protección del país de origen. El NNA debe recibir información comprensible y tiempo para preparar su regreso. Durante el traslado, debe viajar acompañado por personal capacitado, con horarios adecuados, sin medidas de contención propias de adultos y sin exposición a medios de comunicación.",
                    "A la llegada, la recepción debe realizarse en espacios amigables, con atención a necesidades inmediatas de alimentación, salud y descanso, y con entrega formal a la familia o a la institución responsable. Es frecuente que los NNA retornados sientan vergüenza o frustración. Por ello, el primer contacto con los servicios del país de origen no debe centrarse en interrogatorios policiales, sino en la contención y en la planificación conjunta de los siguientes pasos.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Retornos sin preparación",
                    "text": "Los retornos apresurados, sin evaluación familiar ni coordinación con el país de origen, exponen a NNA a los mismos riesgos que motivaron su salida y favorecen nuevos intentos de migración en condiciones aún más peligrosas.",
                },
            },
            {
                "heading": "Hacia una reintegración sostenible",
                "paragraphs": [
                    "La reintegración es sostenible cuando la niña, el niño o el adolescente alcanza niveles de bienestar, seguridad y participación que le permiten pensar en su futuro sin que la migración irregular sea la única salida. Suele analizarse en varias dimensiones: la individual, que incluye salud y bienestar psicosocial; la familiar, que atiende los vínculos y los recursos del hogar; la comunitaria, que aborda el estigma y las redes de apoyo; y la estructural, relacionada con el acceso efectivo a servicios y oportunidades.",
                    "En la práctica, la reinserción escolar suele ser el eje de la reintegración. Requiere reconocer los estudios realizados en el exterior, ofrecer nivelación y evitar que el NNA quede rezagado en grados que no corresponden a su edad. El seguimiento debe prolongarse durante meses, con visitas periódicas y un plan revisado junto con la familia. Los gobiernos locales, las escuelas y las organizaciones comunitarias tienen un rol fundamental en esta etapa.",
                ],
                "callout": None,
            },
        ],
        "quote": {
            "text": "Volví a la misma escuela, pero ya no era el mismo. Me ayudó que la maestra no me preguntara por qué había vuelto, sino qué quería aprender.",
            "attribution": "Adolescente retornado (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "El regreso de Brayan",
            "context": "Brayan, de 14 años, fue interceptado en un país de tránsito después de dos meses de viaje. Su padre, que vive en el país de origen, solicita su regreso. Brayan dice que no quiere volver porque en su barrio un grupo criminal lo presionaba para vender drogas, aunque también extraña a sus hermanos menores. Las autoridades del país de tránsito han programado un vuelo para la semana siguiente.",
            "questions": [
                "¿Qué información necesitaría reunir una determinación del interés superior antes de decidir si el retorno es adecuado para Brayan?",
                "Si finalmente se decide el retorno, ¿qué acciones de reintegración serían prioritarias para reducir los riesgos identificados?",
            ],
        },
        "reflection": {
            "prompt": "¿Qué servicios existen en su país o localidad para recibir a NNA retornados? ¿Cuánto tiempo dura el acompañamiento?",
            "guidance": "Distinga entre la recepción inmediata y el seguimiento a mediano plazo. Identifique quién es responsable de cada etapa y qué información se transmite entre instituciones.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 7",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. Se requieren al menos 70 puntos sobre 100 para aprobar.",
            "questions": [
                {
                    "id": "m7-q1",
                    "kind": "multiple",
                    "prompt": "¿Cuáles son las soluciones duraderas reconocidas para NNA no acompañados o separados?",
                    "options": [
                        "Integración en el país donde se encuentran.",
                        "Reasentamiento en un tercer país.",
                        "Retorno al país de origen.",
                        "Permanencia indefinida en un centro de acogida.",
                    ],
                    "correct": [0, 1, 2],
                    "points": 20,
                    "feedback": "La permanencia indefinida en un centro no es una solución duradera; la elección entre las tres soluciones depende del interés superior.",
                },
                {
                    "id": "m7-q2",
                    "kind": "true_false",
                    "prompt": "La falta de permiso de residencia es razón suficiente para decidir el retorno de un adolescente no acompañado.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. El retorno solo procede si una determinación individual del interés superior concluye que es la mejor opción y no existen riesgos.",
                },
                {
                    "id": "m7-q3",
                    "kind": "single",
                    "prompt": "¿Qué debe priorizar el primer contacto de los servicios con un niño retornado?",
                    "options": [
                        "Un interrogatorio policial sobre la ruta.",
                        "La firma de un compromiso de no volver a migrar.",
                        "La contención y la atención de necesidades inmediatas.",
                    ],
                    "correct": [2],
                    "points": 20,
                    "feedback": "La recepción debe ser amigable y centrada en el bienestar; los interrogatorios y compromisos forzados generan desconfianza.",
                },
                {
                    "id": "m7-q4",
                    "kind": "single",
                    "prompt": "¿Qué dimensión de la reintegración se relaciona con el estigma y las redes de apoyo del entorno?",
                    "options": ["Comunitaria.", "Individual.", "Estructural.", "Consular."],
                    "correct": [0],
                    "points": 20,
                    "feedback": "La dimensión comunitaria incluye la aceptación en el entorno, la lucha contra el estigma y el fortalecimiento de redes.",
                },
                {
                    "id": "m7-q5",
                    "kind": "multiple",
                    "prompt": "¿Qué acciones favorecen la reinserción escolar de NNA retornados?",
                    "options": [
                        "Reconocer los estudios realizados en el exterior.",
                        "Ofrecer apoyos de nivelación.",
                        "Exigir que repitan el último grado cursado en el país de origen.",
                        "Hacer seguimiento periódico con la familia.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "Obligar a repetir grados sin evaluación rezaga a los estudiantes y favorece la deserción.",
                },
            ],
        },
    },
    # --- Module 8: acompanamiento-psicosocial
    {
        "number": 8,
        "title": "Acompañamiento psicosocial de niñas, niños y adolescentes migrantes",
        "slug": "acompanamiento-psicosocial",
        "summary": "Presenta herramientas para comprender el impacto emocional de la migración en NNA y ofrecer apoyo psicosocial por niveles, sin patologizar sus experiencias.",
        "hours": 8,
        "has_country_units": False,
        "objectives": [
            "Comprender el impacto psicosocial de las experiencias migratorias en NNA y sus familias.",
            "Describir la pirámide de intervenciones de salud mental y apoyo psicosocial.",
            "Aplicar principios de primera ayuda psicológica y de comunicación adecuada a la edad.",
            "Reconocer la importancia del autocuidado y el cuidado de los equipos.",
        ],
        "sections": [
            {
                "heading": "Migración, duelo y resiliencia",
                "paragraphs": [
                    "Migrar implica pérdidas: el hogar, los amigos, la escuela, la lengua cotidiana, a veces familiares que se quedan o que se separan en el camino. Muchas familias viven un <i>duelo migratorio</i> que no siempre se expresa con palabras. En NNA puede manifestarse como irritabilidad, problemas de sueño, retrocesos en hábitos ya adquiridos, aislamiento o dificultades de concentración en la escuela. Estas reacciones son, en su mayoría, respuestas esperables ante situaciones anormales.",
                    "Reconocer el sufrimiento no significa patologizarlo. La mayoría de NNA cuentan con recursos para recuperarse cuando encuentran entornos estables, personas adultas de confianza y rutinas predecibles. La <b>resiliencia</b> no es una cualidad individual fija, sino un proceso que se construye en relación con la familia, la comunidad y los servicios. Por eso, buena parte del apoyo psicosocial consiste en restablecer esas condiciones y no necesariamente en ofrecer terapia.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Apoyo psicosocial",
                    "text": "Conjunto de acciones que promueven el bienestar emocional y social y fortalecen los recursos de las personas, familias y comunidades para afrontar situaciones adversas.",
                },
            },
            {
                "heading": "La pirámide de intervenciones",
                "paragraphs": [
                    "Las directrices del Comité Permanente entre Organismos (IASC) sobre salud mental y apoyo psicosocial en emergencias proponen organizar la respuesta en una pirámide de cuatro niveles. En la base se encuentran los servicios básicos y la seguridad, ofrecidos de manera digna. Le siguen los apoyos familiares y comunitarios, como los espacios amigables o la recuperación de actividades culturales. Luego, los apoyos focalizados no especializados, y en la cúspide, los servicios especializados de salud mental.",
                    "La pirámide recuerda que todos los niveles son necesarios y complementarios. Un NNA que no sabe dónde dormirá esa noche difícilmente se beneficiará de una sesión psicológica. Al mismo tiempo, quienes presentan síntomas graves o persistentes necesitan una derivación oportuna a servicios especializados. Mapear los servicios disponibles en cada nivel y establecer criterios claros de derivación es una tarea prioritaria para cualquier equipo que trabaje con niñez migrante. Quienes acompañan estas situaciones también necesitan supervisión y espacios de cuidado: prevenir su desgaste es una responsabilidad institucional y no solo de cada profesional.",
                ],
                "callout": None,
            },
            {
                "heading": "Primera ayuda psicológica y comunicación con NNA",
                "paragraphs": [
                    "La primera ayuda psicológica ofrece un apoyo humano y práctico a personas que acaban de vivir un hecho estresante. Se organiza en tres acciones: <b>observar</b> la situación y las necesidades urgentes, <b>escuchar</b> sin presionar para que la persona cuente lo ocurrido y <b>conectar</b> con información, servicios y redes de apoyo. No requiere formación clínica, pero sí preparación y la capacidad de reconocer cuándo es necesaria una derivación.",
                    "Con NNA, la comunicación debe adaptarse a la edad y al desarrollo. Ayuda sentarse a su altura, presentarse con claridad, usar frases cortas, explicar qué va a pasar y evitar promesas que no se pueden cumplir. Con niñas y niños pequeños, el juego y el dibujo facilitan la expresión. Nunca se debe obligar a relatar experiencias traumáticas ni repetir entrevistas innecesarias: cada relato forzado puede reabrir heridas.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Evitar la revictimización",
                    "text": "Coordine las entrevistas entre instituciones para que el NNA no tenga que contar su historia una y otra vez. Registre solo la información necesaria y protéjala.",
                },
            },
        ],
        "quote": {
            "text": "No siempre teníamos una solución, pero sí podíamos ofrecer un lugar tranquilo, un plato caliente y un adulto que cumplía lo que decía. Eso también cura.",
            "attribution": "Educador de un espacio amigable para la niñez (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "Las pesadillas de Emilia",
            "context": "Emilia, de 7 años, vive con su madre en un albergue desde hace tres semanas. Durante el viaje presenció un asalto violento. Desde entonces tiene pesadillas, moja la cama y no se separa de su madre ni para ir al baño. La madre está preocupada y pide que «le den pastillas para dormir». El equipo del albergue cuenta con una educadora y visitas quincenales de una psicóloga.",
            "questions": [
                "¿Qué reacciones de Emilia pueden considerarse esperables y qué señales indicarían la necesidad de una derivación especializada?",
                "¿Qué acciones de los distintos niveles de la pirámide podría ofrecer el albergue para apoyar a Emilia y a su madre?",
            ],
        },
        "reflection": {
            "prompt": "¿Qué prácticas de cuidado de equipos existen en su institución? ¿Cuáles dependen solo de la iniciativa individual?",
            "guidance": "Identifique al menos una práctica institucional que podría proponer, como supervisión de casos, pausas programadas o espacios de conversación entre pares.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 8",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. La calificación mínima para aprobar es de 70 sobre 100.",
            "questions": [
                {
                    "id": "m8-q1",
                    "kind": "single",
                    "prompt": "¿Qué se ubica en la base de la pirámide de intervenciones de salud mental y apoyo psicosocial?",
                    "options": [
                        "Los servicios básicos y la seguridad ofrecidos con dignidad.",
                        "Los servicios especializados de salud mental.",
                        "Los apoyos focalizados no especializados.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "La base de la pirámide son los servicios básicos y la seguridad; sin ellos, los demás niveles pierden eficacia.",
                },
                {
                    "id": "m8-q2",
                    "kind": "multiple",
                    "prompt": "¿Cuáles son las acciones principales de la primera ayuda psicológica?",
                    "options": ["Observar.", "Escuchar.", "Diagnosticar.", "Conectar."],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "La primera ayuda psicológica no diagnostica: observa, escucha y conecta con servicios y redes.",
                },
                {
                    "id": "m8-q3",
                    "kind": "true_false",
                    "prompt": "Las reacciones como los problemas de sueño o la irritabilidad después de una experiencia difícil son siempre signos de un trastorno mental.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. Suelen ser respuestas esperables; se requiere derivación si son graves, persistentes o afectan seriamente la vida diaria.",
                },
                {
                    "id": "m8-q4",
                    "kind": "multiple",
                    "prompt": "¿Qué prácticas favorecen una comunicación adecuada con niñas y niños pequeños?",
                    "options": [
                        "Usar el juego y el dibujo.",
                        "Explicar qué va a pasar con frases cortas.",
                        "Prometer que todo se resolverá pronto.",
                        "Presentarse y ubicarse a su altura.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "Las promesas que no se pueden garantizar deterioran la confianza; las demás prácticas facilitan la comunicación.",
                },
                {
                    "id": "m8-q5",
                    "kind": "true_false",
                    "prompt": "El cuidado de los equipos es una responsabilidad institucional y no solo individual.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [0],
                    "points": 20,
                    "feedback": "Verdadero. La supervisión, las cargas razonables y los espacios de descarga deben ser parte de la organización del trabajo.",
                },
            ],
        },
    },
    # --- Module 9: herramientas-para-la-accion
    {
        "number": 9,
        "title": "Herramientas para la acción",
        "slug": "herramientas-para-la-accion",
        "summary": "Reúne herramientas prácticas para la gestión de casos, la evaluación y determinación del interés superior, la coordinación interinstitucional y la participación de NNA.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Diferenciar la evaluación y la determinación del interés superior y sus momentos de aplicación.",
            "Aplicar las etapas de la gestión de casos a situaciones de niñez migrante.",
            "Elaborar un mapeo de servicios y una ruta de derivación con protección de datos.",
            "Diseñar materiales de información adaptados a NNA.",
        ],
        "sections": [
            {
                "heading": "Evaluar y determinar el interés superior",
                "paragraphs": [
                    "La <b>evaluación del interés superior</b> es un análisis que se realiza cada vez que se toma una decisión que afecta a un NNA, desde la elección de un alojamiento hasta la derivación a un servicio. Debe ser oportuna, considerar su opinión y registrarse. La <b>determinación del interés superior</b>, en cambio, es un procedimiento más formal y con mayores garantías, reservado para decisiones de gran impacto, como la identificación de una solución duradera o la separación de la familia.",
                    "Ambos procesos comparten elementos: escuchar al NNA, recoger información sobre su historia, su familia y los riesgos, y ponderar factores como la seguridad, la continuidad de los vínculos, la identidad y la educación. La determinación suele requerir un equipo multidisciplinario, un panel que revise el caso y una decisión escrita y motivada. Documentar el razonamiento permite revisarlo y rendir cuentas.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Evaluación y determinación",
                    "text": "Evaluación: continua, para todas las decisiones. Determinación: formal, multidisciplinaria y con mayores garantías, para las decisiones más trascendentales.",
                },
            },
            {
                "heading": "La gestión de casos paso a paso",
                "paragraphs": [
                    "La gestión de casos es una forma de organizar el trabajo de protección para que cada NNA reciba una respuesta individualizada y coordinada. Sus etapas habituales son: identificación y registro, evaluación de necesidades y riesgos, elaboración de un plan de acción con el NNA y su familia, implementación con los servicios correspondientes, seguimiento y revisión, y cierre del caso cuando se alcanzan los objetivos o se transfiere a otra instancia de manera responsable.",
                    "Un gestor o gestora de casos asignado actúa como referencia estable para el NNA y articula con las demás instituciones. En contextos de tránsito, donde las familias permanecen pocos días, la gestión debe adaptarse: priorizar riesgos urgentes, entregar información útil para las etapas siguientes del viaje y, con consentimiento, coordinar con servicios del próximo país. La clasificación del riesgo en alto, medio o bajo ayuda a definir plazos de respuesta.",
                ],
                "callout": None,
            },
            {
                "heading": "Coordinación, datos y participación",
                "paragraphs": [
                    "Un mapeo de servicios identifica quién ofrece qué, dónde, con qué requisitos y con qué horario. A partir de él se construyen rutas de derivación acordadas por las instituciones, con contactos actualizados y formatos comunes. Compartir información es necesario, pero debe regirse por el principio de «necesidad de saber»: solo se transmite lo indispensable, con consentimiento informado cuando corresponde, y nunca con fines de control migratorio.",
                    "La participación de NNA no se limita a escucharlos en su caso individual. También pueden aportar al diseño de materiales informativos, señalética de albergues o evaluaciones de servicios. Los materiales amigables usan lenguaje sencillo, ilustraciones, formatos en audio y las lenguas que hablan las familias. Probarlos con un grupo de NNA antes de difundirlos es la mejor forma de comprobar que se entienden.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Protección de datos",
                    "text": "Nunca fotografíe a NNA ni registre su ubicación en aplicaciones personales. Los datos deben almacenarse en sistemas seguros, con accesos limitados y plazos de conservación definidos.",
                },
            },
        ],
        "quote": {
            "text": "El mapeo de servicios que hicimos con papel y marcadores se convirtió en la herramienta más consultada de la oficina.",
            "attribution": "Gestora de casos de una organización comunitaria (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "Tres días en la ciudad de tránsito",
            "context": "Una familia con tres hijos —Samuel, de 12 años, Lía, de 5, y un bebé de seis meses— llega a un centro de atención en una ciudad de tránsito. Planean quedarse tres días. Lía tiene fiebre, Samuel cuenta que fue golpeado por un adulto durante el viaje y la madre pide información sobre cómo solicitar protección en el país siguiente. El centro dispone de un gestor de casos y una lista de servicios locales.",
            "questions": [
                "¿Cómo priorizaría las necesidades de la familia usando las etapas de la gestión de casos y la clasificación del riesgo?",
                "¿Qué información podría compartirse con servicios del siguiente país, con qué consentimiento y con qué salvaguardas?",
            ],
        },
        "reflection": {
            "prompt": "¿Cuenta su institución con un mapeo de servicios actualizado? ¿Cuándo se revisó por última vez y quién es responsable de mantenerlo?",
            "guidance": "Si no existe, esboce su estructura mínima: tipo de servicio, institución, requisitos, horarios, contacto y observaciones sobre la atención a NNA migrantes.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 9",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. Necesita 70 puntos sobre 100 para aprobar.",
            "questions": [
                {
                    "id": "m9-q1",
                    "kind": "single",
                    "prompt": "¿En qué situación corresponde una determinación formal del interés superior?",
                    "options": [
                        "Al elegir la actividad recreativa de la tarde.",
                        "Al identificar una solución duradera para una adolescente no acompañada.",
                        "Al registrar los datos básicos de llegada.",
                    ],
                    "correct": [1],
                    "points": 20,
                    "feedback": "La determinación formal se reserva para decisiones trascendentales, como las soluciones duraderas o la separación familiar.",
                },
                {
                    "id": "m9-q2",
                    "kind": "multiple",
                    "prompt": "¿Cuáles son etapas de la gestión de casos?",
                    "options": [
                        "Evaluación de necesidades y riesgos.",
                        "Elaboración de un plan de acción con el NNA y su familia.",
                        "Seguimiento y revisión.",
                        "Publicación del caso en redes sociales para obtener apoyo.",
                    ],
                    "correct": [0, 1, 2],
                    "points": 20,
                    "feedback": "La difusión de casos en redes vulnera la confidencialidad y puede poner en riesgo al NNA.",
                },
                {
                    "id": "m9-q3",
                    "kind": "true_false",
                    "prompt": "El principio de «necesidad de saber» implica compartir toda la información del caso con todas las instituciones de la ruta.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. Solo se comparte la información indispensable para la acción de cada institución.",
                },
                {
                    "id": "m9-q4",
                    "kind": "single",
                    "prompt": "En contextos de tránsito breve, la gestión de casos debe:",
                    "options": [
                        "Suspenderse hasta que la familia se establezca.",
                        "Limitarse al registro estadístico.",
                        "Priorizar riesgos urgentes y brindar información útil para las siguientes etapas.",
                    ],
                    "correct": [2],
                    "points": 20,
                    "feedback": "Aun en estancias cortas es posible atender lo urgente y preparar a la familia para el resto del viaje.",
                },
                {
                    "id": "m9-q5",
                    "kind": "multiple",
                    "prompt": "¿Qué características deben tener los materiales informativos amigables para NNA?",
                    "options": [
                        "Lenguaje sencillo.",
                        "Disponibilidad en las lenguas que hablan las familias.",
                        "Textos extensos con referencias jurídicas.",
                        "Validación previa con un grupo de NNA.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "Los materiales deben ser comprensibles y probados con sus destinatarios; las referencias jurídicas extensas dificultan la comprensión.",
                },
            ],
        },
    },
    # --- Module 10: proteccion-contextos-humanitarios
    {
        "number": 10,
        "title": "Protección de la niñez migrante en contextos humanitarios",
        "slug": "proteccion-contextos-humanitarios",
        "summary": "Analiza la protección de NNA en movilidad durante crisis humanitarias y grandes movimientos de población, con base en las normas mínimas para la protección de la infancia.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Identificar los principios humanitarios y su relación con la protección de la niñez.",
            "Describir el propósito y la estructura de las normas mínimas para la protección de la infancia en la acción humanitaria.",
            "Aplicar medidas para prevenir y responder a la separación familiar en emergencias.",
            "Analizar la transición de la respuesta humanitaria hacia los sistemas nacionales de protección.",
        ],
        "sections": [
            {
                "heading": "Qué cambia en un contexto humanitario",
                "paragraphs": [
                    "Una crisis humanitaria —un desastre, un conflicto o la llegada masiva de personas a una frontera— altera de golpe las condiciones de vida y desborda la capacidad de los servicios. Para NNA, el riesgo de separación familiar, violencia, explotación, accidentes y enfermedades aumenta con rapidez. La respuesta debe ser ágil, pero no improvisada: las decisiones tomadas en las primeras semanas suelen marcar la calidad de la protección durante meses.",
                    "La acción humanitaria se rige por los principios de humanidad, imparcialidad, neutralidad e independencia. Para la protección de la niñez, esto significa atender según las necesidades, sin discriminación por nacionalidad o condición migratoria, y mantener la confianza de las comunidades. El principio de <i>no hacer daño</i> obliga además a analizar si la propia intervención, por ejemplo una distribución mal organizada, puede crear nuevos riesgos.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "La protección es transversal",
                    "text": "Agua, alimentación, salud, educación y alojamiento deben diseñarse con criterios de protección infantil. Una fila mal organizada o un baño sin luz pueden convertirse en un riesgo.",
                },
            },
            {
                "heading": "Normas mínimas y espacios amigables",
                "paragraphs": [
                    "Las <b>Normas mínimas para la protección de la infancia en la acción humanitaria</b>, elaboradas por una alianza de organizaciones humanitarias y actualizadas en 2019, ofrecen estándares comunes sobre la calidad de la respuesta. Incluyen normas para asegurar una respuesta de calidad, normas sobre los riesgos para la protección de la infancia, estrategias para responder a ellos y normas para integrar la protección en otros sectores, como educación, salud o agua y saneamiento.",
                    "Los espacios amigables para la niñez son una de las intervenciones más conocidas. Ofrecen un lugar seguro, actividades lúdicas y de aprendizaje, y un punto de contacto para identificar a NNA en riesgo y orientar a las familias. Para cumplir su función deben estar bien ubicados, contar con personal capacitado y con códigos de conducta, adaptarse a distintas edades e incluir a niñas, adolescentes y NNA con discapacidad.",
                ],
                "callout": None,
            },
            {
                "heading": "Separación familiar y transición hacia los sistemas nacionales",
                "paragraphs": [
                    "Prevenir la separación es más eficaz que remediarla. En traslados y distribuciones, conviene entregar pulseras o tarjetas de identificación a niñas y niños pequeños, registrar a las familias juntas y establecer puntos de encuentro. Cuando la separación ocurre, los procesos de identificación, documentación, búsqueda y reunificación familiar deben activarse de inmediato, con cuidado alternativo temporal de tipo familiar mientras se verifica el vínculo.",
                    "Las respuestas humanitarias son temporales; los sistemas nacionales permanecen. Desde el inicio, conviene trabajar con las autoridades de protección de la niñez, los gobiernos locales y las organizaciones comunitarias, fortalecer sus capacidades y planificar la transferencia de casos y servicios. Esta articulación entre la acción humanitaria y el desarrollo evita que, cuando la emergencia deja de ser noticia, NNA pierdan la atención que recibían.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Reunificaciones sin verificar",
                    "text": "Entregar a una niña o un niño a cualquier adulto que afirme ser familiar, sin verificación, puede exponerlo a la trata o a la explotación. La rapidez nunca debe sustituir la verificación.",
                },
            },
        ],
        "quote": {
            "text": "En la primera noche del albergue de emergencia registramos a cuarenta familias. La decisión de anotar juntos a padres e hijos evitó decenas de separaciones en el traslado del día siguiente.",
            "attribution": "Oficial de protección en una respuesta humanitaria (testimonio ilustrativo)",
        },
        "case_study": {
            "title": "La crecida del río",
            "context": "Una inundación obliga a evacuar un asentamiento informal donde viven familias migrantes y de la comunidad local. En el refugio temporal, Nicolás, de 4 años, aparece solo y solo sabe decir su nombre. Un hombre se presenta como su padre, pero no tiene documentos y el niño no reacciona al verlo. Mientras tanto, varias adolescentes comentan que no se sienten seguras en las áreas comunes durante la noche.",
            "questions": [
                "¿Qué pasos deberían seguirse para verificar el vínculo entre Nicolás y el hombre que se presenta como su padre, y qué cuidados deben garantizarse mientras tanto?",
                "¿Qué medidas inmediatas podrían adoptarse en el refugio para responder a la preocupación de las adolescentes, según las normas mínimas?",
            ],
        },
        "reflection": {
            "prompt": "¿Existe en su territorio un plan de contingencia que considere a NNA migrantes ante desastres o llegadas masivas? ¿Quién lo coordina?",
            "guidance": "Revise si el plan incluye prevención de la separación familiar, espacios amigables y coordinación con la autoridad de protección. Identifique un vacío y una acción para abordarlo.",
        },
        "evaluation": {
            "title": "Evaluación final del módulo 10",
            "instructions": "Responda las cinco preguntas. En las preguntas de selección múltiple marque todas las opciones correctas. La calificación mínima para aprobar es de 70 puntos sobre 100.",
            "questions": [
                {
                    "id": "m10-q1",
                    "kind": "multiple",
                    "prompt": "¿Cuáles son principios humanitarios?",
                    "options": [
                        "Humanidad.",
                        "Imparcialidad.",
                        "Reciprocidad.",
                        "Neutralidad.",
                        "Independencia.",
                    ],
                    "correct": [0, 1, 3, 4],
                    "points": 20,
                    "feedback": "Los cuatro principios humanitarios son humanidad, imparcialidad, neutralidad e independencia.",
                },
                {
                    "id": "m10-q2",
                    "kind": "true_false",
                    "prompt": "En una emergencia, la rapidez justifica entregar a una niña a cualquier adulto que afirme ser su familiar.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. La verificación del vínculo es indispensable para prevenir la trata y otras formas de explotación.",
                },
                {
                    "id": "m10-q3",
                    "kind": "single",
                    "prompt": "¿Qué medida ayuda a prevenir la separación familiar durante un traslado masivo?",
                    "options": [
                        "Registrar a las familias juntas y entregar identificación a los niños pequeños.",
                        "Trasladar primero a todos los niños y luego a los adultos.",
                        "Suspender cualquier registro para ganar tiempo.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "Registrar a las familias juntas y asegurar la identificación de niños pequeños reduce el riesgo de separación.",
                },
                {
                    "id": "m10-q4",
                    "kind": "multiple",
                    "prompt": "¿Qué acciones favorecen la transición de la respuesta humanitaria hacia los sistemas nacionales?",
                    "options": [
                        "Trabajar desde el inicio con las autoridades de protección de la niñez.",
                        "Fortalecer las capacidades de los gobiernos locales.",
                        "Planificar la transferencia de casos y servicios.",
                        "Mantener sistemas paralelos sin comunicación con el Estado.",
                    ],
                    "correct": [0, 1, 2],
                    "points": 20,
                    "feedback": "Los sistemas paralelos dificultan la sostenibilidad; la articulación temprana asegura la continuidad de la atención.",
                },
                {
                    "id": "m10-q5",
                    "kind": "true_false",
                    "prompt": "Las normas mínimas para la protección de la infancia incluyen estándares para integrar la protección en otros sectores humanitarios.",
                    "options": ["Verdadero", "Falso"],
                    "correct": [0],
                    "points": 20,
                    "feedback": "Verdadero. La protección de la infancia debe integrarse en educación, salud, agua y saneamiento, alojamiento y otros sectores.",
                },
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Country units for module 5 (illustrative; verify against official sources)
# ---------------------------------------------------------------------------

COUNTRIES = [
    {
        "code": "AR",
        "name": "Argentina",
        "overview": "Argentina organiza su sistema de protección integral a partir de una ley nacional que reconoce a niñas, niños y adolescentes como sujetos de derechos y establece la corresponsabilidad entre el Estado nacional, las provincias y los municipios. Un organismo nacional especializado ejerce la rectoría de las políticas, mientras que un consejo federal reúne a las autoridades provinciales para acordar lineamientos comunes. Cada provincia cuenta con su propio organismo de protección, lo que produce diferencias territoriales en la cobertura. La legislación migratoria reconoce la migración como un derecho humano y garantiza el acceso a la educación y la salud con independencia de la situación migratoria.",
        "legal_framework": [
            {
                "instrument": "Ley 26.061 de Protección Integral de los Derechos de las Niñas, Niños y Adolescentes",
                "year": 2005,
                "type": "law",
                "url": "",
            },
            {"instrument": "Ley 25.871 de Migraciones", "year": 2004, "type": "law", "url": ""},
            {
                "instrument": "Ley 26.165 General de Reconocimiento y Protección al Refugiado",
                "year": 2006,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Secretaría Nacional de Niñez, Adolescencia y Familia (SENAF)",
                "role": "Órgano nacional de rectoría de las políticas de protección de la niñez.",
                "url": "",
            },
            {
                "name": "Dirección Nacional de Migraciones",
                "role": "Autoridad migratoria responsable de la admisión, la residencia y los controles fronterizos.",
                "url": "",
            },
            {
                "name": "Organismos provinciales de protección de derechos",
                "role": "Adoptan medidas de protección y coordinan los servicios locales.",
                "url": "",
            },
        ],
        "body": [
            "Ante la identificación de un NNA no acompañado, la intervención corresponde al organismo de protección de la provincia donde se encuentra. Conviene conocer los acuerdos entre la autoridad migratoria y el organismo provincial, ya que los procedimientos varían según la jurisdicción.",
            "El acceso a la escuela y a la salud pública no depende de la residencia regular, pero en la práctica pueden surgir exigencias documentales. Documentar estas barreras y comunicarlas a la defensoría competente ayuda a corregirlas.",
        ],
    },
    {
        "code": "BO",
        "name": "Bolivia",
        "overview": "Bolivia cuenta con un código específico para niñas, niños y adolescentes que organiza un sistema plurinacional de protección con participación de los niveles central, departamental y municipal. Las defensorías de la niñez y adolescencia, de carácter municipal, son la puerta de entrada para la atención de casos y la adopción de medidas de protección, mientras que los servicios departamentales administran los centros de acogimiento. La Constitución reconoce la diversidad de pueblos indígenas, lo que exige que la atención respete la lengua y la cultura de cada comunidad. El país es a la vez origen, tránsito y destino de flujos migratorios, especialmente en sus fronteras con Chile, Perú, Argentina y Brasil.",
        "legal_framework": [
            {
                "instrument": "Constitución Política del Estado Plurinacional",
                "year": 2009,
                "type": "constitution",
                "url": "",
            },
            {
                "instrument": "Ley 548, Código Niña, Niño y Adolescente",
                "year": 2014,
                "type": "code",
                "url": "",
            },
            {"instrument": "Ley 370 de Migración", "year": 2013, "type": "law", "url": ""},
        ],
        "institutions": [
            {
                "name": "Defensorías de la Niñez y Adolescencia",
                "role": "Servicios municipales que reciben denuncias, brindan patrocinio y adoptan medidas de protección.",
                "url": "",
            },
            {
                "name": "Dirección General de Migración",
                "role": "Autoridad migratoria encargada del control fronterizo y de la regularización.",
                "url": "",
            },
        ],
        "body": [
            "En pasos fronterizos alejados de los centros urbanos, la defensoría municipal más cercana puede tener recursos limitados. Establecer con anticipación contactos y acuerdos de traslado seguro evita que los NNA permanezcan en instalaciones policiales o migratorias.",
            "La atención a familias indígenas que se desplazan entre países vecinos requiere intérpretes y comprensión de sus dinámicas de movilidad tradicionales, que no siempre encajan en las categorías migratorias formales.",
        ],
    },
    {
        "code": "BR",
        "name": "Brasil",
        "overview": "Brasil fue uno de los primeros países de la región en adecuar su legislación a la Convención sobre los Derechos del Niño mediante un estatuto que organiza un sistema de garantía de derechos descentralizado. Los consejos tutelares, elegidos en cada municipio, reciben casos de vulneración y aplican medidas de protección, mientras que los consejos de derechos, con participación paritaria de gobierno y sociedad civil, formulan y controlan las políticas. La ley de migración reconoce derechos amplios a las personas migrantes. En los últimos años, la llegada de familias venezolanas a los estados del norte impulsó mecanismos de acogida e interiorización con componentes específicos para NNA.",
        "legal_framework": [
            {
                "instrument": "Estatuto da Criança e do Adolescente (Lei 8.069)",
                "year": 1990,
                "type": "law",
                "url": "",
            },
            {"instrument": "Lei de Migração (Lei 13.445)", "year": 2017, "type": "law", "url": ""},
            {
                "instrument": "Resolución conjunta de organismos nacionales sobre la atención a NNA no acompañados o separados (referencia ilustrativa)",
                "year": 2017,
                "type": "regulation",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Conselhos Tutelares",
                "role": "Órganos municipales autónomos que atienden casos de vulneración de derechos y aplican medidas de protección.",
                "url": "",
            },
            {
                "name": "Conselho Nacional dos Direitos da Criança e do Adolescente (CONANDA)",
                "role": "Consejo paritario que define lineamientos de la política nacional de derechos de la niñez.",
                "url": "",
            },
            {
                "name": "Polícia Federal",
                "role": "Ejerce funciones de control migratorio y registro de personas extranjeras.",
                "url": "",
            },
        ],
        "body": [
            "La defensoría pública cumple un papel relevante en la atención de NNA no acompañados o separados en frontera, incluida la evaluación de su situación y la orientación sobre regularización.",
            "Los materiales de información deben estar disponibles en portugués y en español, y cuando sea necesario en lenguas indígenas o en criollo haitiano, según las comunidades atendidas.",
        ],
    },
    {
        "code": "CL",
        "name": "Chile",
        "overview": "Chile transformó en años recientes su institucionalidad de niñez. Una ley marco de garantías estableció un sistema de protección integral y reconoció expresamente a NNA como titulares de derechos. La antigua institución a cargo de la protección fue reemplazada por un servicio especializado de protección, mientras que una defensoría autónoma vigila el respeto de los derechos y las oficinas locales de la niñez coordinan la prevención y la protección administrativa en los territorios. En paralelo, una nueva ley de migración creó un servicio nacional específico. El norte del país, por donde ingresa buena parte de los flujos, concentra los principales desafíos de atención a familias con NNA.",
        "legal_framework": [
            {
                "instrument": "Ley 21.430 sobre Garantías y Protección Integral de los Derechos de la Niñez y Adolescencia",
                "year": 2022,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Ley 21.325 de Migración y Extranjería",
                "year": 2021,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Servicio Nacional de Protección Especializada a la Niñez y Adolescencia",
                "role": "Ejecuta programas de protección especializada y cuidado alternativo.",
                "url": "",
            },
            {
                "name": "Defensoría de la Niñez",
                "role": "Institución autónoma que promueve y vigila el respeto de los derechos de NNA.",
                "url": "",
            },
            {
                "name": "Servicio Nacional de Migraciones",
                "role": "Ejecuta la política migratoria y resuelve solicitudes de residencia.",
                "url": "",
            },
        ],
        "body": [
            "Las oficinas locales de la niñez se encuentran en proceso de expansión; verifique si existe una en la comuna donde trabaja y cuál es su vínculo con los tribunales de familia.",
            "En los pasos fronterizos del norte, las condiciones climáticas extremas agregan riesgos para niñas y niños pequeños. La coordinación con los servicios de salud debe preverse desde el primer contacto.",
        ],
    },
    {
        "code": "CO",
        "name": "Colombia",
        "overview": "Colombia dispone de un código de infancia y adolescencia que organiza el Sistema Nacional de Bienestar Familiar, coordinado por un instituto nacional con presencia en todo el territorio. Las defensorías de familia y las comisarías de familia son autoridades administrativas competentes para restablecer derechos, y existe un procedimiento administrativo específico para ese fin. Como principal país receptor de personas provenientes de Venezuela, Colombia adoptó un estatuto temporal de protección y una política integral migratoria que facilitan la regularización. La niñez migrante accede al sistema educativo y a la salud, aunque persisten barreras en zonas rurales y fronterizas, donde operan además grupos armados.",
        "legal_framework": [
            {
                "instrument": "Constitución Política de Colombia",
                "year": 1991,
                "type": "constitution",
                "url": "",
            },
            {
                "instrument": "Ley 1098, Código de la Infancia y la Adolescencia",
                "year": 2006,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Ley 2136 sobre la Política Integral Migratoria",
                "year": 2021,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Estatuto Temporal de Protección para Migrantes Venezolanos (Decreto 216)",
                "year": 2021,
                "type": "decree",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Instituto Colombiano de Bienestar Familiar (ICBF)",
                "role": "Coordina el Sistema Nacional de Bienestar Familiar y ejecuta programas de protección.",
                "url": "",
            },
            {
                "name": "Migración Colombia",
                "role": "Autoridad de control migratorio y de registro de personas extranjeras.",
                "url": "",
            },
            {
                "name": "Defensorías y comisarías de familia",
                "role": "Autoridades administrativas que adoptan medidas de restablecimiento de derechos.",
                "url": "",
            },
        ],
        "body": [
            "El riesgo de reclutamiento por grupos armados debe considerarse en toda evaluación de NNA migrantes en zonas de frontera. Las rutas de prevención y las alertas tempranas forman parte de la respuesta de protección.",
            "La regularización facilita el acceso a servicios, pero no debe ser condición para la atención. Ante barreras en la matrícula escolar o en la afiliación a salud, la personería municipal puede intervenir.",
        ],
    },
    {
        "code": "CR",
        "name": "Costa Rica",
        "overview": "Costa Rica cuenta con un código de la niñez y la adolescencia y con una institución autónoma rectora en materia de niñez, con oficinas locales distribuidas en el país. Un sistema nacional de protección integral articula a las instituciones públicas y a las juntas de protección, que funcionan en el nivel cantonal con participación comunitaria. El país es destino tradicional de migración nicaragüense y recibe también solicitudes de refugio de diversas nacionalidades, además de flujos en tránsito hacia el norte. La legislación migratoria incorpora el interés superior del niño y prevé la coordinación con la institución rectora cuando se identifican NNA en situación de riesgo.",
        "legal_framework": [
            {
                "instrument": "Ley 7739, Código de la Niñez y la Adolescencia",
                "year": 1998,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Ley 8764, Ley General de Migración y Extranjería",
                "year": 2009,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Patronato Nacional de la Infancia (PANI)",
                "role": "Institución rectora en materia de niñez y adolescencia, con oficinas locales de protección.",
                "url": "",
            },
            {
                "name": "Dirección General de Migración y Extranjería",
                "role": "Autoridad migratoria que resuelve solicitudes de residencia y refugio.",
                "url": "",
            },
        ],
        "body": [
            "En zonas fronterizas del norte y del sur, las oficinas locales de la institución rectora son el primer punto de referencia. Consulte los lineamientos interinstitucionales vigentes para la atención de NNA en tránsito.",
            "Muchas familias binacionales viven en comunidades fronterizas con movimientos diarios. La atención debe distinguir estas dinámicas de los flujos de tránsito de larga distancia.",
        ],
    },
    {
        "code": "EC",
        "name": "Ecuador",
        "overview": "Ecuador reconoce en su Constitución los derechos de las personas en movilidad humana y el principio de ciudadanía universal. Su sistema de protección integral combina una rectoría nacional en materia de inclusión social con juntas cantonales de protección de derechos, que dictan medidas administrativas, y consejos cantonales que formulan políticas locales. Una ley orgánica de movilidad humana regula la situación de personas migrantes, refugiadas y retornadas. El país es a la vez destino, tránsito y origen: recibe a personas de Colombia y Venezuela, es ruta hacia el sur y el norte del continente y registra emigración propia, incluida la de NNA.",
        "legal_framework": [
            {
                "instrument": "Constitución de la República del Ecuador",
                "year": 2008,
                "type": "constitution",
                "url": "",
            },
            {
                "instrument": "Código de la Niñez y Adolescencia",
                "year": 2003,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Ley Orgánica de Movilidad Humana",
                "year": 2017,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Ministerio de Inclusión Económica y Social (MIES)",
                "role": "Ejecuta servicios de protección especial y modalidades de acogimiento.",
                "url": "",
            },
            {
                "name": "Juntas cantonales de protección de derechos",
                "role": "Órganos locales que conocen casos y dictan medidas administrativas de protección.",
                "url": "",
            },
            {
                "name": "Consejo Nacional para la Igualdad Intergeneracional",
                "role": "Transversaliza los derechos de NNA en las políticas públicas.",
                "url": "",
            },
        ],
        "body": [
            "En los pasos del norte y del sur, la coordinación entre las juntas cantonales y las autoridades de control migratorio resulta decisiva. Conviene conocer los protocolos de atención a NNA en movilidad humana vigentes.",
            "El país también recibe a NNA ecuatorianos retornados desde el norte del continente. Su reintegración requiere trabajo conjunto con escuelas y gobiernos locales de las provincias de origen.",
        ],
    },
    {
        "code": "SV",
        "name": "El Salvador",
        "overview": "El Salvador reemplazó en 2022 su anterior ley de protección integral por una nueva ley centrada en la primera infancia, la niñez y la adolescencia, que reorganizó la institucionalidad rectora. El sistema incluye un consejo nacional a cargo de la política, instancias de protección local y la participación de la procuraduría y de los tribunales especializados. Como país de origen de una migración histórica hacia el norte, El Salvador ha desarrollado mecanismos para recibir a NNA retornados y a sus familias. La ley especial de migración incorpora principios de protección de la niñez y prevé la coordinación con las autoridades competentes.",
        "legal_framework": [
            {
                "instrument": "Ley Crecer Juntos para la Protección Integral de la Primera Infancia, Niñez y Adolescencia",
                "year": 2022,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Ley Especial de Migración y de Extranjería",
                "year": 2019,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Consejo Nacional de la Primera Infancia, Niñez y Adolescencia (CONAPINA)",
                "role": "Órgano rector de la política de protección de la niñez y la adolescencia.",
                "url": "",
            },
            {
                "name": "Dirección General de Migración y Extranjería",
                "role": "Autoridad migratoria que participa en la recepción de personas retornadas.",
                "url": "",
            },
        ],
        "body": [
            "La recepción de NNA retornados debe incluir una evaluación de riesgos en la comunidad de origen, en especial frente a la violencia de grupos delictivos. Cuando el regreso al entorno previo no es seguro, se requieren alternativas.",
            "El seguimiento posterior al retorno suele depender de programas con cobertura limitada. Mapear los servicios municipales y comunitarios disponibles mejora la continuidad de la atención.",
        ],
    },
    {
        "code": "GT",
        "name": "Guatemala",
        "overview": "Guatemala cuenta con una ley de protección integral de la niñez y adolescencia que distribuye responsabilidades entre la procuraduría del Estado, encargada de representar a NNA y promover su protección, los juzgados especializados de niñez y las secretarías que ejecutan programas. El país es de origen, tránsito y retorno: miles de NNA guatemaltecos, muchos de ellos indígenas, son retornados cada año, mientras que personas de otras nacionalidades atraviesan su territorio hacia el norte. El código de migración creó un instituto especializado y reconoce principios de protección. La atención en idiomas mayas, garífuna y xinca es indispensable para garantizar la participación.",
        "legal_framework": [
            {
                "instrument": "Ley de Protección Integral de la Niñez y Adolescencia (Decreto 27-2003)",
                "year": 2003,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Código de Migración (Decreto 44-2016)",
                "year": 2016,
                "type": "code",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Procuraduría General de la Nación – Procuraduría de la Niñez y la Adolescencia",
                "role": "Representa a NNA y promueve las acciones de protección ante los juzgados.",
                "url": "",
            },
            {
                "name": "Secretaría de Bienestar Social de la Presidencia",
                "role": "Ejecuta programas de protección y acogimiento, incluida la recepción de NNA retornados.",
                "url": "",
            },
            {
                "name": "Instituto Guatemalteco de Migración",
                "role": "Autoridad migratoria a cargo del control y la documentación.",
                "url": "",
            },
        ],
        "body": [
            "Los NNA retornados suelen pasar por centros de recepción antes de reunirse con su familia. Verificar el vínculo y evaluar riesgos en la comunidad son pasos obligados antes de la entrega.",
            "Contar con intérpretes de idiomas indígenas en todas las etapas es parte del debido proceso. Las entrevistas solo en español pueden dejar fuera información clave para la protección.",
        ],
    },
    {
        "code": "HT",
        "name": "Haití",
        "overview": "Haití enfrenta desafíos estructurales profundos para la protección de la niñez, agravados por crisis políticas, desastres y altos niveles de violencia. Una institución pública especializada en bienestar social tiene a su cargo la supervisión de los servicios de protección y de los centros de acogida, muchos de ellos gestionados por organizaciones privadas. Existe además una unidad policial especializada en la protección de menores de edad. El país es origen de una migración creciente hacia el Caribe, Sudamérica y el norte del continente, y recibe a numerosas personas retornadas. El registro de nacimientos y la documentación son desafíos centrales para el acceso a derechos.",
        "legal_framework": [
            {
                "instrument": "Constitución de la República de Haití",
                "year": 1987,
                "type": "constitution",
                "url": "",
            },
            {
                "instrument": "Ley sobre la prohibición de abusos, violencia y malos tratos contra niñas y niños (referencia ilustrativa)",
                "year": 2003,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Ley de lucha contra la trata de personas (referencia ilustrativa)",
                "year": 2014,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Institut du Bien-Être Social et de Recherches (IBESR)",
                "role": "Institución pública que supervisa la protección social de la niñez y los centros de acogida.",
                "url": "",
            },
            {
                "name": "Brigade de Protection des Mineurs",
                "role": "Unidad policial especializada en la protección de niñas, niños y adolescentes.",
                "url": "",
            },
        ],
        "body": [
            "La recepción de NNA retornados debe coordinarse con la institución de bienestar social y con organizaciones comunitarias. La verificación familiar es especialmente importante por el riesgo de trabajo doméstico infantil y de trata.",
            "Los materiales de información deben estar disponibles en criollo haitiano y en francés. En los países de destino, contar con intérpretes de criollo es una necesidad frecuente y a menudo desatendida.",
        ],
    },
    {
        "code": "HN",
        "name": "Honduras",
        "overview": "Honduras tiene un código de la niñez y la adolescencia que establece las bases del sistema de protección. Una dirección nacional especializada ejerce la rectoría en materia de niñez, adolescencia y familia y coordina con los juzgados de la niñez, la fiscalía y las municipalidades. Como país de origen de importantes flujos hacia el norte, Honduras ha creado centros de atención para personas migrantes retornadas, con espacios diferenciados para NNA y familias. Una ley específica reconoce derechos a las personas hondureñas migrantes y a sus familiares. La violencia y los desastres climáticos figuran entre las causas de salida más mencionadas por NNA y sus familias.",
        "legal_framework": [
            {
                "instrument": "Código de la Niñez y de la Adolescencia",
                "year": 1996,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Ley de Migración y Extranjería",
                "year": 2003,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Ley de Protección de los Hondureños Migrantes y sus Familiares",
                "year": 2013,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Dirección de Niñez, Adolescencia y Familia (DINAF)",
                "role": "Ente rector en materia de niñez, adolescencia y familia.",
                "url": "",
            },
            {
                "name": "Instituto Nacional de Migración",
                "role": "Autoridad migratoria que participa en la recepción de personas retornadas.",
                "url": "",
            },
        ],
        "body": [
            "La evaluación de riesgos al retorno debe considerar amenazas específicas contra el NNA o su familia. Si la comunidad de origen no es segura, deben explorarse alternativas de reubicación y protección.",
            "Las oficinas municipales de niñez y las organizaciones comunitarias son aliadas clave para el seguimiento. Acordar con ellas un plan de visitas evita que el caso se cierre en el momento de la recepción.",
        ],
    },
    {
        "code": "MX",
        "name": "México",
        "overview": "México cuenta con una ley general de los derechos de niñas, niños y adolescentes que creó un sistema nacional de protección integral y procuradurías de protección en los niveles federal, estatal y municipal. El sistema para el desarrollo integral de la familia opera servicios de asistencia y centros de asistencia social. En 2020, una reforma a las leyes de migración y de refugio estableció que NNA migrantes no deben ser alojados en estaciones migratorias y que las procuradurías de protección deben determinar su interés superior. México es simultáneamente país de origen, tránsito, destino y retorno, con flujos de gran escala en sus fronteras sur y norte.",
        "legal_framework": [
            {
                "instrument": "Ley General de los Derechos de Niñas, Niños y Adolescentes",
                "year": 2014,
                "type": "law",
                "url": "",
            },
            {"instrument": "Ley de Migración", "year": 2011, "type": "law", "url": ""},
            {
                "instrument": "Ley sobre Refugiados, Protección Complementaria y Asilo Político",
                "year": 2011,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Reforma en materia de niñez migrante a las leyes de migración y de refugio",
                "year": 2020,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Procuradurías de Protección de Niñas, Niños y Adolescentes",
                "role": "Determinan el interés superior y dictan medidas de protección en los niveles federal y estatal.",
                "url": "",
            },
            {
                "name": "Sistema Nacional para el Desarrollo Integral de la Familia (DIF)",
                "role": "Opera servicios de asistencia social y centros de acogida.",
                "url": "",
            },
            {
                "name": "Instituto Nacional de Migración",
                "role": "Autoridad migratoria a cargo del control y la regularización.",
                "url": "",
            },
        ],
        "body": [
            "Cuando se identifica a un NNA migrante, la autoridad migratoria debe notificar a la procuraduría de protección competente, que elabora un plan de restitución de derechos. Verifique los plazos y formatos aplicables en su estado.",
            "Las solicitudes de reconocimiento de la condición de refugiado de NNA requieren entrevistas adaptadas y, cuando viajan solos, representación adecuada durante todo el procedimiento.",
        ],
    },
    {
        "code": "NI",
        "name": "Nicaragua",
        "overview": "Nicaragua aprobó a fines de la década de 1990 un código de la niñez y la adolescencia que incorpora el enfoque de protección integral. Un ministerio especializado en familia, adolescencia y niñez tiene a su cargo la rectoría de los programas de protección especial y la supervisión de las modalidades de cuidado. La ley general de migración regula la entrada y permanencia de personas extranjeras. El país ha sido históricamente origen de migración hacia Costa Rica y otros destinos y, en años recientes, también espacio de tránsito de flujos extrarregionales. La información pública sobre la atención a NNA migrantes es limitada, lo que dificulta el análisis comparado.",
        "legal_framework": [
            {
                "instrument": "Ley 287, Código de la Niñez y la Adolescencia",
                "year": 1998,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Ley 761, Ley General de Migración y Extranjería",
                "year": 2011,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Ministerio de la Familia, Adolescencia y Niñez",
                "role": "Rector de los programas de protección especial de NNA.",
                "url": "",
            },
            {
                "name": "Dirección General de Migración y Extranjería",
                "role": "Autoridad migratoria nacional.",
                "url": "",
            },
        ],
        "body": [
            "Para la atención de NNA nicaragüenses en países vecinos, la cooperación consular puede facilitar la documentación, siempre que no exista una solicitud de protección internacional que lo desaconseje.",
            "Dada la escasez de información pública, es recomendable documentar con cuidado las prácticas observadas y contrastarlas con fuentes de organismos internacionales.",
        ],
    },
    {
        "code": "PA",
        "name": "Panamá",
        "overview": "Panamá aprobó en 2022 una ley del sistema de garantías y protección integral de los derechos de la niñez y la adolescencia, que fortalece la rectoría nacional y prevé estructuras de protección en el nivel local. Una secretaría nacional especializada ejecuta programas de protección y supervisa las modalidades de cuidado. El país se convirtió en un punto crítico del tránsito hacia el norte debido a la travesía de la selva del Darién, donde miles de familias con NNA llegan a estaciones de recepción en condiciones de gran vulnerabilidad. La coordinación entre autoridades de niñez, migración, salud y organismos humanitarios resulta determinante en estas zonas.",
        "legal_framework": [
            {
                "instrument": "Ley 285 que crea el Sistema de Garantías y Protección Integral de los Derechos de la Niñez y la Adolescencia",
                "year": 2022,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Decreto Ley 3 que crea el Servicio Nacional de Migración",
                "year": 2008,
                "type": "decree",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Secretaría Nacional de Niñez, Adolescencia y Familia (SENNIAF)",
                "role": "Ejecuta programas de protección y supervisa los centros de acogida.",
                "url": "",
            },
            {
                "name": "Servicio Nacional de Migración",
                "role": "Autoridad migratoria que gestiona las estaciones de recepción en frontera.",
                "url": "",
            },
        ],
        "body": [
            "En las estaciones de recepción migratoria, la identificación de NNA no acompañados y de señales de violencia sexual sufrida durante la travesía debe ser prioritaria, con derivación inmediata a la autoridad de niñez y a servicios de salud.",
            "El tránsito rápido de las familias limita el tiempo de intervención. Entregar información clara sobre riesgos y servicios en los siguientes países es una acción de protección en sí misma.",
        ],
    },
    {
        "code": "PY",
        "name": "Paraguay",
        "overview": "Paraguay organiza su sistema de protección a partir de un código de la niñez y la adolescencia que creó instancias en los niveles nacional, departamental y municipal. El órgano rector fue elevado a rango ministerial, y en los municipios funcionan consejerías por los derechos del niño, la niña y el adolescente, que actúan como puerta de entrada para la atención de casos. El país tiene una larga tradición de emigración hacia Argentina y España, así como dinámicas fronterizas intensas con Brasil y Argentina. En 2022 se aprobó una nueva ley de migraciones que actualizó el marco vigente desde la década de 1990.",
        "legal_framework": [
            {
                "instrument": "Ley 1680, Código de la Niñez y la Adolescencia",
                "year": 2001,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Ley de Migraciones (referencia ilustrativa)",
                "year": 2022,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Ministerio de la Niñez y la Adolescencia",
                "role": "Órgano rector del sistema nacional de protección.",
                "url": "",
            },
            {
                "name": "Consejerías Municipales por los Derechos del Niño, Niña y Adolescente (CODENI)",
                "role": "Servicios municipales de atención, orientación y derivación de casos.",
                "url": "",
            },
        ],
        "body": [
            "En las ciudades fronterizas, la movilidad cotidiana de NNA entre países es frecuente. La atención debe considerar los riesgos de explotación en el comercio fronterizo y el trabajo infantil.",
            "Muchos NNA permanecen en Paraguay a cargo de familiares mientras sus padres trabajan en el exterior. Las consejerías municipales pueden detectar y apoyar estas situaciones.",
        ],
    },
    {
        "code": "PE",
        "name": "Perú",
        "overview": "Perú cuenta con un código de los niños y adolescentes y con un decreto legislativo que regula la protección de NNA sin cuidados parentales o en riesgo de perderlos. El ministerio a cargo de la mujer y las poblaciones vulnerables ejerce la rectoría y opera unidades de protección especial, mientras que las defensorías municipales de la niñez y la adolescencia brindan atención cercana a las familias. El país es uno de los principales receptores de personas provenientes de Venezuela y un punto de tránsito en la ruta andina. Su legislación migratoria contempla calidades migratorias humanitarias y la atención de personas en situación de vulnerabilidad.",
        "legal_framework": [
            {
                "instrument": "Ley 27337, Código de los Niños y Adolescentes",
                "year": 2000,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Decreto Legislativo 1297 para la protección de niñas, niños y adolescentes sin cuidados parentales o en riesgo de perderlos",
                "year": 2016,
                "type": "decree",
                "url": "",
            },
            {
                "instrument": "Decreto Legislativo 1350 de Migraciones",
                "year": 2017,
                "type": "decree",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Ministerio de la Mujer y Poblaciones Vulnerables (MIMP)",
                "role": "Rector del sistema de protección; opera unidades de protección especial.",
                "url": "",
            },
            {
                "name": "Defensorías Municipales del Niño y del Adolescente (DEMUNA)",
                "role": "Servicios municipales de orientación y protección.",
                "url": "",
            },
            {
                "name": "Superintendencia Nacional de Migraciones",
                "role": "Autoridad migratoria nacional.",
                "url": "",
            },
        ],
        "body": [
            "En la frontera norte, la identificación de NNA separados o no acompañados requiere coordinación entre la autoridad migratoria y las unidades de protección especial. Conviene conocer los procedimientos de evaluación de riesgo vigentes.",
            "El acceso a la escuela de NNA sin documentos de identidad suele requerir orientación a las familias y al personal escolar sobre las alternativas de matrícula disponibles.",
        ],
    },
    {
        "code": "DO",
        "name": "República Dominicana",
        "overview": "República Dominicana organiza su sistema de protección a partir de un código que creó un consejo nacional para la niñez y la adolescencia como órgano rector, con oficinas regionales y juntas locales de protección. Los tribunales de niños, niñas y adolescentes y el ministerio público especializado completan el sistema. El país es destino principal de la migración haitiana y también origen de migración hacia otros destinos. El registro de nacimientos y la documentación de hijas e hijos de personas migrantes son temas centrales para prevenir situaciones de falta de documentación y riesgo de apatridia, así como para garantizar el acceso a la educación.",
        "legal_framework": [
            {
                "instrument": "Ley 136-03, Código para el Sistema de Protección y los Derechos Fundamentales de Niños, Niñas y Adolescentes",
                "year": 2003,
                "type": "code",
                "url": "",
            },
            {
                "instrument": "Ley General de Migración 285-04",
                "year": 2004,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Consejo Nacional para la Niñez y la Adolescencia (CONANI)",
                "role": "Órgano rector del sistema de protección de NNA.",
                "url": "",
            },
            {
                "name": "Dirección General de Migración",
                "role": "Autoridad migratoria responsable del control y la documentación de personas extranjeras.",
                "url": "",
            },
        ],
        "body": [
            "La atención de NNA en comunidades fronterizas y en zonas agrícolas debe considerar los riesgos de trabajo infantil y la falta de documentación.",
            "Contar con intérpretes de criollo haitiano y con materiales bilingües mejora la comunicación con las familias y la calidad de las evaluaciones de protección.",
        ],
    },
    {
        "code": "UY",
        "name": "Uruguay",
        "overview": "Uruguay dispone de un código de la niñez y la adolescencia y de un instituto nacional rector en la materia, con presencia en todos los departamentos, que gestiona programas de protección, cuidado alternativo y atención a la primera infancia. La ley de migración reconoce la migración como un derecho y garantiza la igualdad de trato en el acceso a la educación y la salud. Aunque recibe flujos menores que otros países de la región, Uruguay ha experimentado un aumento de la inmigración procedente de países latinoamericanos y caribeños. Una junta nacional de migración coordina las políticas entre los distintos organismos del Estado.",
        "legal_framework": [
            {
                "instrument": "Ley 17.823, Código de la Niñez y la Adolescencia",
                "year": 2004,
                "type": "code",
                "url": "",
            },
            {"instrument": "Ley 18.250 de Migración", "year": 2008, "type": "law", "url": ""},
            {
                "instrument": "Convención sobre los Derechos del Niño",
                "year": 1989,
                "type": "treaty",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Instituto del Niño y Adolescente del Uruguay (INAU)",
                "role": "Órgano rector de las políticas de niñez y adolescencia.",
                "url": "",
            },
            {
                "name": "Junta Nacional de Migración",
                "role": "Instancia interinstitucional de coordinación de la política migratoria.",
                "url": "",
            },
        ],
        "body": [
            "El acceso a la educación pública es amplio, pero las familias recién llegadas pueden necesitar orientación sobre la revalidación de estudios. Las escuelas pueden actuar como puerta de entrada a otros servicios.",
            "La coordinación entre el instituto rector y los servicios de salud permite detectar tempranamente situaciones de riesgo en familias migrantes con niñas y niños pequeños.",
        ],
    },
    {
        "code": "VE",
        "name": "Venezuela",
        "overview": "Venezuela cuenta con una ley orgánica para la protección de niños, niñas y adolescentes, con varias reformas, que establece un sistema rector nacional, consejos municipales de derechos y consejos de protección que dictan medidas en el nivel local. Un instituto autónomo ejerce funciones de rectoría y ejecución de programas. La salida de millones de personas en la última década transformó la realidad de muchas familias: NNA que emigraron, otros que quedaron a cargo de familiares y algunos que regresan. La obtención de documentos de identidad y de viaje ha sido un desafío recurrente para las familias, con efectos sobre la regularidad de su situación en otros países.",
        "legal_framework": [
            {
                "instrument": "Constitución de la República Bolivariana de Venezuela",
                "year": 1999,
                "type": "constitution",
                "url": "",
            },
            {
                "instrument": "Ley Orgánica para la Protección de Niños, Niñas y Adolescentes (con reformas posteriores)",
                "year": 1998,
                "type": "law",
                "url": "",
            },
            {
                "instrument": "Ley de Extranjería y Migración",
                "year": 2004,
                "type": "law",
                "url": "",
            },
        ],
        "institutions": [
            {
                "name": "Consejos de Protección de Niños, Niñas y Adolescentes",
                "role": "Órganos municipales que dictan medidas de protección.",
                "url": "",
            },
            {
                "name": "Servicio Administrativo de Identificación, Migración y Extranjería (SAIME)",
                "role": "Emite documentos de identidad y de viaje y ejerce el control migratorio.",
                "url": "",
            },
        ],
        "body": [
            "NNA que permanecen en el país mientras sus padres trabajan en el exterior necesitan respaldo legal para quienes los cuidan, por ejemplo autorizaciones que permitan inscribirlos en la escuela o atender su salud.",
            "Para los países de destino, la dificultad para obtener documentos venezolanos obliga a buscar alternativas de identificación que no dejen a NNA fuera de los servicios.",
        ],
    },
]

# ---------------------------------------------------------------------------
# Complementary resources (titles, publishers and URLs are illustrative)
# ---------------------------------------------------------------------------

RESOURCES = [
    # --- document
    {
        "title": "Guía introductoria al enfoque de derechos de la niñez",
        "slug": "guia-enfoque-derechos-ninez",
        "type": "document",
        "summary": "Documento breve que resume los principios de la Convención sobre los Derechos del Niño con ejemplos aplicados a la movilidad humana.",
        "language": "es",
        "countries": [],
        "modules": [1],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Léalo antes de comenzar el módulo 1 y subraye los ejemplos que se parezcan a situaciones de su trabajo. Al final encontrará preguntas de autoevaluación que puede responder en pocos minutos.",
    },
    {
        "title": "Glosario de movilidad humana para equipos de protección",
        "slug": "glosario-movilidad-humana",
        "type": "document",
        "summary": "Definiciones sencillas de los términos más utilizados en el curso, desde «flujos mixtos» hasta «soluciones duraderas».",
        "language": "es",
        "countries": [],
        "modules": [2, 3],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Úselo como material de consulta a lo largo de todo el curso. Cada término incluye una definición, una nota sobre usos incorrectos frecuentes y una referencia al módulo donde se desarrolla.",
    },
    {
        "title": "Síntesis de estándares interamericanos sobre niñez migrante",
        "slug": "sintesis-estandares-interamericanos",
        "type": "document",
        "summary": "Resumen organizado por temas de las principales obligaciones estatales derivadas del sistema interamericano.",
        "language": "es",
        "countries": [],
        "modules": [4],
        "publisher": "Red regional de protección (ilustrativo)",
        "year": 2019,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Consulte la tabla temática cuando necesite fundamentar una decisión o un informe técnico. Cada estándar se acompaña de una explicación breve y de preguntas para verificar su aplicación en la práctica.",
    },
    {
        "title": "Cuaderno de casos comparados: sistemas nacionales de protección",
        "slug": "cuaderno-casos-sistemas-nacionales",
        "type": "document",
        "summary": "Seis casos ficticios analizados a la luz de las rutas de protección de distintos países de la región.",
        "language": "es",
        "countries": ["AR", "CO", "MX", "PE", "GT", "CL"],
        "modules": [5],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Elija un caso, identifique los actores que intervienen en cada país y compare los plazos y las medidas previstas. El ejercicio prepara la reflexión final del módulo 5.",
    },
    {
        "title": "Children on the move: a short primer for practitioners",
        "slug": "children-on-the-move-primer",
        "type": "document",
        "summary": "Introducción en inglés a los conceptos clave sobre niñez en movilidad, útil para equipos que trabajan con contrapartes internacionales.",
        "language": "en",
        "countries": [],
        "modules": [2, 3],
        "publisher": "Equipo del curso",
        "year": 2021,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Recomendado para quienes preparan informes o reuniones con organismos internacionales. Puede leerse junto con el glosario del curso para contrastar la terminología en ambos idiomas.",
    },
    {
        "title": "Pautas para la reintegración escolar de NNA retornados",
        "slug": "pautas-reintegracion-escolar",
        "type": "document",
        "summary": "Recomendaciones para escuelas y autoridades educativas que reciben a estudiantes retornados.",
        "language": "es",
        "countries": ["SV", "GT", "HN"],
        "modules": [7],
        "publisher": "Red regional de protección (ilustrativo)",
        "year": 2018,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Comparta las pautas con docentes y directivos. Incluyen un modelo de entrevista de bienvenida y sugerencias para reconocer aprendizajes obtenidos fuera del país.",
    },
    {
        "title": "Indicadores de trata de personas en NNA: guía de bolsillo",
        "slug": "indicadores-trata-nna",
        "type": "document",
        "summary": "Lista comentada de indicadores para la detección temprana de posibles víctimas de trata menores de 18 años.",
        "language": "es",
        "countries": [],
        "modules": [6],
        "publisher": "Observatorio regional sobre trata (ilustrativo)",
        "year": 2022,
        "licence": "Todos los derechos reservados",
        "transcript": None,
        "external_url": None,
        "body": "Imprima la guía y téngala a mano en los puntos de atención. Recuerde que ningún indicador es concluyente por sí solo y que la prioridad es la seguridad de la persona.",
    },
    # --- video
    {
        "title": "Qué es el interés superior del niño",
        "slug": "video-interes-superior",
        "type": "video",
        "summary": "Animación que explica las tres dimensiones del interés superior con ejemplos cotidianos.",
        "language": "es",
        "countries": [],
        "modules": [1, 9],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": [
            "El interés superior del niño no es una fórmula abstracta. Es un derecho, una forma de interpretar las normas y un procedimiento que obliga a explicar cada decisión. En este video veremos cómo aplicarlo cuando una familia llega a una frontera.",
            "Primero, el interés superior es un derecho: cada niña, niño o adolescente puede exigir que se evalúe y se considere de manera primordial en las decisiones que le afectan. Segundo, es un principio de interpretación: si una norma admite varias lecturas, se elige la que mejor protege sus derechos. Tercero, es una norma de procedimiento: la decisión debe explicar cómo se ponderó.",
            "Imaginemos a una madre que llega con dos hijos a un puesto fronterizo. Antes de decidir, la autoridad escucha a los niños en un lenguaje que comprenden, revisa su situación familiar y de salud, y registra por escrito las razones de su decisión. ¿Se consideraron todas las alternativas? ¡Esa pregunta debe tener siempre respuesta!",
        ],
        "external_url": None,
        "body": "Véalo al inicio del módulo 1 y vuelva a él en el módulo 9, cuando se estudie la determinación del interés superior. Puede utilizarse en talleres como disparador de la discusión.",
    },
    {
        "title": "Voces en tránsito: adolescentes cuentan su camino",
        "slug": "video-voces-en-transito",
        "type": "video",
        "summary": "Documental breve con testimonios actuados, basados en situaciones frecuentes, de adolescentes en tránsito.",
        "language": "es",
        "countries": ["PA", "MX", "GT"],
        "modules": [3],
        "publisher": "Colectivo audiovisual comunitario (ilustrativo)",
        "year": 2021,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": [
            "Salí de mi casa con una mochila y el número de teléfono de mi tía. En cada país alguien me decía algo distinto sobre lo que tenía que hacer. Lo que más recuerdo es a la señora del albergue que me preguntó si había comido.",
            "Otra adolescente cuenta que viajó con su primo mayor y que en un puesto de control los separaron sin explicarles por qué. Pasó dos noches sin saber dónde estaba él. Cuando por fin alguien le habló en su idioma, lo primero que pidió fue poder llamar a su madre.",
            "Al final del documental, los tres jóvenes coinciden en algo: lo que más les ayudó no fue un trámite, sino una persona que les explicó qué iba a pasar y cumplió lo que prometía. Sus relatos muestran que la protección empieza con la información y la confianza.",
        ],
        "external_url": None,
        "body": "Antes de verlo, anote qué riesgos espera encontrar en el relato. Después, compare sus notas con los factores de riesgo y de protección del módulo 3.",
    },
    {
        "title": "La ruta de protección en cinco pasos",
        "slug": "video-ruta-proteccion",
        "type": "video",
        "summary": "Explicación animada de las etapas de una ruta de protección para NNA migrantes no acompañados.",
        "language": "es",
        "countries": [],
        "modules": [5, 9],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": [
            "Todo comienza con la detección. Después viene la notificación a la autoridad de protección, la evaluación de necesidades urgentes, la adopción de medidas y el seguimiento. Si un paso falla, la niña o el niño queda en riesgo.",
            "En la detección participan muchas personas: docentes, personal de salud, agentes de migración o quienes trabajan en un albergue. Su tarea no es resolver el caso, sino reconocer las señales de riesgo y avisar sin demora a la autoridad competente, dejando constancia de lo observado.",
            "La evaluación de necesidades urgentes atiende primero la seguridad, la alimentación, la salud y el alojamiento. Luego la autoridad adopta medidas de protección proporcionales y temporales, y define quién hará el seguimiento. Cada paso se registra para que el siguiente equipo no vuelva a preguntar lo mismo.",
        ],
        "external_url": None,
        "body": "Úselo para explicar la ruta a equipos nuevos o a personal de otras instituciones. Al final del video se propone un ejercicio para adaptar los pasos a su territorio.",
    },
    {
        "title": "Trata y tráfico: no es lo mismo",
        "slug": "video-trata-trafico",
        "type": "video",
        "summary": "Video corto que presenta las diferencias entre trata de personas y tráfico ilícito de migrantes.",
        "language": "es",
        "countries": [],
        "modules": [6],
        "publisher": "Observatorio regional sobre trata (ilustrativo)",
        "year": 2019,
        "licence": "Todos los derechos reservados",
        "transcript": [
            "El tráfico se refiere al cruce irregular de una frontera a cambio de dinero. La trata busca explotar a la persona y puede ocurrir sin salir del país. Cuando la víctima es menor de edad, su consentimiento no cuenta.",
            "En el tráfico, la relación entre la persona migrante y quien la traslada suele terminar al llegar al destino. En la trata, en cambio, la explotación es el objetivo: trabajo forzoso, explotación sexual, mendicidad o reclutamiento. Por eso la trata es un delito contra la persona, mientras que el tráfico afecta también la soberanía del Estado.",
            "Las dos situaciones pueden mezclarse: un niño que empezó su viaje con un traficante puede terminar en manos de una red de trata. Ante cualquier indicio, el personal de frontera debe separar al niño de quien lo acompaña, entrevistarlo en un espacio seguro y activar de inmediato la ruta de protección.",
        ],
        "external_url": None,
        "body": "Recomendado como introducción a la sección sobre trata del módulo 6. Puede proyectarse en capacitaciones para personal de frontera.",
    },
    {
        "title": "Primera ayuda psicológica con niñas y niños",
        "slug": "video-primera-ayuda-psicologica",
        "type": "video",
        "summary": "Demostración de una intervención de primera ayuda psicológica con un niño recién llegado a un albergue.",
        "language": "es",
        "countries": [],
        "modules": [8],
        "publisher": "Red de salud mental comunitaria (ilustrativo)",
        "year": 2022,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": [
            "Me agacho para quedar a su altura y le digo mi nombre. Le pregunto si tiene hambre o frío antes de preguntarle por su viaje. Le explico qué va a pasar en las próximas horas y a quién puede acudir.",
            "No le pido que me cuente lo que vivió. Si quiere hablar, lo escucho sin interrumpir y sin hacer preguntas que lo obliguen a recordar detalles dolorosos. Si llora o se queda en silencio, me quedo a su lado y le digo que lo que siente es una reacción normal ante algo difícil.",
            "Antes de despedirme, me aseguro de que sepa dónde va a dormir, con quién puede hablar y cuándo volveré a verlo. Si noto señales de angustia intensa, lo derivo a un servicio especializado. La primera ayuda psicológica no es terapia: es un acompañamiento humano que ayuda a recuperar la calma.",
        ],
        "external_url": None,
        "body": "Observe el video dos veces: primero completo y luego deteniéndolo en cada una de las acciones de observar, escuchar y conectar. Identifique qué frases utilizaría en su propio contexto.",
    },
    {
        "title": "Espacios amigables en emergencias",
        "slug": "video-espacios-amigables",
        "type": "video",
        "summary": "Recorrido por un espacio amigable para la niñez instalado en un refugio temporal.",
        "language": "pt",
        "countries": ["BR"],
        "modules": [10],
        "publisher": "Red humanitaria regional (ilustrativo)",
        "year": 2023,
        "licence": "CC BY 4.0",
        "transcript": [
            "Este espaço foi montado em dois dias com materiais simples. De manhã as crianças pequenas brincam; à tarde os adolescentes participam de oficinas. A equipe também identifica crianças que precisam de apoio especial.",
            "Cada atividade tem um propósito. Os jogos em grupo ajudam as crianças a recuperar a rotina e a confiança; as rodas de conversa permitem que os adolescentes falem sobre o que viveram; e os encontros com as famílias explicam como reconhecer sinais de estresse e onde pedir ajuda.",
            "O espaço segue regras simples: fica longe de riscos como estradas e depósitos, tem banheiros separados e seguros, e cada pessoa da equipe assinou um código de conduta. Quando uma criança chega sozinha, a equipe comunica imediatamente o serviço de proteção.",
        ],
        "external_url": None,
        "body": "El video está en portugués, con subtítulos en portugués. Úselo para discutir los criterios de ubicación, personal y actividades de un espacio amigable según las normas mínimas.",
    },
    # --- audio
    {
        "title": "Podcast: el derecho a ser escuchado",
        "slug": "podcast-derecho-ser-escuchado",
        "type": "audio",
        "summary": "Conversación entre especialistas sobre cómo garantizar la participación de NNA en los procedimientos que los afectan.",
        "language": "es",
        "countries": [],
        "modules": [1, 4],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": [
            "Escuchar no es hacer una entrevista y archivarla. Es preparar a la niña, darle información, escucharla sin prisa y luego explicarle qué se decidió y por qué. Eso cambia la relación con las instituciones.",
            "En el episodio, una defensora pública explica que muchas veces los equipos temen que escuchar a la niña la exponga a más sufrimiento. Su respuesta es clara: lo que daña no es preguntar, sino preguntar mal, sin preparación, varias veces y sin decirle para qué servirá lo que cuente.",
            "Las especialistas proponen tres prácticas sencillas: adaptar el lenguaje a la edad, permitir que la niña elija a una persona de confianza que la acompañe y volver a contarle, al final del proceso, qué se decidió y cómo se tuvo en cuenta su opinión. ¿Su institución ya lo hace?",
        ],
        "external_url": None,
        "body": "Ideal para escuchar en trayectos. Anote una práctica de su institución que facilite o dificulte la participación de NNA y compárela con las ideas del episodio.",
    },
    {
        "title": "Podcast: migrar con la familia a cuestas",
        "slug": "podcast-migrar-con-familia",
        "type": "audio",
        "summary": "Relatos ficticios de madres y padres que migran con sus hijos y las decisiones que enfrentan en el camino.",
        "language": "es",
        "countries": ["VE", "CO", "EC", "PE"],
        "modules": [2, 3],
        "publisher": "Colectivo audiovisual comunitario (ilustrativo)",
        "year": 2021,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": [
            "Decidimos salir cuando la escuela cerró y ya no alcanzaba para la comida. En la frontera nos pidieron papeles que no teníamos. Mi hijo preguntaba todos los días cuándo íbamos a llegar.",
            "Una madre cuenta que caminó varios días con su bebé en brazos y que lo más difícil fue no saber dónde pasarían la noche. Un padre recuerda la vergüenza de pedir ayuda y el alivio que sintió cuando una organización le ofreció alojamiento sin preguntarle por sus papeles.",
            "Todas las familias coinciden en que la información clara cambió su viaje: saber qué documentos necesitaban, dónde vacunar a sus hijos y cómo inscribirlos en la escuela del lugar de destino. El episodio termina con una pregunta para la audiencia: ¿qué información daría usted a una familia recién llegada?",
        ],
        "external_url": None,
        "body": "Escuche el episodio e identifique las causas de salida y las barreras de acceso a servicios que mencionan las familias. Relaciónelas con las metas de los ODS vistas en el módulo 2.",
    },
    {
        "title": "Audio: cómo funciona una junta local de protección",
        "slug": "audio-junta-local-proteccion",
        "type": "audio",
        "summary": "Entrevista ilustrativa con la integrante de una junta local de protección sobre su trabajo cotidiano.",
        "language": "es",
        "countries": ["EC", "CR"],
        "modules": [5],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": [
            "Recibimos casos de la escuela, del centro de salud y a veces de migración. Lo primero es asegurarnos de que la niña esté a salvo. Después convocamos a la familia y decidimos la medida más adecuada.",
            "La entrevistada explica que la junta no trabaja sola. Coordina con la defensoría, con los servicios de salud y con las organizaciones que acogen a familias migrantes. Cuando la niña no tiene documentos, la junta igual actúa: la protección no depende de la nacionalidad ni de la situación migratoria.",
            "Al cerrar la entrevista, comparte un consejo para quienes empiezan: escribir cada decisión con sus razones, revisar las medidas en plazos cortos y escuchar a la niña en cada revisión. ¡Una medida que no se revisa puede convertirse en un problema nuevo!",
        ],
        "external_url": None,
        "body": "Compare lo que describe la entrevistada con la arquitectura del sistema de su país. Identifique qué institución cumple funciones similares en su territorio.",
    },
    {
        "title": "Audio: volver a casa después del viaje",
        "slug": "audio-volver-a-casa",
        "type": "audio",
        "summary": "Narración ficticia de un adolescente retornado sobre sus primeros meses de reintegración.",
        "language": "es",
        "countries": ["HN", "SV"],
        "modules": [7],
        "publisher": "Red regional de protección (ilustrativo)",
        "year": 2019,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": [
            "Cuando llegué, todos querían saber por qué me habían devuelto. Nadie me preguntó qué quería hacer. Lo que me ayudó fue un taller de mecánica y un profesor que me llamaba cada semana.",
            "Los primeros meses fueron duros. En el barrio algunos me miraban como si hubiera fracasado y en la escuela me habían dado de baja. Mi madre estaba contenta de verme, pero también preocupada por la deuda que habíamos contraído para el viaje.",
            "Ahora trabajo por las tardes en el taller y terminé el año escolar. Todavía pienso en irme otra vez, pero ya no por desesperación. Si alguien me pregunta qué necesita un joven que vuelve, le diría: que lo escuchen, que lo ayuden a estudiar y que no lo dejen solo.",
        ],
        "external_url": None,
        "body": "Úselo para analizar las dimensiones de la reintegración sostenible. Identifique en el relato elementos individuales, familiares, comunitarios y estructurales.",
    },
    {
        "title": "Audio: cuidar a quienes cuidan",
        "slug": "audio-cuidar-a-quienes-cuidan",
        "type": "audio",
        "summary": "Ejercicio guiado de pausa y autocuidado para equipos que trabajan con niñez migrante.",
        "language": "es",
        "countries": [],
        "modules": [8],
        "publisher": "Red de salud mental comunitaria (ilustrativo)",
        "year": 2022,
        "licence": "CC BY 4.0",
        "transcript": [
            "Busque una posición cómoda y respire con calma. Piense en una situación de la semana que le haya afectado. Reconozca lo que sintió sin juzgarlo y piense en una persona con quien podría conversarlo.",
            "Ahora lleve la atención a su cuerpo. Note si hay tensión en los hombros, en la mandíbula o en el estómago. Inhale contando hasta cuatro, sostenga el aire un momento y exhale despacio contando hasta seis. Repita este ciclo tres veces, sin forzar la respiración.",
            "Para terminar, elija un gesto de cuidado que pueda hacer hoy: una pausa breve entre dos atenciones, una conversación con su equipo o un momento para usted al salir del trabajo. Cuidar de quienes cuidan también es proteger a la niñez: un equipo agotado no puede escuchar bien.",
        ],
        "external_url": None,
        "body": "Puede utilizarse de forma individual o al inicio de una reunión de equipo. No sustituye la supervisión ni el apoyo profesional cuando son necesarios.",
    },
    {
        "title": "Audio: information for families in transit",
        "slug": "audio-information-families-transit",
        "type": "audio",
        "summary": "Mensajes breves en inglés sobre derechos y servicios para familias en tránsito, pensados para población caribeña anglófona.",
        "language": "en",
        "countries": ["PA", "MX"],
        "modules": [9, 10],
        "publisher": "Equipo del curso",
        "year": 2023,
        "licence": "CC BY 4.0",
        "transcript": [
            "Children have the right to protection wherever they are. If you are separated from your child, ask any staff member for help immediately. Services in this centre are free.",
            "Your child can go to school and see a doctor, whatever your migration status. Health staff will not share your information with migration authorities. If your child is sick, has a fever or cannot eat, go to the health post next to the registration desk.",
            "You can ask for an interpreter at any time. If someone offers you transport or work in exchange for money or documents, talk to the staff first. Keep a copy of your documents and write down the phone number of a relative you trust.",
        ],
        "external_url": None,
        "body": "Ejemplo de material informativo en audio para personas que no leen español. Úselo como modelo para producir mensajes propios en las lenguas de las familias que atiende.",
    },
    # --- infographic
    {
        "title": "Infografía: los cuatro principios de la Convención",
        "slug": "infografia-principios-convencion",
        "type": "infographic",
        "summary": "Representación visual de los principios generales de la Convención sobre los Derechos del Niño.",
        "language": "es",
        "countries": [],
        "modules": [1],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Puede imprimirse en formato de afiche para oficinas y albergues. Sirve como recordatorio rápido durante la toma de decisiones.",
    },
    {
        "title": "Infografía: ODS y niñez migrante",
        "slug": "infografia-ods-ninez-migrante",
        "type": "infographic",
        "summary": "Mapa visual de las metas de la Agenda 2030 vinculadas a la niñez en movilidad.",
        "language": "es",
        "countries": [],
        "modules": [2],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Úsela para identificar con qué metas se relaciona el trabajo de su institución y para preparar presentaciones sobre la agenda de desarrollo.",
    },
    {
        "title": "Infografía: no acompañados y separados",
        "slug": "infografia-no-acompanados-separados",
        "type": "infographic",
        "summary": "Esquema que ayuda a distinguir las situaciones de NNA no acompañados, separados y acompañados.",
        "language": "es",
        "countries": [],
        "modules": [3, 5],
        "publisher": "Red regional de protección (ilustrativo)",
        "year": 2018,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Útil para capacitar al personal de primera línea. Incluye preguntas orientadoras para verificar el vínculo con la persona adulta acompañante.",
    },
    {
        "title": "Infografía: garantías procesales para NNA migrantes",
        "slug": "infografia-garantias-procesales",
        "type": "infographic",
        "summary": "Resumen visual de las garantías de debido proceso en procedimientos migratorios y de asilo.",
        "language": "es",
        "countries": [],
        "modules": [4],
        "publisher": "Red regional de protección (ilustrativo)",
        "year": 2019,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Puede usarse como lista de verificación antes de una entrevista o audiencia. Cada garantía se acompaña de una pregunta de control.",
    },
    {
        "title": "Infografía: pirámide de apoyo psicosocial",
        "slug": "infografia-piramide-psicosocial",
        "type": "infographic",
        "summary": "Los cuatro niveles de intervención en salud mental y apoyo psicosocial ilustrados con ejemplos.",
        "language": "es",
        "countries": [],
        "modules": [8, 10],
        "publisher": "Red de salud mental comunitaria (ilustrativo)",
        "year": 2021,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Complete los espacios en blanco con los servicios disponibles en su territorio para construir un mapa de derivación por niveles.",
    },
    {
        "title": "Infográfico: direitos de crianças e adolescentes migrantes",
        "slug": "infografico-direitos-criancas-migrantes",
        "type": "infographic",
        "summary": "Versión en portugués de un afiche informativo sobre derechos de NNA migrantes dirigido a familias.",
        "language": "pt",
        "countries": ["BR"],
        "modules": [1, 9],
        "publisher": "Equipo del curso",
        "year": 2021,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Ejemplo de material amigable para familias. Analice su lenguaje, sus imágenes y su estructura como referencia para producir materiales propios.",
    },
    # --- link
    {
        "title": "Convención sobre los Derechos del Niño (texto oficial)",
        "slug": "enlace-repositorio-normativa",
        "type": "link",
        "summary": "Página oficial de las Naciones Unidas con el texto de la Convención, sus protocolos facultativos y el estado de ratificaciones.",
        "language": "es",
        "countries": [],
        "modules": [4, 5],
        "publisher": "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        "year": 1989,
        "licence": "",
        "transcript": None,
        "external_url": "https://www.ohchr.org/es/instruments-mechanisms/instruments/convention-rights-child",
        "body": "Tenga a mano el texto completo cuando estudie los módulos 4 y 5. Compare los artículos 3, 12 y 22 con las leyes citadas en las unidades por país.",
    },
    {
        "title": "Portal de Datos sobre Migración",
        "slug": "enlace-portal-datos-movilidad",
        "type": "link",
        "summary": "Portal público con estadísticas y análisis sobre migración internacional, con datos desagregados por edad y región.",
        "language": "es",
        "countries": [],
        "modules": [2],
        "publisher": "Organización Internacional para las Migraciones (OIM)",
        "year": 2023,
        "licence": "",
        "transcript": None,
        "external_url": "https://www.migrationdataportal.org/es",
        "body": "Busque datos desagregados por edad para su país y observe qué información falta. El ejercicio complementa la reflexión del módulo 2.",
    },
    {
        "title": "Minimum Standards for Child Protection in Humanitarian Action",
        "slug": "link-child-protection-standards",
        "type": "link",
        "summary": "Página en inglés de las normas mínimas para la protección de la niñez en la acción humanitaria (edición 2019), con versiones en otros idiomas.",
        "language": "en",
        "countries": [],
        "modules": [10],
        "publisher": "The Alliance for Child Protection in Humanitarian Action",
        "year": 2019,
        "licence": "",
        "transcript": None,
        "external_url": "https://alliancecpha.org/en/CPMS_home",
        "body": "Consulte la versión en el idioma que le resulte más cómodo y compare los estándares con las prácticas de respuesta en su país.",
    },
    {
        "title": "Plataforma R4V: personas refugiadas y migrantes de Venezuela",
        "slug": "enlace-directorio-servicios",
        "type": "link",
        "summary": "Plataforma de coordinación interagencial con cifras por país y enlaces a las organizaciones que responden en cada territorio.",
        "language": "es",
        "countries": ["CO", "EC", "PE", "CL"],
        "modules": [9],
        "publisher": "Plataforma de Coordinación Interagencial para Refugiados y Migrantes de Venezuela (R4V)",
        "year": 2024,
        "licence": "",
        "transcript": None,
        "external_url": "https://www.r4v.info/es/refugiadosymigrantes",
        "body": "Tómela como punto de partida para construir o actualizar el mapeo de servicios de su territorio. Verifique los datos de contacto antes de realizar una derivación.",
    },
    {
        "title": "Corte Interamericana de Derechos Humanos",
        "slug": "enlace-biblioteca-jurisprudencia",
        "type": "link",
        "summary": "Sitio oficial de la Corte, con su jurisprudencia y sus opiniones consultivas, entre ellas la OC-21/14 sobre niñez en el contexto de la migración.",
        "language": "es",
        "countries": [],
        "modules": [4],
        "publisher": "Corte Interamericana de Derechos Humanos",
        "year": 2014,
        "licence": "",
        "transcript": None,
        "external_url": "https://www.corteidh.or.cr/",
        "body": "Busque la opinión consultiva OC-21/14 y analice cómo aplica los estándares estudiados en el módulo 4. Preste atención a la motivación sobre el interés superior.",
    },
    # --- toolkit
    {
        "title": "Caja de herramientas para la gestión de casos",
        "slug": "caja-herramientas-gestion-casos",
        "type": "toolkit",
        "summary": "Formularios modelo de registro, evaluación, plan de acción y cierre de casos de NNA en movilidad.",
        "language": "es",
        "countries": [],
        "modules": [9],
        "publisher": "Equipo del curso",
        "year": 2020,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Adapte los formularios a la normativa y a los sistemas de información de su institución. Elimine los campos que no sean necesarios para reducir la recolección de datos.",
    },
    {
        "title": "Kit para la determinación del interés superior",
        "slug": "kit-determinacion-interes-superior",
        "type": "toolkit",
        "summary": "Guía paso a paso, modelos de informe y lista de factores para procedimientos de determinación del interés superior.",
        "language": "es",
        "countries": [],
        "modules": [7, 9],
        "publisher": "Red regional de protección (ilustrativo)",
        "year": 2021,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Úselo para preparar un panel de determinación o para revisar una decisión de retorno. Incluye un ejemplo completo basado en un caso ficticio.",
    },
    {
        "title": "Herramientas para materiales amigables con la niñez",
        "slug": "herramientas-materiales-amigables",
        "type": "toolkit",
        "summary": "Plantillas, pictogramas y recomendaciones para elaborar información comprensible para NNA.",
        "language": "es",
        "countries": [],
        "modules": [9, 1],
        "publisher": "Colectivo audiovisual comunitario (ilustrativo)",
        "year": 2022,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Combine las plantillas con la participación de un grupo de NNA para validar los mensajes. Incluye una guía para adaptar materiales a distintas lenguas.",
    },
    {
        "title": "Kit de actividades psicosociales para espacios amigables",
        "slug": "kit-actividades-psicosociales",
        "type": "toolkit",
        "summary": "Fichas de actividades lúdicas y expresivas organizadas por edad para espacios amigables y albergues.",
        "language": "es",
        "countries": [],
        "modules": [8, 10],
        "publisher": "Red de salud mental comunitaria (ilustrativo)",
        "year": 2021,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Cada ficha indica objetivos, materiales, duración y adaptaciones para NNA con discapacidad. Las actividades no requieren formación clínica, pero sí preparación previa.",
    },
    {
        "title": "Protocolo modelo de recepción de NNA retornados",
        "slug": "protocolo-modelo-recepcion-retornados",
        "type": "toolkit",
        "summary": "Modelo de protocolo interinstitucional para la recepción y el seguimiento de NNA retornados.",
        "language": "es",
        "countries": ["GT", "HN", "SV", "MX"],
        "modules": [7, 5],
        "publisher": "Red regional de protección (ilustrativo)",
        "year": 2018,
        "licence": "CC BY-NC-SA 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Compare el modelo con los procedimientos vigentes en su país e identifique etapas que podrían reforzarse, en especial el seguimiento a mediano plazo.",
    },
    {
        "title": "Kit de prevención de la separación familiar en emergencias",
        "slug": "kit-prevencion-separacion-familiar",
        "type": "toolkit",
        "summary": "Materiales para registrar familias, identificar a niños pequeños y organizar puntos de encuentro en traslados y refugios.",
        "language": "es",
        "countries": [],
        "modules": [10],
        "publisher": "Red humanitaria regional (ilustrativo)",
        "year": 2024,
        "licence": "CC BY 4.0",
        "transcript": None,
        "external_url": None,
        "body": "Incluya estos materiales en los planes de contingencia de su territorio y capacite al personal y a las personas voluntarias antes de que ocurra una emergencia.",
    },
]

# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------

_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TAGS = re.compile(r"</?(?:b|i)>")
_CALLOUT_KINDS = {"key_idea", "definition", "warning"}
_LEGAL_TYPES = {"constitution", "law", "code", "decree", "regulation", "protocol", "treaty"}
_RESOURCE_TYPES = {"document", "video", "audio", "infographic", "link", "toolkit"}
_LICENCES = {"CC BY 4.0", "CC BY-NC-SA 4.0", "Todos los derechos reservados"}
_TRUE_FALSE = ["Verdadero", "Falso"]


def _fits(text, limit):
    """Field limits of the Wagtail models and blocks that store this text."""
    return bool(text.strip()) and len(text) <= limit


def _words(text):
    return len(_TAGS.sub("", text).split())


def _sort_key(name):
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def _validate_question(q, number, index):
    qid = q["id"]
    assert qid == f"m{number}-q{index}", qid
    assert q["kind"] in {"single", "multiple", "true_false"}, qid
    assert q["prompt"].strip() and q["feedback"].strip(), qid
    assert all(_fits(option, 500) for option in q["options"]), qid
    options, correct = q["options"], q["correct"]
    assert len(set(correct)) == len(correct), qid
    assert all(isinstance(i, int) and 0 <= i < len(options) for i in correct), qid
    if q["kind"] == "single":
        assert 3 <= len(options) <= 4 and len(correct) == 1, qid
    elif q["kind"] == "multiple":
        assert 4 <= len(options) <= 5 and 2 <= len(correct) < len(options), qid
    else:
        assert options == _TRUE_FALSE and len(correct) == 1, qid
    assert isinstance(q["points"], int) and q["points"] > 0, qid


def _validate_module(m, number):
    assert m["number"] == number, m["number"]
    assert _KEBAB.match(m["slug"]), m["slug"]
    assert _fits(m["title"], 255) and _fits(m["summary"], 600), number
    assert m["has_country_units"] is (number == 5), number
    assert 3 <= len(m["objectives"]) <= 5, number
    for objective in m["objectives"]:
        assert objective.split()[0].lower().endswith(("ar", "er", "ir")), objective
        assert _fits(objective, 400), objective
    assert 3 <= len(m["sections"]) <= 4, number
    for section in m["sections"]:
        assert _fits(section["heading"], 200), number
        assert 2 <= len(section["paragraphs"]) <= 3, section["heading"]
        for paragraph in section["paragraphs"]:
            assert 60 <= _words(paragraph) <= 120, (section["heading"], _words(paragraph))
            assert paragraph.count("<b>") == paragraph.count("</b>"), section["heading"]
            assert paragraph.count("<i>") == paragraph.count("</i>"), section["heading"]
        callout = section["callout"]
        if callout is not None:
            assert callout["kind"] in _CALLOUT_KINDS, section["heading"]
            assert _fits(callout["title"], 200) and callout["text"].strip(), section["heading"]
            assert "<" not in callout["text"], section["heading"]  # plain text only
    assert m["quote"]["text"].strip() and _fits(m["quote"]["attribution"], 200), number
    assert "ilustrativo" in m["quote"]["attribution"], number
    case = m["case_study"]
    assert _fits(case["title"], 200) and case["context"].strip(), number
    assert len(case["questions"]) == 2 and all(_fits(q, 400) for q in case["questions"]), number
    assert m["reflection"]["prompt"] and m["reflection"]["guidance"], number
    evaluation = m["evaluation"]
    assert evaluation["title"] == f"Evaluación final del módulo {number}", number
    assert evaluation["instructions"].strip(), number
    questions = evaluation["questions"]
    assert 5 <= len(questions) <= 6, number
    for index, q in enumerate(questions, 1):
        _validate_question(q, number, index)
    assert {q["kind"] for q in questions} == {"single", "multiple", "true_false"}, number
    assert sum(q["points"] for q in questions) == 100, number


def validate():
    """Assert the structural rules of the demo content; return True if all pass."""
    assert COURSE["slug"] == "curso-ninez-migrante"
    assert COURSE["edition_label"] == "2.ª edición"
    assert COURSE["declared_hours"] == 85
    assert _fits(COURSE["title"], 255) and _fits(COURSE["summary"], 600)
    assert COURSE["audience"].strip()
    assert len(COURSE["introduction"]) == 3

    assert len(MODULES) == 10
    for number, module in enumerate(MODULES, 1):
        _validate_module(module, number)
    hours = [m["hours"] for m in MODULES]
    assert all(isinstance(h, int) and h > 0 for h in hours)
    assert sum(hours) == COURSE["declared_hours"] == 85
    assert MODULES[4]["hours"] == max(hours) and hours.count(max(hours)) == 1
    assert len({m["slug"] for m in MODULES}) == 10

    assert len(COUNTRIES) == 19
    codes = [c["code"] for c in COUNTRIES]
    assert len(set(codes)) == 19 and all(re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    assert [_sort_key(c["name"]) for c in COUNTRIES] == sorted(
        _sort_key(c["name"]) for c in COUNTRIES
    )
    for country in COUNTRIES:
        code = country["code"]
        assert 80 <= _words(country["overview"]) <= 140, (code, _words(country["overview"]))
        assert _fits(country["overview"].split(". ")[0], 600), code
        assert 2 <= len(country["legal_framework"]) <= 4, code
        for item in country["legal_framework"]:
            assert _fits(item["instrument"], 300) and item["type"] in _LEGAL_TYPES, code
            assert isinstance(item["year"], int) and 1800 <= item["year"] <= 2024, code
            assert isinstance(item["url"], str), code
        assert 2 <= len(country["institutions"]) <= 3, code
        for item in country["institutions"]:
            assert _fits(item["name"], 300) and item["role"].strip(), code
            assert isinstance(item["url"], str), code
        assert len(country["body"]) == 2 and all(p.strip() for p in country["body"]), code

    assert len(RESOURCES) >= 34
    slugs = [r["slug"] for r in RESOURCES]
    assert len(set(slugs)) == len(slugs) and all(_KEBAB.match(s) for s in slugs)
    for kind in _RESOURCE_TYPES:
        assert sum(r["type"] == kind for r in RESOURCES) >= 5, kind
    languages = [r["language"] for r in RESOURCES]
    assert set(languages) <= {"es", "en", "pt"} and languages.count("es") > len(languages) / 2
    for r in RESOURCES:
        slug = r["slug"]
        assert r["type"] in _RESOURCE_TYPES, slug
        assert _fits(r["title"], 255) and _fits(r["summary"], 600) and r["body"].strip(), slug
        assert _fits(r["publisher"], 200), slug
        assert r["licence"] in _LICENCES or (r["type"] == "link" and not r["licence"]), slug
        assert 1989 <= r["year"] <= 2024, slug
        assert set(r["countries"]) <= set(codes), slug
        assert 1 <= len(r["modules"]) <= 3 and all(1 <= n <= 10 for n in r["modules"]), slug
        timed = r["type"] in {"video", "audio"}
        transcript = r["transcript"] or []
        assert (len(transcript) >= 3 and all(p.strip() for p in transcript)) is timed, slug
        if r["type"] == "link":
            assert r["external_url"].startswith("https://"), slug
            assert "example.org" not in r["external_url"], slug
        else:
            assert r["external_url"] is None, slug
    return True


if __name__ == "__main__":
    validate()
    print("ok")
