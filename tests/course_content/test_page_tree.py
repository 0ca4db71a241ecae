from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from course_content.models import (
    CountryUnitPage,
    CoursePage,
    EvaluationPage,
    HomePage,
    ModulePage,
    ResourceLibraryPage,
    ResourcePage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_holds_courses_and_the_library(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {CoursePage, ResourceLibraryPage})

    def test_course_holds_only_modules(self):
        self.assertAllowedParentPageTypes(CoursePage, {HomePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})

    def test_module_holds_country_units_and_its_evaluation(self):
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, {CountryUnitPage, EvaluationPage})

    def test_leaves(self):
        for model in (CountryUnitPage, EvaluationPage, ResourcePage):
            self.assertAllowedSubpageTypes(model, set())
        self.assertAllowedParentPageTypes(CountryUnitPage, {ModulePage})
        self.assertAllowedParentPageTypes(EvaluationPage, {ModulePage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceLibraryPage})
        self.assertAllowedParentPageTypes(ResourceLibraryPage, {HomePage})

    def test_one_evaluation_per_module_and_one_library_per_home(self):
        home = HomePage.objects.get(depth=2, locale__language_code="es")
        module = ModulePage.objects.get(number=1, locale__language_code="es")
        self.assertFalse(EvaluationPage.can_create_at(module))
        self.assertFalse(ResourceLibraryPage.can_create_at(home))
        self.assertTrue(CoursePage.can_create_at(home))
