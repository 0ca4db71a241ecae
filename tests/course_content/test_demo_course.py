from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from course_content.demo import content
from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    ModulePage,
    ResourcePage,
)

pytestmark = pytest.mark.django_db


def test_demo_course_matches_the_course_facts(demo):
    course = demo.course
    assert course.declared_hours == 85
    assert course.pass_mark == 70
    modules = list(ModulePage.objects.child_of(course).live().order_by("number"))
    assert [m.number for m in modules] == list(range(1, 11))
    assert all(m.locale.language_code == "es" for m in modules)
    assert [m.has_country_units for m in modules].count(True) == 1
    units = CountryUnitPage.objects.child_of(demo.module(5)).live()
    assert units.count() == 19
    assert len({unit.country for unit in units}) == 19
    assert all(unit.illustrative for unit in units)
    for module in modules:
        evaluation = EvaluationPage.objects.child_of(module).live().get()
        assert len(evaluation.questions) >= 5
        assert evaluation.total_points == 100
        kinds = {block.block_type for block in evaluation.questions}
        assert kinds == {"single_choice", "multiple_choice", "true_false"}
    assert Site.objects.get(is_default_site=True).root_page_id == demo.home.pk


def test_demo_resources_cover_every_type_with_real_files(demo):
    resources = ResourcePage.objects.live().child_of(demo.library)
    assert resources.count() >= 30
    counts = Counter(resources.values_list("resource_type", flat=True))
    assert set(counts) == {"document", "video", "audio", "infographic", "link", "toolkit"}
    assert min(counts.values()) >= 5
    for resource in resources.filter(resource_type__in=["document", "toolkit", "audio"]):
        assert resource.document.file.size > 0
    for resource in resources.filter(resource_type="infographic"):
        assert resource.image.width > 0 and resource.image_alt
    for resource in resources.filter(resource_type__in=["video", "audio"]):
        assert resource.transcript


def test_loading_again_is_idempotent_and_reset_rebuilds(demo):
    def counts():
        return (
            CoursePage.objects.filter(locale__language_code="es").count(),
            ModulePage.objects.filter(locale__language_code="es").count(),
        )

    pages_before = counts()
    out = StringIO()
    call_command("load_demo_course", stdout=out)
    assert "already loaded" in out.getvalue()
    assert counts() == pages_before

    old_course_id = demo.course.pk
    out = StringIO()
    call_command("load_demo_course", "--reset", stdout=out)
    assert "Demo course ready" in out.getvalue()
    assert "module 10/10" in out.getvalue()
    assert counts() == pages_before
    course = CoursePage.objects.get(slug=content.COURSE["slug"], locale__language_code="es")
    assert course.pk != old_course_id
    assert Site.objects.get(is_default_site=True).root_page.specific.get_children().count() == 2


def test_ensure_admin_creates_once_and_honours_the_password(django_user_model):
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "Created superuser 'admin' with password:" in out.getvalue()
    generated = out.getvalue().split("password: ")[1].split()[0]
    assert django_user_model.objects.get(username="admin").check_password(generated)

    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "already exists" in out.getvalue()

    call_command("ensure_admin", "--password", "n3w-s3cret!", stdout=StringIO())
    assert django_user_model.objects.get(username="admin").check_password("n3w-s3cret!")
