# ruff: noqa: E501
"""Brazilian Portuguese translation of the demo course content.

Pure Python data (no Django imports). Mirrors ``course_content/demo/content.py``:
same keys, same list lengths and order; only string values are translated.
Slugs, ids, kinds and all non-string values are kept identical to the Spanish source.

Module-level constants:
    COURSE   -- translated copy of content.COURSE
    MODULES  -- translated copy of content.MODULES[0]
    EXTRA    -- fixed Spanish strings used by the demo builder, mapped to pt-BR

"""

# ---------------------------------------------------------------------------
# Course
# ---------------------------------------------------------------------------

COURSE = {
    "title": "Curso especializado sobre crianças e adolescentes migrantes nas Américas",
    "slug": "curso-ninez-migrante",
    "edition_label": "2ª edição",
    "summary": "Curso on-line autoinstrucional de 85 horas que oferece ferramentas conceituais, normativas e práticas para proteger os direitos de crianças e adolescentes em contextos de mobilidade humana na América Latina e no Caribe.",
    "introduction": [
        "Todos os anos, milhares de crianças e adolescentes se deslocam dentro e fora de seus países, sozinhos ou com suas famílias, por motivos que vão da reunificação familiar à fuga da violência, da pobreza ou de desastres. Em cada etapa desse percurso —origem, trânsito, destino e retorno—, seus direitos dependem em grande medida do preparo das pessoas e instituições que eles encontram pelo caminho. Este curso nasce para fortalecer esse preparo.",
        "A proposta está organizada em dez módulos que avançam dos fundamentos da abordagem baseada em direitos até as ferramentas concretas de intervenção. O módulo 5 inclui uma unidade para cada um dos 19 países considerados, com uma síntese ilustrativa do respectivo sistema nacional de proteção. Cada módulo combina leituras breves, casos para análise, perguntas de reflexão e recursos complementares em diferentes formatos, para que cada participante possa avançar no seu próprio ritmo.",
        "O curso é autoinstrucional e não conta com tutoria. Ao final de cada módulo, é realizada uma avaliação final; para ser aprovado no curso, é necessário obter nota igual ou superior a 70 de 100 em cada uma delas. Convidamos você a percorrer os conteúdos com um olhar crítico e a relacioná-los com a sua própria prática profissional: o objetivo não é apenas conhecer as normas, mas melhorar a resposta cotidiana a crianças e adolescentes em mobilidade.",
    ],
    "audience": "O curso é destinado a especialistas em migração e/ou em infância e adolescência que atuam em instituições públicas, organismos internacionais, organizações da sociedade civil ou no meio acadêmico: profissionais dos sistemas de proteção, autoridades migratórias, defensorias, operadores do direito, equipes de saúde e de educação, entre outros. Não é aberto ao público em geral; a inscrição é feita mediante solicitação, enquanto o respectivo edital estiver aberto.",
    "declared_hours": 85,
}


# ---------------------------------------------------------------------------
# Modules
# ---------------------------------------------------------------------------

MODULES = [
    # --- Module 1: derechos-nna-politicas-publicas
    {
        "number": 1,
        "title": "Direitos de crianças e adolescentes e políticas públicas",
        "slug": "derechos-nna-politicas-publicas",
        "summary": "Apresenta a abordagem baseada nos direitos da infância e da adolescência e sua tradução em políticas públicas capazes de incluir efetivamente crianças e adolescentes migrantes.",
        "hours": 7,
        "has_country_units": False,
        "objectives": [
            "Reconhecer crianças e adolescentes como titulares de direitos e compreender as implicações desse reconhecimento.",
            "Identificar os princípios orientadores da Convenção sobre os Direitos da Criança e sua aplicação prática.",
            "Analisar o ciclo das políticas públicas voltadas à infância a partir da abordagem baseada em direitos.",
        ],
        "sections": [
            {
                "heading": "De objetos de tutela a sujeitos de direitos",
                "paragraphs": [
                    "Durante boa parte do século XX, as legislações da região se apoiaram na chamada doutrina da situação irregular. Essa doutrina concebia a infância pobre, abandonada ou em conflito com a lei como objeto de intervenção estatal. O juiz de menores concentrava amplos poderes discricionários, e a internação em instituições era a resposta habitual. Nesse modelo, a voz de crianças e adolescentes quase não contava, e as causas estruturais de sua situação, como a exclusão social ou a violência, ficavam fora da análise.",
                    "A adoção da Convenção sobre os Direitos da Criança, em 1989, marcou uma mudança de paradigma. Com a <b>doutrina da proteção integral</b>, crianças e adolescentes passam a ser reconhecidos como sujeitos plenos de direitos, com capacidades que se desenvolvem de forma progressiva. O Estado deixa de ser um tutor que decide por eles e assume a obrigação de garantir seus direitos, em corresponsabilidade com as famílias e a comunidade. Essa virada exige transformar leis e instituições, mas também as práticas cotidianas de quem trabalha com a infância.",
                ],
                "callout": {
                    "kind": "definition",
                    "title": "Autonomia progressiva",
                    "text": "Princípio segundo o qual crianças e adolescentes exercem seus direitos de forma gradual, de acordo com a evolução de suas capacidades. Não depende só da idade: a maturidade, a experiência e o contexto de cada criança ou adolescente também influenciam.",
                },
            },
            {
                "heading": "Os princípios orientadores da Convenção",
                "paragraphs": [
                    "A Convenção se apoia em quatro princípios gerais que orientam a interpretação de todos os demais direitos: a não discriminação; o interesse superior da criança; o direito à vida, à sobrevivência e ao desenvolvimento; e o direito de expressar sua opinião e de tê-la devidamente levada em consideração. Esses princípios não operam de forma isolada. Eles se reforçam mutuamente e devem ser aplicados em conjunto ao elaborar uma lei, ao organizar um serviço ou ao decidir sobre um caso concreto.",
                    "O princípio da não discriminação tem especial relevância para crianças e adolescentes migrantes. Os direitos reconhecidos na Convenção pertencem a toda criança ou adolescente que se encontre sob a jurisdição de um Estado, independentemente de sua nacionalidade ou de sua situação migratória e da de seus pais. Portanto, o acesso à educação, à saúde, à identidade ou à proteção contra a violência não pode ser condicionado à regularidade da permanência nem a documentos que a família não tem condições de obter.",
                ],
                "callout": {
                    "kind": "key_idea",
                    "title": "Um conceito com três dimensões",
                    "text": "O Comitê dos Direitos da Criança afirmou que o interesse superior é, ao mesmo tempo, um direito substantivo, um princípio interpretativo e uma regra de procedimento. Toda decisão que afete uma criança deve demonstrar como esse interesse foi avaliado e ponderado.",
                },
            },
            {
                "heading": "Políticas públicas com abordagem baseada em direitos",
                "paragraphs": [
                    "Uma política pública é um curso de ação continuado que o Estado adota para responder a um problema reconhecido como questão pública. Seu ciclo costuma ser descrito em etapas: identificação do problema, formulação, adoção, implementação e avaliação. Na prática, essas etapas se sobrepõem e são atravessadas por negociações políticas, restrições orçamentárias e capacidades institucionais muito desiguais entre os territórios, o que explica por que uma mesma norma produz resultados diferentes na capital e em uma região de fronteira.",
                    "Incorporar a abordagem baseada em direitos significa que cada etapa do ciclo seja orientada pelas obrigações do Estado, e não apenas por critérios de eficiência. Isso implica coletar dados desagregados, destinar orçamento suficiente e protegido, assegurar a participação de crianças e adolescentes e estabelecer mecanismos de prestação de contas. Também obriga a olhar para quem costuma ficar de fora das estatísticas: crianças e adolescentes em trânsito, os que vivem em comunidades de fronteira e os que não têm documentos de identidade.",
                ],
                "callout": {
                    "kind": "warning",
                    "title": "Inclusão, não serviços paralelos",
                    "text": "Criar circuitos separados e exclusivos para crianças e adolescentes migrantes pode isolá-los e enfraquecer sua integração. A prioridade é garantir seu acesso aos serviços universais, com os ajustes necessários de idioma, exigências documentais e horários de atendimento.",
                },
            },
        ],
        "quote": {
            "text": "Quando uma menina chega a uma fronteira, ela é, antes de tudo, uma menina; sua condição de migrante vem depois. Nosso trabalho é garantir que nenhuma repartição esqueça essa ordem.",
            "attribution": "Especialista em proteção da infância (depoimento ilustrativo)",
        },
        "case_study": {
            "title": "Valentina e a matrícula escolar",
            "context": "Valentina tem 11 anos e chegou há quatro meses com a mãe, Carmen, a uma cidade de médio porte do país de destino. Para matriculá-la, a escola mais próxima exige um documento nacional de identidade e um histórico escolar legalizado do país de origem. O pedido de regularização de Carmen ainda está em andamento, e ela não pode viajar para obter o documento. Enquanto isso, Valentina passa o dia sozinha no quarto que elas alugam e começou a dizer que não quer mais estudar.",
            "questions": [
                "Quais princípios da Convenção sobre os Direitos da Criança estão em jogo nessa situação e como eles se relacionam entre si?",
                "Que ações o sistema local de proteção poderia promover para resolver o caso de Valentina e evitar que situações semelhantes se repitam?",
            ],
        },
        "reflection": {
            "prompt": "Pense em uma política pública do seu país voltada à infância, por exemplo um programa de saúde, de educação ou de transferência de renda. Ela alcança efetivamente crianças e adolescentes migrantes? Que barreiras formais ou informais eles enfrentam?",
            "guidance": "Revise os requisitos de acesso, os documentos exigidos e as informações disponíveis em outros idiomas. Considere também barreiras menos visíveis, como o medo de ser denunciado ou o desconhecimento das normas por parte dos profissionais. Anote pelo menos uma melhoria concreta que a sua instituição poderia propor.",
        },
        "evaluation": {
            "title": "Avaliação final do módulo 1",
            "instructions": "Responda às cinco perguntas. Nas perguntas de múltipla escolha, marque todas as opções corretas. Você precisa de pelo menos 70 de 100 pontos para ser aprovado no módulo; é possível revisar os conteúdos antes de tentar novamente.",
            "questions": [
                {
                    "id": "m1-q1",
                    "kind": "single",
                    "prompt": "Que mudança central a doutrina da proteção integral introduziu em relação à doutrina da situação irregular?",
                    "options": [
                        "Reconheceu crianças e adolescentes como sujeitos de direitos e o Estado como garantidor desses direitos.",
                        "Reforçou os poderes discricionários do juiz de menores sobre a infância em situação de risco.",
                        "Limitou a aplicação dos direitos a quem tem a nacionalidade do país.",
                        "Transferiu a responsabilidade pela proteção exclusivamente para as famílias.",
                    ],
                    "correct": [0],
                    "points": 20,
                    "feedback": "A proteção integral reconhece crianças e adolescentes como sujeitos de direitos e estabelece a obrigação do Estado de garanti-los, em corresponsabilidade com a família e a comunidade.",
                },
                {
                    "id": "m1-q2",
                    "kind": "multiple",
                    "prompt": "Quais dos itens a seguir são princípios gerais da Convenção sobre os Direitos da Criança?",
                    "options": [
                        "Não discriminação.",
                        "Interesse superior da criança.",
                        "Reciprocidade entre Estados.",
                        "Direito de ser ouvido.",
                        "Soberania em matéria migratória.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "Os quatro princípios gerais são a não discriminação, o interesse superior da criança, o direito à vida, à sobrevivência e ao desenvolvimento, e o direito de ser ouvido. A reciprocidade e a soberania não fazem parte deles.",
                },
                {
                    "id": "m1-q3",
                    "kind": "true_false",
                    "prompt": "Os direitos reconhecidos na Convenção podem ser condicionados a que a criança tenha residência regular no país.",
                    "options": ["Verdadeiro", "Falso"],
                    "correct": [1],
                    "points": 20,
                    "feedback": "Falso. Os direitos pertencem a toda criança ou adolescente sob a jurisdição do Estado, sem distinção de nacionalidade nem de situação migratória, própria ou de seus pais.",
                },
                {
                    "id": "m1-q4",
                    "kind": "single",
                    "prompt": "Segundo o Comitê dos Direitos da Criança, o interesse superior da criança é:",
                    "options": [
                        "Um critério orientador sem efeitos jurídicos.",
                        "Uma atribuição exclusiva das varas de família.",
                        "Um direito substantivo, um princípio interpretativo e uma regra de procedimento.",
                    ],
                    "correct": [2],
                    "points": 20,
                    "feedback": "O interesse superior tem três dimensões. Como regra de procedimento, obriga a explicar como ele foi avaliado e ponderado em cada decisão.",
                },
                {
                    "id": "m1-q5",
                    "kind": "multiple",
                    "prompt": "Incorporar a abordagem baseada em direitos em uma política pública implica, entre outros aspectos:",
                    "options": [
                        "Contar com dados desagregados que permitam enxergar grupos invisibilizados.",
                        "Assegurar mecanismos de participação de crianças e adolescentes.",
                        "Limitar a política à etapa de formulação normativa.",
                        "Prever orçamento suficiente e mecanismos de prestação de contas.",
                    ],
                    "correct": [0, 1, 3],
                    "points": 20,
                    "feedback": "A abordagem baseada em direitos atravessa todo o ciclo da política, do diagnóstico à avaliação; ela não se esgota na aprovação de uma norma.",
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
}


def _numbered_extra(n, es_title, pt_title):
    """Return the per-module builder strings for module ``n``."""
    return {
        f"Presentación del módulo {n}": f"Apresentação do módulo {n}",
        f"Guía de estudio del módulo {n}": f"Guia de estudo do módulo {n}",
        f"Evaluación final del módulo {n}.": f"Avaliação final do módulo {n}.",
        f"Gráfico de barras ilustrativo del módulo {n}: {es_title}.": f"Gráfico de barras ilustrativo do módulo {n}: {pt_title}.",
    }


EXTRA = {
    "Niñez migrante en las Américas": "Crianças e adolescentes migrantes nas Américas",
    "Biblioteca de recursos": "Acervo de recursos",
    "Material complementario del curso: documentos, videos, audios, infografías, enlaces y herramientas, filtrables por tipo, módulo, país e idioma.": "Material complementar do curso: documentos, vídeos, áudios, infográficos, links e ferramentas, que podem ser filtrados por tipo, módulo, país e idioma.",
    "Materiales de estudio": "Materiais de estudo",
    "Resumen imprimible de los objetivos del módulo.": "Resumo dos objetivos do módulo para impressão.",
    "Ilustración generada para el curso de demostración.": "Ilustração gerada para o curso de demonstração.",
    "Equipo del curso": "Equipe do curso",
    "En este video, el equipo docente presenta los temas del módulo y propone una ruta de estudio.": "Neste vídeo, a equipe docente apresenta os temas do módulo e propõe um roteiro de estudo.",
    **_numbered_extra(1, _ES_MODULE_TITLES[1], MODULES[0]["title"]),
}
