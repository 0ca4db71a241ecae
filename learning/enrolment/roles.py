"""The enrolment managers' group, set up like the editorial roles (``editorial.roles``).

Enrolment managers review applications in the admin (approve, reject, with a note), export
applications and learners as CSV, and delete an application on request. They edit no page.
The group is named in Spanish, the language of the course team (see the README's "Interface
language").
"""

from editorial.roles import Role, setup_roles

ENROLMENT_MANAGERS = "Gestores de inscripciones"

ROLES = [
    Role(
        ENROLMENT_MANAGERS,
        model_permissions=(
            "wagtailadmin.access_admin",
            "learning.view_application",
            "learning.change_application",
            "learning.delete_application",
            "learning.view_enrolment",
        ),
        description="Review applications (approve or reject, with a note); export applications "
        "and learners.",
    ),
]


def setup_enrolment_roles():
    """Create or update the enrolment managers' group and its permissions. Idempotent."""
    return setup_roles(roles=ROLES)
