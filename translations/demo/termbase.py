# ruff: noqa: E501
"""Termbase for the demo course on migrant children in the Americas.

Pure Python data (no Django imports). ``TERMS`` lists the key terminology of the
course with its preferred equivalents in English, Brazilian Portuguese and French,
plus forbidden renderings per locale and a one-sentence usage note in English.

Run ``validate()`` to check the structure (and that the Spanish terms occur in
``course_content/demo/content.py``, except for the listed exceptions).
"""

TERMS = [
    {
        "es": "niñas, niños y adolescentes",
        "en": "children and adolescents",
        "pt-br": "crianças e adolescentes",
        "fr": "enfants et adolescents",
        "forbidden": {"en": ["minors", "kids"], "pt-br": ["menores"], "fr": ["mineurs"]},
        "note": "Render the inclusive Spanish formula (and its acronym NNA) with the neutral plural, never with terms that define children by legal incapacity.",
    },
    {
        "es": "niñez migrante",
        "en": "migrant children",
        "pt-br": "crianças e adolescentes migrantes",
        "fr": "enfants migrants",
        "forbidden": {
            "en": ["migrant minors"],
            "pt-br": ["menores migrantes"],
            "fr": ["mineurs migrants"],
        },
        "note": "Collective term for all children and adolescents affected by migration, whatever their status.",
    },
    {
        "es": "niñez en movilidad",
        "en": "children on the move",
        "pt-br": "crianças e adolescentes em mobilidade",
        "fr": "enfants en situation de mobilité",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "Broader than migrant children, covering children in transit, displaced, returned or seeking protection.",
    },
    {
        "es": "interés superior del niño",
        "en": "best interests of the child",
        "pt-br": "interesse superior da criança",
        "fr": "intérêt supérieur de l'enfant",
        "forbidden": {
            "en": ["best interest of the minor"],
            "pt-br": ["interesse superior do menor"],
            "fr": ["intérêt supérieur du mineur"],
        },
        "note": "Keep the plural 'best interests' in English, as in article 3 of the Convention on the Rights of the Child.",
    },
    {
        "es": "determinación del interés superior",
        "en": "best interests determination",
        "pt-br": "determinação do interesse superior",
        "fr": "détermination de l'intérêt supérieur",
        "forbidden": {"en": ["best interests assessment"], "pt-br": [], "fr": []},
        "note": "A formal procedure with procedural safeguards for decisions with lasting effects, not to be confused with the lighter best interests assessment.",
    },
    {
        "es": "evaluación del interés superior",
        "en": "best interests assessment",
        "pt-br": "avaliação do interesse superior",
        "fr": "évaluation de l'intérêt supérieur",
        "forbidden": {"en": ["best interests determination"], "pt-br": [], "fr": []},
        "note": "The ongoing assessment that accompanies individual actions, distinct from the formal determination procedure.",
    },
    {
        "es": "niñez no acompañada",
        "en": "unaccompanied children",
        "pt-br": "crianças e adolescentes desacompanhados",
        "fr": "enfants non accompagnés",
        "forbidden": {
            "en": ["unaccompanied minors", "UAMs"],
            "pt-br": ["menores desacompanhados"],
            "fr": ["mineurs isolés étrangers"],
        },
        "note": "Defined in General Comment 6 of the Committee on the Rights of the Child; the course text uses the form 'NNA no acompañados'.",
    },
    {
        "es": "niñez separada",
        "en": "separated children",
        "pt-br": "crianças e adolescentes separados",
        "fr": "enfants séparés",
        "forbidden": {"en": ["separated minors"], "pt-br": ["menores separados"], "fr": []},
        "note": "Children separated from both parents or their usual caregivers but not necessarily from other relatives; the course text uses 'NNA separados'.",
    },
    {
        "es": "solicitante de asilo",
        "en": "asylum seeker",
        "pt-br": "solicitante de refúgio",
        "fr": "demandeur d'asile",
        "forbidden": {
            "en": ["illegal asylum seeker", "bogus asylum seeker"],
            "pt-br": ["refugiado ilegal"],
            "fr": ["faux demandeur d'asile"],
        },
        "note": "In Brazil the procedure is called 'refúgio', so the Portuguese equivalent follows that national usage.",
    },
    {
        "es": "persona refugiada",
        "en": "refugee",
        "pt-br": "pessoa refugiada",
        "fr": "personne réfugiée",
        "forbidden": {"en": ["illegal refugee"], "pt-br": [], "fr": []},
        "note": "Keep the person-first form in Portuguese and French, while plain 'refugee' is sufficient in English.",
    },
    {
        "es": "protección internacional",
        "en": "international protection",
        "pt-br": "proteção internacional",
        "fr": "protection internationale",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "Umbrella term covering refugee status, complementary protection and related forms of protection.",
    },
    {
        "es": "no devolución",
        "en": "non-refoulement",
        "pt-br": "não devolução",
        "fr": "non-refoulement",
        "forbidden": {"en": ["non-return", "no-return"], "pt-br": [], "fr": []},
        "note": "Use the established legal term 'non-refoulement' in English and French rather than a literal rendering.",
    },
    {
        "es": "detención migratoria",
        "en": "immigration detention",
        "pt-br": "detenção migratória",
        "fr": "détention liée à l'immigration",
        "forbidden": {
            "en": ["migrant sheltering", "administrative accommodation"],
            "pt-br": ["acolhimento"],
            "fr": ["hébergement"],
        },
        "note": "Never soften a deprivation of liberty with euphemisms such as sheltering or accommodation.",
    },
    {
        "es": "apatridia",
        "en": "statelessness",
        "pt-br": "apatridia",
        "fr": "apatridie",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "The condition of a person not considered a national by any State under the operation of its law.",
    },
    {
        "es": "trata de personas",
        "en": "trafficking in persons",
        "pt-br": "tráfico de pessoas",
        "fr": "traite des personnes",
        "forbidden": {
            "en": ["human smuggling", "white slavery"],
            "pt-br": ["contrabando de migrantes"],
            "fr": ["trafic de migrants"],
        },
        "note": "Palermo Protocol crime based on exploitation, whose official Brazilian equivalent is 'tráfico de pessoas' and must never be confused with smuggling.",
    },
    {
        "es": "tráfico ilícito de migrantes",
        "en": "smuggling of migrants",
        "pt-br": "contrabando de migrantes",
        "fr": "trafic illicite de migrants",
        "forbidden": {
            "en": ["trafficking of migrants", "human trafficking"],
            "pt-br": ["tráfico de pessoas"],
            "fr": ["traite des migrants"],
        },
        "note": "A crime against the State's border regime that involves procuring illegal entry for gain, distinct from trafficking in persons.",
    },
    {
        "es": "retorno",
        "en": "return",
        "pt-br": "retorno",
        "fr": "retour",
        "forbidden": {"en": ["deportation"], "pt-br": ["deportação"], "fr": ["expulsion"]},
        "note": "Use deportation or expulsion only where the source explicitly describes a forced removal.",
    },
    {
        "es": "reintegración",
        "en": "reintegration",
        "pt-br": "reintegração",
        "fr": "réintégration",
        "forbidden": {"en": ["reinsertion"], "pt-br": ["reinserção"], "fr": ["réinsertion"]},
        "note": "Refers to sustainable reintegration after return, not to the criminal-justice notion of reinsertion.",
    },
    {
        "es": "reunificación familiar",
        "en": "family reunification",
        "pt-br": "reunificação familiar",
        "fr": "réunification familiale",
        "forbidden": {"en": ["family regrouping"], "pt-br": ["reagrupamento familiar"], "fr": []},
        "note": "In French, 'regroupement familial' names a specific immigration procedure, so prefer 'réunification familiale' for refugees and children.",
    },
    {
        "es": "protección integral",
        "en": "comprehensive protection",
        "pt-br": "proteção integral",
        "fr": "protection intégrale",
        "forbidden": {"en": ["integral protection"], "pt-br": [], "fr": []},
        "note": "Names the doctrine and the systems that replaced the doctrine of the irregular situation.",
    },
    {
        "es": "sistema nacional de protección",
        "en": "national protection system",
        "pt-br": "sistema nacional de proteção",
        "fr": "système national de protection",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "Short form for each country's national system for the comprehensive protection of the rights of children and adolescents.",
    },
    {
        "es": "enfoque de derechos",
        "en": "rights-based approach",
        "pt-br": "abordagem baseada em direitos",
        "fr": "approche fondée sur les droits",
        "forbidden": {"en": ["rights focus"], "pt-br": ["foco em direitos"], "fr": []},
        "note": "Use the established development-cooperation term rather than a literal rendering of 'enfoque'.",
    },
    {
        "es": "movilidad humana",
        "en": "human mobility",
        "pt-br": "mobilidade humana",
        "fr": "mobilité humaine",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "Broad descriptive term for all forms of movement of people, with no legal definition of its own.",
    },
    {
        "es": "flujos mixtos",
        "en": "mixed flows",
        "pt-br": "fluxos mistos",
        "fr": "flux mixtes",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "'Mixed movements' is an accepted UNHCR variant, but keep a single form within each document.",
    },
    {
        "es": "autonomía progresiva",
        "en": "progressive autonomy",
        "pt-br": "autonomia progressiva",
        "fr": "autonomie progressive",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "Linked to the notion of evolving capacities in article 5 of the Convention on the Rights of the Child.",
    },
    {
        "es": "situación migratoria",
        "en": "migration status",
        "pt-br": "situação migratória",
        "fr": "situation migratoire",
        "forbidden": {
            "en": ["illegal status"],
            "pt-br": ["situação ilegal"],
            "fr": ["clandestinité"],
        },
        "note": "Describe a person's status as regular or irregular, never as legal or illegal.",
    },
    {
        "es": "regularización",
        "en": "regularization",
        "pt-br": "regularização migratória",
        "fr": "régularisation",
        "forbidden": {"en": ["legalization", "amnesty"], "pt-br": ["legalização"], "fr": []},
        "note": "Refers to the procedure by which a person obtains a regular migration status.",
    },
    {
        "es": "registro de nacimientos",
        "en": "birth registration",
        "pt-br": "registro de nascimento",
        "fr": "enregistrement des naissances",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "Key to SDG target 16.9 on legal identity and to preventing statelessness.",
    },
    {
        "es": "corresponsabilidad",
        "en": "shared responsibility",
        "pt-br": "corresponsabilidade",
        "fr": "coresponsabilité",
        "forbidden": {"en": ["co-responsibility"], "pt-br": [], "fr": []},
        "note": "The joint duty of the State, families and the community to guarantee children's rights.",
    },
    {
        "es": "no discriminación",
        "en": "non-discrimination",
        "pt-br": "não discriminação",
        "fr": "non-discrimination",
        "forbidden": {"en": [], "pt-br": [], "fr": []},
        "note": "One of the four general principles of the Convention on the Rights of the Child.",
    },
]


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

_SOURCE_PATH = "/work/main/course_content/demo/content.py"
_LOCALES = ("en", "pt-br", "fr")
_KEYS = ("es", "en", "pt-br", "fr", "forbidden", "note")
# Requested terms that the Spanish source only uses in the "NNA ..." form.
_NOT_IN_SOURCE = {"niñez no acompañada", "niñez separada"}


def _source_text():
    import importlib.util

    spec = importlib.util.spec_from_file_location("_demo_content_es", _SOURCE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def strings(obj):
        if isinstance(obj, str):
            yield obj
        elif isinstance(obj, dict):
            for value in obj.values():
                yield from strings(value)
        elif isinstance(obj, list):
            for value in obj:
                yield from strings(value)

    data = [module.COURSE, module.MODULES, module.COUNTRIES, module.RESOURCES]
    return " ".join(strings(data)).lower()


def validate():
    """Assert the structure of the termbase; return True if all pass."""
    assert len(TERMS) >= 18, len(TERMS)
    spanish = [term["es"] for term in TERMS]
    assert len(set(spanish)) == len(spanish)
    for term in TERMS:
        assert tuple(term) == _KEYS, term.get("es")
        assert all(isinstance(term[k], str) and term[k].strip() for k in _KEYS if k != "forbidden")
        assert set(term["forbidden"]) == set(_LOCALES), term["es"]
        for locale in _LOCALES:
            forbidden = term["forbidden"][locale]
            assert isinstance(forbidden, list), term["es"]
            assert all(isinstance(f, str) and f.strip() for f in forbidden), term["es"]
            assert term[locale].lower() not in {f.lower() for f in forbidden}, term["es"]
        note = term["note"]
        assert note.endswith(".") and ". " not in note, term["es"]
    assert sum(bool(term["forbidden"]["en"]) for term in TERMS) >= 8

    nna = TERMS[0]
    assert nna["es"] == "niñas, niños y adolescentes" and nna["en"] == "children and adolescents"
    assert nna["forbidden"] == {"en": ["minors", "kids"], "pt-br": ["menores"], "fr": ["mineurs"]}
    required = {
        "interés superior del niño", "niñez no acompañada", "niñez separada",
        "solicitante de asilo", "persona refugiada", "retorno", "reintegración",
        "protección integral", "sistema nacional de protección", "no devolución",
        "detención migratoria", "determinación del interés superior", "apatridia",
        "trata de personas", "tráfico ilícito de migrantes", "reunificación familiar",
        "enfoque de derechos",
    }  # fmt: skip
    assert required <= set(spanish), required - set(spanish)

    text = _source_text()
    missing = {term["es"] for term in TERMS if term["es"].lower() not in text}
    assert missing <= _NOT_IN_SOURCE, missing
    return True


if __name__ == "__main__":
    validate()
    print("ok")
