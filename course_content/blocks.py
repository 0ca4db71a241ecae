"""The StreamField blocks of the course, all in one place.

Content blocks (``CONTENT_BLOCKS``), usable in module, country-unit and resource bodies:

- ``heading``: a section heading (h2 or h3); module pages build their table of contents from it.
- ``paragraph``: rich text.
- ``image``: an image with required alternative text, optional caption and credit.
- ``video``: a video file played on the page (with its required WebVTT captions) or a
  provider's page shown as a link, with its required transcript.
- ``audio``: an audio file (document) or link, with its required transcript.
- ``document``: a downloadable document with a short description.
- ``callout``: a highlighted box: key idea, definition or warning.
- ``quote``: a quotation with its attribution.
- ``case_study``: a (fictional) case with discussion questions.
- ``reflection``: a reflection activity: a prompt and guidance.

Evaluation blocks (``QUESTION_BLOCKS``): ``single_choice``, ``multiple_choice`` and ``true_false``.
Each question's stable id is its StreamField block id, and each option's the id of its ListBlock
item (UUIDs kept across revisions, and in translations: wagtail-localize rebuilds a translation
from a copy of its source's StreamField, ids included); the options of a true/false question are
``"true"`` and ``"false"``. Answers are scored from these ids, never from text. Answer keys
(``is_correct``, ``answer``) and feedback are never rendered publicly; ``public_question`` gives
the safe representation, ``answer_key`` the scorer's.

Structured lists of country units: ``LegalInstrumentBlock`` and ``InstitutionBlock``.
"""

import contextlib
import contextvars
import copy

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from course_content.captions import captions_error, is_video_file, video_block_track

# --- Chooser blocks read together across the pages of a listing ---------------------------------
#
# A chooser block reads its images or documents once per page and block type: an API listing of
# 50 modules would read them 50 times. Inside ``chooser_batch(pages)`` (the API's page lists),
# the images and documents of all the pages' StreamFields are read in one query per model first,
# and the chooser blocks take them from there. Elsewhere they behave as Wagtail's own, and
# migrations see Wagtail's own blocks (``canonical_module_path``): no stored definition changes.

_batch = contextvars.ContextVar("course_content_chooser_batch", default=None)


class BatchedChooserMixin:
    def bulk_to_python(self, values):
        objects = (_batch.get() or {}).get(self.model_class)
        if objects is None or any(value is not None and value not in objects for value in values):
            return super().bulk_to_python(values)
        seen, result = set(), []
        for value in values:
            obj = objects.get(value)
            if obj is not None and value in seen:
                obj = copy.copy(obj)  # Wagtail's rule: a distinct instance for a repeated id
            seen.add(value)
            result.append(obj)
        return result


class CourseImageChooserBlock(BatchedChooserMixin, ImageChooserBlock):
    canonical_module_path = "wagtail.images.blocks.ImageChooserBlock"


class CourseDocumentChooserBlock(BatchedChooserMixin, DocumentChooserBlock):
    canonical_module_path = "wagtail.documents.blocks.DocumentChooserBlock"


def _chooser_ids(block, value, found):
    """Collect, from a block's raw (JSON) value, the ids its batched chooser blocks hold."""
    if value is None:
        return
    if isinstance(block, BatchedChooserMixin):
        found.setdefault(block.model_class, set()).add(value)
    elif isinstance(block, blocks.StreamBlock):
        for item in value:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                _chooser_ids(child, item.get("value"), found)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(value, dict):
            for name, child in block.child_blocks.items():
                _chooser_ids(child, value.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            _chooser_ids(block.child_block, item, found)


@contextlib.contextmanager
def chooser_batch(pages):
    """Within this block, the chooser blocks of ``pages``' StreamFields read their images and
    documents from one query per model."""
    from wagtail.fields import StreamField

    found = {}
    for page in pages:
        for field in type(page)._meta.concrete_fields:
            if isinstance(field, StreamField) and field.attname in page.__dict__:
                stream = getattr(page, field.attname)
                _chooser_ids(field.stream_block, list(stream.raw_data), found)
    objects = {model: model.objects.in_bulk(ids) for model, ids in found.items()}
    token = _batch.set(objects)
    try:
        yield
    finally:
        _batch.reset(token)


HEADING_LEVELS = [("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))]
CALLOUT_KINDS = [
    ("key_idea", _("Key idea")),
    ("definition", _("Definition")),
    ("warning", _("Warning")),
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label=_("Text"))
    level = blocks.ChoiceBlock(choices=HEADING_LEVELS, default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = CourseImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("Describe the image for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))
    credit = blocks.CharBlock(required=False, max_length=200, label=_("Credit"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    file = CourseDocumentChooserBlock(
        required=False,
        label=_("Video file"),
        help_text=_("An MP4 or WebM file, played on the page."),
    )
    captions = CourseDocumentChooserBlock(
        required=False,
        label=_("Captions (WebVTT)"),
        help_text=_(
            "Required with a video file: a .vtt file in the language spoken in the video. "
            "A translation may replace it with subtitles in its own language."
        ),
    )
    url = blocks.URLBlock(
        required=False,
        label=_("Or the provider's page"),
        help_text=_("For a video hosted by a provider (e.g. YouTube, Vimeo): shown as a link."),
    )
    duration_minutes = blocks.IntegerBlock(required=False, min_value=1, label=_("Minutes"))
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul"], label=_("Transcript")
    )

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video, captions = value.get("file"), value.get("captions")
        if not video and not value.get("url"):
            errors["file"] = _("Choose a video file or give the provider's page.")
        elif video and not is_video_file(video):
            errors["file"] = _("Choose a video file (MP4 or WebM).")
        elif video and not captions:
            errors["captions"] = _("A video file needs its captions (a WebVTT .vtt file).")
        if captions and "captions" not in errors:
            message = captions_error(captions)
            if message:
                errors["captions"] = message
        if errors:
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in errors.items()}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["track"] = video_block_track(value, parent_context or {})
        return context


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    file = CourseDocumentChooserBlock(required=False, label=_("Audio file"))
    url = blocks.URLBlock(required=False, label=_("Or an address"))
    duration_minutes = blocks.IntegerBlock(required=False, min_value=1, label=_("Minutes"))
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul"], label=_("Transcript")
    )

    class Meta:
        icon = "media"
        label = _("Audio with transcript")
        template = "blocks/audio.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("file") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "file": ValidationError(_("Choose an audio file or give an address."))
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = CourseDocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(required=False, max_length=300, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="key_idea", label=_("Kind"))
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Text"))

    class Meta:
        icon = "pick"
        label = _("Callout")
        template = "blocks/callout.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    context = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Case"))
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=400), min_num=1, label=_("Discussion questions")
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Case study")
        template = "blocks/case_study.html"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Prompt"))
    guidance = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link", "ul"], label=_("Guidance")
    )

    class Meta:
        icon = "help"
        label = _("Reflection activity")
        template = "blocks/reflection.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    image = ImageBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    case_study = CaseStudyBlock()
    reflection = ReflectionBlock()


# --- Evaluation questions -------------------------------------------------------------------


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500, label=_("Option"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct"))


def _options_errors(options, *, exactly_one):
    """Return a message if the options are unusable, else None."""
    texts = [" ".join(option["text"].split()).casefold() for option in options]
    if len(texts) < 2:
        return _("Give at least two options.")
    if len(set(texts)) != len(texts):
        return _("Two options have the same text.")
    correct = sum(1 for option in options if option["is_correct"])
    if correct == 0:
        return _("Mark the correct option.")
    if exactly_one and correct != 1:
        return _("A single-choice question has exactly one correct option.")
    return None


class BaseQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    points = blocks.IntegerBlock(default=10, min_value=1, max_value=100, label=_("Points"))
    feedback = blocks.TextBlock(
        required=False,
        label=_("Feedback"),
        help_text=_("Shown to learners after they answer; never shown before."),
    )

    kind = None

    def public_value(self, value, block_id):
        return {
            "id": block_id,
            "kind": self.kind,
            "prompt": value["prompt"],
            "points": value["points"],
        }


class ChoiceQuestionBlock(BaseQuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=10, label=_("Options"))
    exactly_one = True

    def clean(self, value):
        value = super().clean(value)
        message = _options_errors(value["options"], exactly_one=self.exactly_one)
        if message:
            raise StructBlockValidationError(block_errors={"options": ValidationError(message)})
        return value

    def public_value(self, value, block_id):
        data = super().public_value(value, block_id)
        data["options"] = [
            {"id": item.id, "text": item.value["text"]} for item in value["options"].bound_blocks
        ]
        return data

    def option_ids(self, value):
        """The options' stable ids, or None for an option stored without one (a list saved
        before Wagtail gave list items ids gets a new random id at each load)."""
        items = value["options"].bound_blocks
        if any(item.original_id is None for item in items):
            return None
        return [item.id for item in items]

    def correct_option_ids(self, value):
        return {item.id for item in value["options"].bound_blocks if item.value["is_correct"]}


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    kind = "single_choice"

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        form_classname = "question-block"


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    kind = "multiple_choice"
    exactly_one = False

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


TRUE_FALSE_OPTIONS = [("true", _("True")), ("false", _("False"))]


class TrueFalseQuestionBlock(BaseQuestionBlock):
    answer = blocks.ChoiceBlock(choices=TRUE_FALSE_OPTIONS, label=_("Correct answer"))
    kind = "true_false"

    class Meta:
        icon = "tick-inverse"
        label = _("True or false")

    def public_value(self, value, block_id):
        data = super().public_value(value, block_id)
        data["options"] = [{"id": key, "text": str(label)} for key, label in TRUE_FALSE_OPTIONS]
        return data

    def option_ids(self, value):
        return [key for key, _label in TRUE_FALSE_OPTIONS]

    def correct_option_ids(self, value):
        return {value["answer"]}


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()


def public_question(bound_block):
    """The learner-safe representation of a question: no answer key, no feedback."""
    return bound_block.block.public_value(bound_block.value, bound_block.id)


def answer_key(bound_block):
    """What the scorer needs of a question: ``{"id", "kind", "points", "options", "correct"}``
    (option ids in order, and the set of correct ones); ``options`` is None when an option has
    no stable id."""
    block, value = bound_block.block, bound_block.value
    return {
        "id": bound_block.id,
        "kind": block.kind,
        "points": value["points"],
        "options": block.option_ids(value),
        "correct": block.correct_option_ids(value),
    }


# --- Country units ---------------------------------------------------------------------------

INSTRUMENT_TYPES = [
    ("constitution", _("Constitution")),
    ("law", _("Law")),
    ("code", _("Code")),
    ("decree", _("Decree")),
    ("regulation", _("Regulation")),
    ("protocol", _("Protocol")),
    ("treaty", _("Treaty")),
]


class LegalInstrumentValue(blocks.StructValue):
    def type_display(self):
        return dict(INSTRUMENT_TYPES).get(self.get("type"), self.get("type"))


class LegalInstrumentBlock(blocks.StructBlock):
    instrument = blocks.CharBlock(max_length=300, label=_("Instrument"))
    year = blocks.IntegerBlock(min_value=1800, max_value=2100, label=_("Year"))
    type = blocks.ChoiceBlock(choices=INSTRUMENT_TYPES, label=_("Type"))
    link = blocks.URLBlock(required=False, label=_("Link"))
    verified_on = blocks.DateBlock(
        required=False,
        label=_("Verified on"),
        help_text=_("When someone last checked that this instrument is current."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Legal instrument")
        value_class = LegalInstrumentValue


class InstitutionBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=300, label=_("Name"))
    role = blocks.TextBlock(label=_("Role"))
    link = blocks.URLBlock(required=False, label=_("Link"))

    class Meta:
        icon = "group"
        label = _("Institution")


class LearningObjectiveStreamBlock(blocks.StreamBlock):
    objective = blocks.CharBlock(max_length=400, label=_("Objective"), icon="tick")
