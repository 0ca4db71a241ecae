"""Admin integration of the learner side: each part registers its own hooks."""

from .enrolment import admin as enrolment_admin  # noqa: F401
from .study import admin as study_admin  # noqa: F401
