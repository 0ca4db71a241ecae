"""``manage.py export_edition``: the file written, progress shown, and each error a clear
CommandError that leaves nothing behind."""

import os
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from exports.moodle import parse_moodle_xml


def export(*args):
    out = StringIO()
    call_command("export_edition", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_writes_the_question_bank_with_progress(demo, tmp_path):
    output = tmp_path / "banco.xml"
    text = export(
        "--course", demo.course.slug, "--locale", "EN", "--format", "moodlexml",
        "--output", str(output),
    )  # fmt: skip
    assert "10/10" in text and f"Wrote {output}" in text
    assert len(parse_moodle_xml(output)) == 11
    assert os.listdir(tmp_path) == ["banco.xml"]  # no temporary file left


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--course", "no-such-course", "No course with the id or slug “no-such-course”"),
        ("--course", "999999", "No course with the id or slug “999999”"),
        ("--locale", "xx", "Unknown language “xx”"),
        ("--format", "qti", "Unknown format “qti”. Formats: scorm12, moodlexml, offline"),
        ("--fallback", "maybe", "--fallback must be include or omit"),
    ],
)
def test_bad_arguments_are_refused_clearly(demo, tmp_path, option, value, message):
    args = {
        "--course": str(demo.course.pk),
        "--locale": "es",
        "--format": "moodlexml",
        "--output": str(tmp_path / "out.xml"),
        option: value,
    }
    with pytest.raises(CommandError, match=message):
        export(*[part for pair in args.items() for part in pair])
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_or_missing_folder_is_refused(demo, tmp_path, monkeypatch):
    base = ["--course", demo.course.slug, "--locale", "es", "--format", "moodlexml"]
    with pytest.raises(CommandError, match="does not exist"):
        export(*base, "--output", str(tmp_path / "missing" / "out.xml"))
    with pytest.raises(CommandError, match="is a folder"):
        export(*base, "--output", str(tmp_path))
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # running as root, which ignores folder permissions
        monkeypatch.setattr("exports.services.os.access", lambda path, mode: False)
    with pytest.raises(CommandError, match="Cannot write into the folder"):
        export(*base, "--output", str(locked / "out.xml"))
    assert list(locked.iterdir()) == []


def test_a_failing_build_leaves_the_previous_file_untouched(demo, tmp_path, monkeypatch):
    output = tmp_path / "out.xml"
    output.write_text("previous")

    def broken(edition, path, *, progress=None):
        with open(path, "w") as handle:
            handle.write("<quiz>half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("exports.moodle.build_moodle_xml", broken)
    with pytest.raises(CommandError, match="No space left on device"):
        export("--course", demo.course.slug, "--locale", "es", "--format", "moodlexml",
               "--output", str(output))  # fmt: skip
    assert output.read_text() == "previous"
    assert os.listdir(tmp_path) == ["out.xml"]


def test_a_format_not_installed_is_refused(demo, tmp_path, monkeypatch):
    from exports import formats

    missing = formats.ExportFormat("scorm12", "SCORM", "exports.nowhere.build", "zip", "x/y")
    monkeypatch.setitem(formats.FORMATS, "scorm12", missing)
    with pytest.raises(CommandError, match="not available in this installation"):
        export("--course", demo.course.slug, "--locale", "es", "--format", "scorm12",
               "--output", str(tmp_path / "out.zip"))  # fmt: skip
    assert list(tmp_path.iterdir()) == []
