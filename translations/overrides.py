"""What a translator may put in place of a synchronised value (wagtail-localize's "overrides").

An override is checked with the validators of the field or block it replaces, as the page editor
would check it, before it is stored:

- a link's address in rich text, a URL field or block (a resource's external link, a legal
  instrument's link, a video's address): an absolute address whose scheme is http, https or
  mailto (so never ``javascript:`` or ``data:``), valid for the field's own validators;
- another text field (a resource's publisher…): the field's validators (its maximum length);
- a chosen object (an image, a document such as a video's captions, a page): the id of one that
  exists and that the translator may choose;
- anything else cannot be overridden.
"""

from urllib.parse import urlsplit

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import EmailValidator, ProhibitNullCharactersValidator, URLValidator
from django.db import models
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

ALLOWED_SCHEMES = ("http", "https", "mailto")
MAX_ID = 2**31 - 1


def link_problem(value):
    """Why ``value`` is not an address a translator may give a link: None if it is fine."""
    message = _("Enter a web address (http:// or https://) or an e-mail link (mailto:).")
    address = value.strip()
    scheme = urlsplit(address).scheme.lower() if ":" in address else ""
    if scheme not in ALLOWED_SCHEMES or address != value or any(ord(c) < 32 for c in value):
        return message
    try:
        if scheme == "mailto":
            EmailValidator()(address[len("mailto:") :].split("?", 1)[0])
        else:
            URLValidator(schemes=["http", "https"])(address)
    except ValidationError:
        return message
    return None


def _kind(model, field_path):
    """(kind, detail) of the field or block at ``field_path`` of ``model``."""
    name, *rest = field_path.split(".")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return "unknown", None
    if isinstance(field, RichTextField):
        return "link", None
    if isinstance(field, StreamField):
        return _block_kind(field.stream_block, rest)
    if isinstance(field, models.ManyToOneRel):
        return _kind(field.related_model, ".".join(rest)) if rest else ("unknown", None)
    if isinstance(field, models.ForeignKey):
        return "object", field.related_model
    if isinstance(field, models.URLField):
        return "url_field", field
    if isinstance(field, models.CharField | models.TextField):
        return "field", field
    return "unknown", None


def _block_kind(block, path):
    from wagtail.embeds.blocks import EmbedBlock
    from wagtail.images.blocks import ImageBlock

    if isinstance(block, blocks.RichTextBlock):
        return "link", None
    if isinstance(block, EmbedBlock | blocks.URLBlock):
        return "url_block", block
    if isinstance(block, ImageBlock) and path[:1] == ["image"]:
        from wagtail.images import get_image_model

        return "object", get_image_model()
    if isinstance(block, blocks.ChooserBlock):
        return "object", block.target_model
    if isinstance(block, blocks.ListBlock):
        return _block_kind(block.child_block, path[1:] if path[:1] == ["item"] else path)
    child_blocks = getattr(block, "child_blocks", None)
    if child_blocks and path and path[0] in child_blocks:
        return _block_kind(child_blocks[path[0]], path[1:])
    if isinstance(block, blocks.FieldBlock):
        return "block", block
    return "unknown", None


def _messages(error):
    return [str(message) for message in error.messages]


def _object_problem(user, model, value):
    message = _("Choose an item from the list.")
    if not value.isdigit() or not 0 < int(value) <= MAX_ID:
        return [message]
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if user is not None and issubclass(model, (get_image_model(), get_document_model())):
        from wagtail.permissions import policy_registry

        queryset = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
            user, ["choose"]
        )
    else:
        queryset = model._default_manager.all()
    return [] if queryset.filter(pk=int(value)).exists() else [message]


def problems(user, model, field_path, value, *, check_objects=True):
    """Why ``value`` may not replace the synchronised value at ``field_path`` of ``model``: a list
    of messages for the translator, empty when it may be stored. ``user`` is who chooses an
    object (an image, a document); without ``check_objects``, chosen objects are not looked up."""
    if not isinstance(value, str):
        return [_("Send the value as text.")]
    try:
        ProhibitNullCharactersValidator()(value)
    except ValidationError as error:
        return _messages(error)
    kind, detail = _kind(model, field_path)
    try:
        if kind == "link":
            problem = link_problem(value)
            return [problem] if problem else []
        if kind == "object":
            return _object_problem(user, detail, value) if check_objects else []
        if kind == "url_field":
            detail.clean(value, None)
            problem = link_problem(value) if value else None
            return [problem] if problem else []
        if kind == "url_block":
            detail.clean(value)
            problem = link_problem(value) if value else None
            return [problem] if problem else []
        if kind == "field":
            detail.clean(value, None)
            return []
        if kind == "block":
            detail.clean(value)
            return []
    except ValidationError as error:
        return _messages(error)
    return [_("This value cannot be changed in a translation.")]
