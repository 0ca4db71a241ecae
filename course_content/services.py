"""Write-side operations on course content, shared by commands, tasks and tests."""

from django.db import transaction
from wagtail.models import Page, Site


@transaction.atomic
def add_published_page(*, parent, page, user=None):
    """Add ``page`` under ``parent``, save a first revision and publish it."""
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


@transaction.atomic
def make_site_root(*, home, hostname="localhost", port=80, site_name=""):
    """Point the default site at ``home``, creating the site if there is none."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname=hostname, port=port)
    site.root_page = home
    site.site_name = site_name or home.title
    site.save()
    return site


def remove_wagtail_welcome_page():
    """Delete the placeholder page a fresh Wagtail database starts with, if it is still there."""
    welcome = Page.objects.filter(depth=2, content_type__model="page", numchild=0)
    for page in welcome:
        if not Site.objects.filter(root_page=page).exists():
            page.delete()
