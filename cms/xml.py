"""XML written with a default namespace, without ElementTree's process-wide prefix registry.

``ElementTree.register_namespace("", uri)`` changes every later serialisation in the process (one
module's default namespace replaces another's), and ``tostring(default_namespace=…)`` refuses
unqualified attributes. ``tostring_with_default_namespace`` writes ``root`` with the elements of
``namespace`` unprefixed under an ``xmlns`` declaration; other namespaces keep their prefixes.
"""

from xml.etree import ElementTree


def tostring_with_default_namespace(root, namespace, **kwargs):
    qualified = f"{{{namespace}}}"
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(qualified):
            element.tag = element.tag[len(qualified) :]
    attributes = root.attrib
    root.attrib = {"xmlns": namespace, **attributes}  # the declaration first, as usual
    try:
        return ElementTree.tostring(root, **kwargs)
    finally:  # the tree stays as it was given
        root.attrib = attributes
        for element in root.iter():
            if isinstance(element.tag, str) and not element.tag.startswith("{"):
                element.tag = qualified + element.tag
