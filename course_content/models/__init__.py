from .country_unit import CountryUnitPage
from .course import CoursePage
from .evaluation import EvaluationPage
from .home import HomePage
from .module import ModulePage, ModuleRelatedResource
from .resources import ResourceCountry, ResourceLibraryPage, ResourcePage

__all__ = [
    "CountryUnitPage",
    "CoursePage",
    "EvaluationPage",
    "HomePage",
    "ModulePage",
    "ModuleRelatedResource",
    "ResourceCountry",
    "ResourceLibraryPage",
    "ResourcePage",
]
