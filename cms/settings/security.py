"""Helpers for the security settings."""

import base64
import hashlib
import re

STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def inline_style_hashes(template_path):
    """CSP sources (``'sha256-…'``) allowing the inline ``<style>`` elements of a template that
    is served as it is (no template tags inside its styles)."""
    text = template_path.read_text(encoding="utf-8")
    return [
        "'sha256-{}'".format(
            base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
        )
        for style in STYLE_ELEMENT.findall(text)
    ]
