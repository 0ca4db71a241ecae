"""Small media files the demo makes itself: PDF guides, PNG charts, audio, video and captions.

Nothing is downloaded. Text is set in Bitstream Vera, the Unicode TrueType font that ships
with reportlab, so Spanish (ñ, í, ú, ¿, ¡) renders in PDFs and images alike. Audio (Opus in
Ogg) and video (VP8 in WebM) are encoded with PyAV, whose wheels bundle FFmpeg; browsers play
both natively. Every file is a few seconds long and weighs a few to a few tens of kilobytes.
"""

import io
import math
import re
from array import array
from fractions import Fraction
from functools import cache
from operator import add
from pathlib import Path

import av
import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus.tables import Table, TableStyle

FONTS = Path(reportlab.__file__).parent / "fonts"
REGULAR = FONTS / "Vera.ttf"
BOLD = FONTS / "VeraBd.ttf"
PALETTE = [(11, 83, 148), (46, 107, 48), (122, 59, 0), (90, 60, 140), (20, 110, 120)]
COURSE_NAME = "Niñez migrante en las Américas"

# --- PDF --------------------------------------------------------------------------------------


@cache
def _pdf_styles():
    pdfmetrics.registerFont(TTFont("Vera", str(REGULAR)))
    pdfmetrics.registerFont(TTFont("Vera-Bold", str(BOLD)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold")
    base = ParagraphStyle(
        "body", fontName="Vera", fontSize=10.5, leading=15, spaceAfter=6, alignment=TA_LEFT
    )
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontName="Vera-Bold", fontSize=20, leading=25),
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=12, leading=17, textColor=colors.HexColor("#0b5394")
        ),
        "heading": ParagraphStyle(
            "heading", base, fontName="Vera-Bold", fontSize=14, leading=19, spaceBefore=8
        ),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11, textColor=colors.grey),
    }


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_pdf(*, title, subtitle="", sections=(), footer=COURSE_NAME):
    """A tagged-text PDF: a title page part, then each section (``heading``, ``paragraphs``,
    optional ``items`` as a bulleted list) on a page of its own when ``new_page`` is set."""
    styles = _pdf_styles()
    out = io.BytesIO()

    def page_footer(canvas, document):
        canvas.saveState()
        canvas.setFont("Vera", 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(2 * cm, 1.2 * cm, footer)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Página {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        author="Equipo del curso",
        subject=footer,
        lang="es",
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2.2 * cm,
    )
    story = [Paragraph(_escape(title), styles["title"])]
    if subtitle:
        story += [Spacer(1, 4), Paragraph(_escape(subtitle), styles["subtitle"])]
    story.append(Spacer(1, 12))
    for index, section in enumerate(sections):
        if section.get("new_page") and index:
            story.append(PageBreak())
        story.append(Paragraph(_escape(section["heading"]), styles["heading"]))
        story += [
            Paragraph(_escape(text), styles["body"]) for text in section.get("paragraphs", ())
        ]
        if section.get("items"):
            story.append(
                ListFlowable(
                    [
                        ListItem(Paragraph(_escape(item), styles["body"]), leftIndent=14)
                        for item in section["items"]
                    ],
                    bulletType="bullet",
                    bulletFontName="Vera",
                    start="•",
                )
            )
        if section.get("table"):
            table = Table(
                [
                    [Paragraph(_escape(cell), styles["body"]) for cell in row]
                    for row in section["table"]
                ],
                colWidths=[5 * cm, 11 * cm],
            )
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.lightgrey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
        story.append(Spacer(1, 8))
    document.build(story, onFirstPage=page_footer, onLaterPages=page_footer)
    return out.getvalue()


# --- Images -----------------------------------------------------------------------------------


@cache
def _font(size, bold=False):
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size)


def _wrap(draw, text, font, width):
    """Split ``text`` into lines that fit ``width`` pixels."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def make_png(
    title, seed=0, *, labels=("Origen", "Tránsito", "Destino", "Retorno"), size=(960, 540)
):
    """A labelled bar chart with its title in a band: readable text in a TrueType font."""
    width, height = size
    image = Image.new("RGB", size, (243, 246, 249))
    draw = ImageDraw.Draw(image)
    colour = PALETTE[seed % len(PALETTE)]
    band = 130
    chart_bottom = height - band - 56
    slot = (width - 160) // len(labels)
    label_font = _font(22)
    for index, label in enumerate(labels):
        value = 0.3 + 0.6 * abs(math.sin(seed + index * 1.3))
        left = 80 + index * slot + 16
        right = left + slot - 32
        top = int(chart_bottom - value * (chart_bottom - 40))
        draw.rectangle([left, top, right, chart_bottom], fill=colour)
        percent = f"{round(value * 100)} %"
        draw.text(
            ((left + right) / 2, top - 8), percent, font=label_font, fill=(30, 30, 30), anchor="md"
        )
        draw.text(
            ((left + right) / 2, chart_bottom + 12),
            label,
            font=label_font,
            fill=(30, 30, 30),
            anchor="ma",
        )
    draw.line([60, chart_bottom, width - 60, chart_bottom], fill=(90, 90, 90), width=2)
    draw.rectangle([0, height - band, width, height], fill=colour)
    title_font = _font(30, bold=True)
    lines = _wrap(draw, title, title_font, width - 48)[:2]
    y = height - band + 18
    for line in lines:
        draw.text((24, y), line, font=title_font, fill=(255, 255, 255))
        y += 40
    draw.text((24, height - 30), COURSE_NAME, font=_font(18), fill=(235, 240, 245))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# --- Captions ---------------------------------------------------------------------------------

WORDS_PER_SECOND = 2.6  # a calm narration pace
MAX_CUE_WORDS = 14


def _sentences(text):
    return [part.strip() for part in re.split(r"(?<=[.!?…])\s+", text) if part.strip()]


def caption_cues(paragraphs):
    """Timed cues (start, end, text) that say ``paragraphs`` in order: one sentence or part of
    a sentence per cue, shown long enough to read."""
    cues, start = [], 0.0
    for paragraph in paragraphs:
        for sentence in _sentences(paragraph):
            words = sentence.split()
            parts = max(1, math.ceil(len(words) / MAX_CUE_WORDS))
            size = math.ceil(len(words) / parts)
            for index in range(0, len(words), size):
                chunk = words[index : index + size]
                duration = max(1.5, round(len(chunk) / WORDS_PER_SECOND, 1))
                cues.append((start, start + duration, " ".join(chunk)))
                start = round(start + duration, 1)
    return cues


def _timestamp(seconds):
    whole = int(seconds)
    millis = round((seconds - whole) * 1000)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}.{millis:03d}"


def make_vtt(cues):
    """A WebVTT file for ``cues``."""
    blocks = ["WEBVTT"]
    for number, (start, end, text) in enumerate(cues, start=1):
        blocks.append(f"{number}\n{_timestamp(start)} --> {_timestamp(end)}\n{text}")
    return ("\n\n".join(blocks) + "\n").encode()


# --- Audio and video --------------------------------------------------------------------------

AUDIO_RATE = 16000
PENTATONIC = [261.63, 293.66, 329.63, 392.0, 440.0, 523.25]
NOTE_SECONDS = 0.75


@cache
def _note(frequency):
    """A soft bell-like note that fades out: 16-bit samples (a fifth of full scale)."""
    length = int(AUDIO_RATE * NOTE_SECONDS * 2)
    step = 2 * math.pi * frequency / AUDIO_RATE
    return [
        int(
            6000
            * math.exp(-3.2 * i / AUDIO_RATE)
            * (math.sin(step * i) + 0.3 * math.sin(2 * step * i))
        )
        for i in range(length)
    ]


def _chimes(seconds, seed):
    """Notes on a pentatonic scale, one every ``NOTE_SECONDS``: 16-bit mono PCM. A note has
    faded below a tenth when the next starts, so the sum stays far from clipping."""
    samples = [0] * int(AUDIO_RATE * seconds)
    for index in range(int(seconds / NOTE_SECONDS)):
        note = _note(PENTATONIC[(seed * 3 + index * (seed % 4 + 2)) % len(PENTATONIC)])
        start = int(index * NOTE_SECONDS * AUDIO_RATE)
        end = min(len(samples), start + len(note))
        samples[start:end] = map(add, samples[start:end], note)
    fade = min(len(samples), AUDIO_RATE // 2)
    for i in range(fade):
        samples[-fade + i] = int(samples[-fade + i] * (1 - i / fade))
    return array("h", samples)


def make_audio(*, seconds=8.0, seed=0):
    """An Ogg Opus file of soft chimes (mono, 24 kb/s): plays in every current browser."""
    out = io.BytesIO()
    pcm = _chimes(seconds, seed)
    frame_size = AUDIO_RATE // 50  # 20 ms, Opus's frame
    with av.open(out, mode="w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=AUDIO_RATE, layout="mono")
        stream.bit_rate = 24000
        for offset in range(0, len(pcm), frame_size):
            chunk = pcm[offset : offset + frame_size]
            chunk.extend([0] * (frame_size - len(chunk)))
            frame = av.AudioFrame(format="s16", layout="mono", samples=frame_size)
            frame.planes[0].update(chunk.tobytes())
            frame.sample_rate = AUDIO_RATE
            frame.pts = offset
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


VIDEO_SIZE = (320, 180)
VIDEO_FPS = 1


def _video_frames(title, seconds, seed):
    """A title card with a thin progress bar at the top (the player's controls and captions
    cover the bottom)."""
    width, height = VIDEO_SIZE
    colour = PALETTE[seed % len(PALETTE)]
    base = Image.new("RGB", VIDEO_SIZE, colour)
    draw = ImageDraw.Draw(base)
    draw.text((16, 12), COURSE_NAME, font=_font(11), fill=(230, 235, 240))
    font = _font(17, bold=True)
    lines = _wrap(draw, title, font, width - 32)[:3]
    y = (height - 23 * len(lines)) // 2 - 10
    for line in lines:
        draw.text((16, y), line, font=font, fill=(255, 255, 255))
        y += 23
    frames = int(seconds * VIDEO_FPS)
    for index in range(frames):
        frame = base.copy()
        progress = (index + 1) / frames
        ImageDraw.Draw(frame).rectangle(
            [16, 32, 16 + int((width - 32) * progress), 34], fill=(255, 255, 255)
        )
        yield frame


def make_video(*, title, seconds, seed=0):
    """A silent WebM (VP8, 320×180, 1 frame a second): a title card and a progress bar."""
    out = io.BytesIO()
    with av.open(out, mode="w", format="webm") as container:
        stream = container.add_stream("libvpx", rate=VIDEO_FPS)
        stream.width, stream.height = VIDEO_SIZE
        stream.pix_fmt = "yuv420p"
        stream.thread_count = 1  # frames this small encode ~30× faster without threads
        stream.bit_rate = 100000
        stream.time_base = Fraction(1, VIDEO_FPS)
        # Fast settings (no look-ahead), a key frame every 10 seconds for seeking.
        stream.options = {
            "deadline": "realtime",
            "cpu-used": "16",
            "lag-in-frames": "0",
            "crf": "40",
            "g": str(VIDEO_FPS * 10),
        }
        for index, image in enumerate(_video_frames(title, seconds, seed)):
            frame = av.VideoFrame.from_image(image)
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def media_seconds(data):
    """The duration of an audio or video file, in seconds (for tests and durations shown)."""
    with av.open(io.BytesIO(data)) as container:
        if container.duration:
            return container.duration / av.time_base
        stream = container.streams[0]
        return float(stream.duration * stream.time_base)


__all__ = [
    "caption_cues",
    "make_audio",
    "make_pdf",
    "make_png",
    "make_video",
    "make_vtt",
    "media_seconds",
]
