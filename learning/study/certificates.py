"""Certificates of completion: verification codes and the PDF.

A code is 16 symbols of Crockford's base 32 drawn with ``secrets`` (80 random bits), shown in
groups of four (``7KQ2-M9XD-…``): unguessable, unique (a database constraint; a collision is
drawn again), and easy to read aloud or type (no I, L, O or U; a typed O, I or L is read as 0, 1
or 1, spaces and dashes are ignored).

The PDF is drawn from the ``Certificate`` row each time it is asked for, in the certificate's
language, set in Bitstream Vera (it ships with reportlab and covers Latin-1 and typographic
punctuation: ñ, á, ¿, ¡, «, », “, ”), so Spanish, Portuguese and French typography render.
"""

import io
import secrets
from functools import cache
from pathlib import Path

import reportlab
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
CODE_LENGTH = 16
GROUP = 4
READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
FONTS = Path(reportlab.__file__).parent / "fonts"


def new_code():
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(symbols[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def normalize_code(text):
    """The stored form of a typed code, or None if it cannot be one."""
    symbols = "".join(ch for ch in (text or "")[:64].upper() if ch.isalnum()).translate(READ_AS)
    if len(symbols) != CODE_LENGTH or any(ch not in ALPHABET for ch in symbols):
        return None
    return "-".join(symbols[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def hours_display(hours):
    return formats.number_format(hours, decimal_pos=0 if hours == int(hours) else 1)


@cache
def _styles():
    pdfmetrics.registerFont(TTFont("Vera", str(FONTS / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("Vera-Bold", str(FONTS / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold")
    base = ParagraphStyle("base", fontName="Vera", fontSize=13, leading=19, alignment=TA_CENTER)
    blue = colors.HexColor("#0b5394")
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", base, fontName="Vera-Bold", fontSize=28, leading=36, textColor=blue
        ),
        "name": ParagraphStyle("name", base, fontName="Vera-Bold", fontSize=24, leading=32),
        "course": ParagraphStyle("course", base, fontSize=16, leading=23),
        "small": ParagraphStyle("small", base, fontSize=9.5, leading=13, textColor=colors.grey),
    }


def _escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def certificate_pdf(certificate, *, verify_url):
    """The PDF of ``certificate`` (bytes), in its language."""
    styles = _styles()
    with translation.override(certificate.language):
        issued = formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
        hours = hours_display(certificate.hours)
        course = _("has completed the course “%(course)s”") % {"course": certificate.course_title}
        lines = [
            (_("Certificate of completion"), "title", 0.8),
            (_("This certifies that"), "base", 0.3),
            (certificate.learner_name, "name", 0.3),
            (course, "course", 0.2),
        ]
        if certificate.edition_label:
            lines.append(
                (_("Edition: %(edition)s") % {"edition": certificate.edition_label}, "base", 0.1)
            )
        lines += [
            (_("Duration: %(hours)s hours") % {"hours": hours}, "base", 0.1),
            (_("Issued on %(date)s") % {"date": issued}, "base", 1.0),
            (_("Verification code: %(code)s") % {"code": certificate.code}, "base", 0.3),
            (
                _("Want to check this certificate? Enter its code at %(url)s")
                % {"url": verify_url},
                "small",
                0,
            ),
        ]
        title = _("Certificate of completion")
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2 * cm,
        title=f"{title} · {certificate.learner_name}",
        author=certificate.course_title,
        lang=certificate.language,
    )

    def frame(canvas, doc):  # a double rule around the page
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#0b5394"))
        canvas.setLineWidth(3)
        canvas.rect(1.2 * cm, 1.2 * cm, width - 2.4 * cm, height - 2.4 * cm)
        canvas.setLineWidth(0.8)
        canvas.rect(1.5 * cm, 1.5 * cm, width - 3 * cm, height - 3 * cm)
        canvas.restoreState()

    story = [Spacer(1, 1.2 * cm)]
    for text, style, space_after in lines:
        story.append(Paragraph(_escape(text), styles[style]))
        if space_after:
            story.append(Spacer(1, space_after * cm))
    document.build(story, onFirstPage=frame)
    return out.getvalue()
