# ruff: noqa: E501
"""Mexican Spanish (es-MX) regional adaptation of two demo course pages.

Pure Python data (no Django imports). ``ADAPTATIONS`` is keyed by module number;
each value maps an EXACT Spanish source string of that module in
``course_content/demo/content.py`` (inline tags included) to its Mexican adaptation.
Only regional differences change: vocabulary, Mexican institutions and legal references.
Institutional references are illustrative and must be checked before any real use.

Run ``validate()`` to check the keys against the Spanish source.
"""

ADAPTATIONS = {
    # --- Module 1: derechos-nna-politicas-publicas
    1: {
        "Presenta el enfoque de derechos de la niñez y la adolescencia y su traducción en políticas públicas capaces de incluir efectivamente a la niñez migrante.": "Presenta el enfoque de derechos de la niñez y la adolescencia y su traducción en políticas públicas —como las que articula en México el Sistema Nacional de Protección Integral de Niñas, Niños y Adolescentes (SIPINNA)— capaces de incluir efectivamente a la niñez migrante.",
        "Durante buena parte del siglo XX, las legislaciones de la región se apoyaron en la llamada doctrina de la situación irregular. Esta concebía a la infancia pobre, abandonada o en conflicto con la ley como un objeto de intervención estatal. El juez de menores concentraba amplias facultades discrecionales y la internación en instituciones era la respuesta habitual. Bajo ese modelo, la voz de niñas, niños y adolescentes apenas contaba y las causas estructurales de su situación, como la exclusión social o la violencia, quedaban fuera del análisis.": "Durante buena parte del siglo XX, las legislaciones de México y de la región se apoyaron en la llamada doctrina de la situación irregular. Esta concebía a la infancia pobre, abandonada o en conflicto con la ley como un objeto de intervención estatal. Los consejos tutelares para menores concentraban amplias facultades discrecionales y el internamiento en instituciones era la respuesta habitual. Bajo ese modelo, la voz de niñas, niños y adolescentes apenas contaba y las causas estructurales de su situación, como la exclusión social o la violencia, quedaban fuera del análisis.",
        "La adopción de la Convención sobre los Derechos del Niño en 1989 marcó un cambio de paradigma. Con la <b>doctrina de la protección integral</b>, las niñas, niños y adolescentes (NNA) pasan a ser reconocidos como sujetos plenos de derechos, con capacidades que se desarrollan de forma progresiva. El Estado deja de ser un tutor que decide por ellos y asume la obligación de garantizar sus derechos, en corresponsabilidad con las familias y la comunidad. Este giro exige transformar leyes e instituciones, pero también las prácticas cotidianas de quienes trabajan con la niñez.": "La adopción de la Convención sobre los Derechos del Niño en 1989 marcó un cambio de paradigma. Con la <b>doctrina de la protección integral</b>, las niñas, niños y adolescentes (NNA) pasan a ser reconocidos como sujetos plenos de derechos, con capacidades que se desarrollan de forma progresiva. El Estado deja de ser un tutor que decide por ellos y asume la obligación de garantizar sus derechos, en corresponsabilidad con las familias y la comunidad. En México, este giro se consolidó con la Ley General de los Derechos de Niñas, Niños y Adolescentes de 2014, que creó el SIPINNA y las procuradurías de protección; su puesta en práctica exige transformar instituciones, pero también las prácticas cotidianas de quienes trabajan con la niñez.",
        "El principio de no discriminación tiene especial relevancia para la niñez migrante. Los derechos reconocidos en la Convención corresponden a toda niña, niño o adolescente que se encuentre bajo la jurisdicción de un Estado, con independencia de su nacionalidad o de su situación migratoria y la de sus padres. Por lo tanto, el acceso a la educación, la salud, la identidad o la protección frente a la violencia no puede condicionarse a la regularidad de la estancia ni a documentos que la familia no está en condiciones de obtener.": "El principio de no discriminación tiene especial relevancia para la niñez migrante. Los derechos reconocidos en la Convención corresponden a toda niña, niño o adolescente que se encuentre bajo la jurisdicción de un Estado, con independencia de su nacionalidad o de su situación migratoria y la de sus padres. Por lo tanto, el acceso a la educación, la salud, la identidad o la protección frente a la violencia no puede condicionarse a contar con una condición de estancia regular ante el Instituto Nacional de Migración, a tener CURP ni a presentar documentos que la familia no está en condiciones de obtener.",
        "Una política pública es un curso de acción sostenido que el Estado adopta para responder a un problema reconocido como asunto público. Su ciclo suele describirse en etapas: identificación del problema, formulación, adopción, implementación y evaluación. En la práctica, estas etapas se superponen y están atravesadas por negociaciones políticas, restricciones presupuestarias y capacidades institucionales muy desiguales entre territorios, lo que explica que una misma norma produzca resultados distintos en la capital y en una zona de frontera.": "Una política pública es un curso de acción sostenido que el Estado adopta para responder a un problema reconocido como asunto público. Su ciclo suele describirse en etapas: identificación del problema, formulación, adopción, implementación y evaluación. En la práctica, estas etapas se superponen y están atravesadas por negociaciones políticas, restricciones presupuestarias y capacidades institucionales muy desiguales entre entidades federativas y municipios, lo que explica que una misma ley produzca resultados distintos en la Ciudad de México y en un municipio de la frontera sur.",
        "Incorporar el enfoque de derechos supone que cada etapa del ciclo se guíe por las obligaciones del Estado y no solo por criterios de eficiencia. Implica recopilar datos desagregados, asignar presupuesto suficiente y protegido, asegurar la participación de NNA y establecer mecanismos de rendición de cuentas. También obliga a mirar a quienes suelen quedar fuera de las estadísticas: la niñez en tránsito, la que vive en comunidades fronterizas o la que carece de documentos de identidad.": "Incorporar el enfoque de derechos supone que cada etapa del ciclo se guíe por las obligaciones del Estado y no solo por criterios de eficiencia. Implica recopilar datos desagregados, etiquetar presupuesto suficiente y protegido, asegurar la participación de NNA y establecer mecanismos de rendición de cuentas. También obliga a mirar a quienes suelen quedar fuera de las estadísticas: la niñez en tránsito, la que vive en comunidades fronterizas o la que no cuenta con acta de nacimiento ni CURP.",
        "Valentina tiene 11 años y llegó hace cuatro meses con su madre, Carmen, a una ciudad intermedia del país de destino. La escuela más cercana exige, para matricularla, un documento nacional de identidad y un certificado de estudios legalizado del país de origen. Carmen tiene en trámite su solicitud de regularización y no puede viajar para obtener el certificado. Mientras tanto, Valentina pasa el día sola en la habitación que alquilan y ha comenzado a decir que ya no quiere estudiar.": "Valentina tiene 11 años y llegó hace cuatro meses con su mamá, Carmen, a una ciudad mediana del Bajío. La primaria más cercana exige, para inscribirla, la CURP y un certificado de estudios apostillado del país de origen. Carmen tiene en trámite su regularización migratoria ante el INM y no puede viajar para obtener el certificado. Mientras tanto, Valentina pasa el día sola en el cuarto que rentan y ha comenzado a decir que ya no quiere estudiar.",
        "¿Qué acciones podría impulsar el sistema local de protección para resolver el caso de Valentina y evitar que situaciones similares se repitan?": "¿Qué acciones podrían impulsar el DIF municipal y la Procuraduría de Protección de Niñas, Niños y Adolescentes para resolver el caso de Valentina y evitar que situaciones similares se repitan?",
    },
    # --- Module 2: migracion-mundo-ods
    2: {
        "Ofrece un panorama de la movilidad humana a escala global y regional, y analiza cómo la Agenda 2030 integra la migración y los derechos de la niñez.": "Ofrece un panorama de la movilidad humana a escala global y regional —con especial atención a México como país de origen, tránsito, destino y retorno— y analiza cómo la Agenda 2030 integra la migración y los derechos de la niñez.",
        "<i>Movilidad humana</i> es un término amplio que abarca las distintas formas de desplazamiento de personas: migración interna e internacional, refugio, desplazamiento forzado, movimientos estacionales o circulares y retorno. No existe una definición jurídica universal de «migrante»; en cambio, la condición de refugiado sí está definida en la Convención de 1951 y su Protocolo de 1967, y en América Latina fue ampliada por la Declaración de Cartagena de 1984 para incluir a quienes huyen de la violencia generalizada o de violaciones masivas de derechos humanos.": "<i>Movilidad humana</i> es un término amplio que abarca las distintas formas de desplazamiento de personas: migración interna e internacional, refugio, desplazamiento forzado, movimientos estacionales o circulares y retorno. No existe una definición jurídica universal de «migrante»; en cambio, la condición de refugiado sí está definida en la Convención de 1951 y su Protocolo de 1967, y en América Latina fue ampliada por la Declaración de Cartagena de 1984 para incluir a quienes huyen de la violencia generalizada o de violaciones masivas de derechos humanos. México retomó esa definición ampliada en su Ley sobre Refugiados, Protección Complementaria y Asilo Político, que aplica la Comisión Mexicana de Ayuda a Refugiados (COMAR).",
        "En las Américas, el corredor histórico hacia el norte convive hoy con intensos flujos intrarregionales. En la última década, millones de personas salieron de Venezuela hacia países sudamericanos y caribeños; la migración haitiana se diversificó; y las rutas de tránsito, incluida la travesía por la selva del Darién, registraron cifras inéditas de familias con hijos pequeños. Estos cambios obligan a los sistemas de protección a responder al tránsito, a la permanencia prolongada y al retorno de manera simultánea.": "En las Américas, el corredor histórico hacia Estados Unidos, que atraviesa todo el territorio mexicano, convive hoy con intensos flujos intrarregionales. En la última década, millones de personas salieron de Venezuela hacia países sudamericanos y caribeños; la migración haitiana se diversificó; y las rutas de tránsito, incluida la travesía por la selva del Darién, registraron cifras inéditas de familias con hijos pequeños que después ingresan a México por la frontera sur. Estos cambios obligan a los sistemas de protección a responder al tránsito, a la permanencia prolongada y al retorno de manera simultánea.",
        "Si las estadísticas de educación, salud o protección no distinguen la condición migratoria y la edad, es imposible saber si la niñez migrante está quedando atrás. Los datos deben recogerse con salvaguardas que impidan su uso para fines de control migratorio.": "Si las estadísticas de educación, salud o protección no distinguen la condición migratoria y la edad, es imposible saber si la niñez migrante está quedando atrás. Los datos deben recabarse con salvaguardas que impidan su uso para fines de control migratorio, por ejemplo por parte del INM.",
        "Joel, de 15 años, viaja con su madre, Rosa, y su hermana Ana, de 8, a través de tres países. Salieron tras recibir amenazas en su barrio. En el trayecto comparten albergue con trabajadores temporales, con una familia que busca reunirse con el padre y con dos adolescentes que viajan solos. Ana no tiene acta de nacimiento y Joel lleva un año sin asistir a la escuela.": "Joel, de 15 años, viaja con su mamá, Rosa, y su hermana Ana, de 8, a través de tres países hasta llegar a la frontera sur de México. Salieron tras recibir amenazas en su colonia. En Tapachula comparten albergue con jornaleros temporales, con una familia que busca reunirse con el papá y con dos adolescentes que viajan solos. Ana no tiene acta de nacimiento y Joel lleva un año sin ir a la secundaria.",
        "¿Qué información sobre niñez migrante produce su institución o su país? ¿Permite saber cuántos NNA en movilidad acceden a la escuela, a la salud o a servicios de protección?": "¿Qué información sobre niñez migrante produce su institución, o fuentes nacionales como la Unidad de Política Migratoria de la Secretaría de Gobernación o el INEGI? ¿Permite saber cuántos NNA en movilidad acceden a la escuela, a la salud o a servicios de protección como los del DIF?",
        "Identifique las fuentes de datos disponibles y sus vacíos: falta de desagregación por edad, sexo o condición migratoria, o registros que no se comparten entre instituciones. Piense en una medida realista para mejorar la información sin poner en riesgo a las familias.": "Identifique las fuentes de datos disponibles y sus vacíos: falta de desagregación por edad, sexo o condición migratoria, o registros que no se comparten entre el INM, la COMAR, los sistemas DIF y las procuradurías de protección. Piense en una medida realista para mejorar la información sin poner en riesgo a las familias.",
    },
}


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

_SOURCE_PATH = "/work/main/course_content/demo/content.py"


def _load_source():
    import importlib.util

    spec = importlib.util.spec_from_file_location("_demo_content_es", _SOURCE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _strings(obj):
    """Yield every string value nested in ``obj``."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from _strings(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _strings(value)


def validate():
    """Assert every key is an exact source string of its module; return True if all pass."""
    import re

    es = _load_source()
    assert set(ADAPTATIONS) == {1, 2}
    for number, entries in ADAPTATIONS.items():
        module = es.MODULES[number - 1]
        assert module["number"] == number
        source = set(_strings(module))
        assert 4 <= len(entries) <= 8, (number, len(entries))
        for original, adapted in entries.items():
            assert original in source, (number, original[:60])
            assert isinstance(adapted, str) and adapted.strip(), (number, original[:60])
            assert adapted != original, (number, original[:60])
            tags = re.findall(r"</?\w+>", original)
            assert tags == re.findall(r"</?\w+>", adapted), (number, original[:60])
            assert original.count("<") == adapted.count("<"), (number, original[:60])
    return True


if __name__ == "__main__":
    validate()
    print("ok")
