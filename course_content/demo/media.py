"""Small media files the demo generates itself: PDF documents, PNG images and WAV audio.

Nothing is downloaded; every file is a few kilobytes.
"""

import io
import math
import wave

from PIL import Image, ImageDraw


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title, lines):
    """A valid one-page PDF with a title and a few lines of Latin-1 text."""
    content_lines = ["BT", "/F1 18 Tf", "56 780 Td", f"({_pdf_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        content_lines += ["0 -22 Td", f"({_pdf_escape(line)}) Tj"]
    content_lines.append("ET")
    stream = "\n".join(content_lines).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


PALETTE = [(11, 83, 148), (46, 107, 48), (122, 59, 0), (90, 60, 140), (20, 110, 120)]


def make_png(label, seed=0, size=(960, 540)):
    """A simple chart-like illustration with a caption band."""
    width, height = size
    image = Image.new("RGB", size, (243, 246, 249))
    draw = ImageDraw.Draw(image)
    colour = PALETTE[seed % len(PALETTE)]
    bars = 6
    for index in range(bars):
        value = 0.35 + 0.5 * abs(math.sin(seed + index * 1.3))
        left = 80 + index * (width - 160) // bars
        right = left + (width - 160) // bars - 24
        top = int(height - 120 - value * (height - 220))
        draw.rectangle([left, top, right, height - 120], fill=colour)
    draw.rectangle([0, height - 90, width, height], fill=colour)
    draw.text((24, height - 64), label[:90], fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def make_wav(seconds=1.0, frequency=440.0, rate=8000):
    """A short, quiet mono tone: enough for an <audio> element to play."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(rate)
        frames = bytes(
            int(128 + 20 * math.sin(2 * math.pi * frequency * i / rate))
            for i in range(int(rate * seconds))
        )
        wav.writeframes(frames)
    return out.getvalue()


__all__ = ["make_pdf", "make_png", "make_wav"]
