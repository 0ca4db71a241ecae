"""Helpers of the translation tests that act as an attacker would: through the admin's endpoints,
with the translation editor's own requests."""

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

# Markup a translator might try to slip into a segment, each a way script has run in a browser.
HOSTILE_MARKUP = {
    "comment a browser ends at --!>": "Texto<!--x--!><img src=x onerror=alert(1)>-->",
    "CDATA section a browser ends at >": "Texto<![CDATA[><img src=x onerror=alert(1)>]]>",
    "img with onerror": "Texto <img src=x onerror=alert(1)>",
    "script element": "Texto <script>alert(1)</script>",
    "event handler on an allowed tag": '<b onmouseover="alert(1)">Texto</b>',
    "link with a javascript: address": '<a href="javascript:alert(1)">Texto</a>',
    "tag left open at the end": "Texto <img src=x onerror=alert(1)",
    "processing instruction": "Texto <?xml-stylesheet href=x?>",
    "svg with onload": "Texto <svg onload=alert(1)>",
    "null character": "Texto\x00",
}
SCRIPT_SIGNS = ("onerror", "onmouseover", "onload", "<script", "javascript:", "<![CDATA[", "<!--")


def put(client, url, value):
    """A PUT as wagtail-localize's translation editor sends it (a multipart form)."""
    return client.put(url, encode_multipart(BOUNDARY, {"value": value}), MULTIPART_CONTENT)


def segment_url(translation, segment):
    return reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])


def override_url(translation, segment):
    return reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])


def rich_segment(translation):
    """A segment of a rich-text paragraph (it has bold text) of ``translation``'s source."""
    return (
        translation.source.stringsegment_set.select_related("string", "context")
        .filter(string__data__contains="<b>")
        .order_by("order")
        .first()
    )


def stored(translation, segment):
    """The stored translation text of ``segment`` (None when there is none)."""
    from wagtail_localize.models import StringTranslation

    row = StringTranslation.objects.filter(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        locale_id=translation.target_locale_id,
    ).first()
    return row and row.data


def library_editor(django_user_model, library):
    """Someone who may submit pages for translation and edit the resource library only: the
    demo's editors with a narrower page tree (the role past advisories were about)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Library editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=library, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("editora-biblioteca", password="x")
    user.groups.add(group)
    return user
