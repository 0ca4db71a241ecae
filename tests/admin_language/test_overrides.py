"""The admin strings Wagtail writes without gettext: our template overrides and login form."""

import re
from pathlib import Path

import pytest
import wagtail.admin
from django.urls import reverse

from admin_language.overrides import OVERRIDES

ROOT = Path(__file__).resolve().parents[2]
WAGTAIL_TEMPLATES = Path(wagtail.admin.__file__).parent / "templates"


@pytest.mark.parametrize("name", sorted(OVERRIDES))
def test_each_override_is_wagtails_template_with_the_strings_translated(name):
    """A Wagtail upgrade that changes one of these templates fails here: copy it again and
    apply the replacements of ``admin_language/overrides.py``."""
    text = (WAGTAIL_TEMPLATES / name).read_text()
    for old, new in OVERRIDES[name]:
        assert text.count(old) == 1, f"{name}: {old!r} is no longer in Wagtail's template"
        text = text.replace(old, new)
    assert (ROOT / "admin_language" / "templates" / name).read_text() == text


@pytest.mark.django_db
def test_search_buttons_landmarks_yes_no_columns_and_the_login_form_in_spanish(client, user):
    es = {"accept-language": "es"}
    login = client.get(reverse("wagtailadmin_login"), headers=es).content.decode()
    assert "Contraseña" in login and ">Password<" not in " ".join(login.split())

    client.force_login(user("administrador"))
    home = client.get(reverse("wagtailadmin_home"), headers=es).content.decode()
    assert 'value="Buscar"' in home or 'value="Búsqueda"' in home
    users = client.get(reverse("wagtailusers_users:index"), headers=es).content.decode()
    assert 'aria-label="Acciones"' in users
    active = re.findall(r'<td class="status">.*?</td>', users, re.S)
    assert active and all("Sí" in cell and "True" not in cell for cell in active)


@pytest.mark.django_db
def test_a_yes_no_value_in_a_plain_column_reads_yes_or_no(client, user):
    client.force_login(user("administrador"))
    html = client.get(
        reverse("wagtailsnippets_translations_term:list"), headers={"accept-language": "fr"}
    ).content.decode()
    cells = re.findall(r"<td[^>]*>\s*(\w+)\s*</td>", html)
    assert "Non" in cells
    assert "False" not in cells and "True" not in cells


@pytest.mark.django_db
def test_the_workflow_status_says_when_in_the_readers_language(client, user, demo):
    """Wagtail writes "Sent to <task> 4 minutes ago" with humanize's naturaltime."""
    module = demo.module(4)
    module.get_workflow().start(module, user("editora"))
    client.force_login(user("revisor"))
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[module.pk]), headers={"accept-language": "es"}
    ).content.decode()
    status = " ".join(re.search(r"Enviada a Revisión de contenido[^<]*", html).group(0).split())
    assert re.match(
        r"Enviada a Revisión de contenido (ahora|hace \d+ segundos?|hace 1 minuto) por Elena "
        r"Editora$",
        status,
    )
