"""XML of ours keeps its own default namespace whatever else the process wrote before."""

from xml.etree import ElementTree

from defusedxml import ElementTree as DefusedElementTree

from cms.xml import tostring_with_default_namespace

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"


def test_the_default_namespace_is_written_whatever_was_registered_before(monkeypatch):
    # What a module may do to ElementTree's process-wide registry (the SCORM manifest did); the
    # registry is put back after the test.
    monkeypatch.setattr(ElementTree, "_namespace_map", dict(ElementTree._namespace_map))
    ElementTree.register_namespace("", "http://www.imsproject.org/xsd/imscp_rootv1p1p2")
    root = ElementTree.Element(f"{{{XLIFF}}}xliff", {"version": "2.0"})
    ElementTree.SubElement(root, f"{{{XLIFF}}}file", {"id": "f1"})
    xml = tostring_with_default_namespace(root, XLIFF, encoding="unicode")
    assert xml == f'<xliff xmlns="{XLIFF}" version="2.0"><file id="f1" /></xliff>'
    assert DefusedElementTree.fromstring(xml).tag == f"{{{XLIFF}}}xliff"
    assert root.tag == f"{{{XLIFF}}}xliff" and "xmlns" not in root.attrib  # left as it was
