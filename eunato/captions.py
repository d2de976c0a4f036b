"""Markdown extension: a paragraph `Table: …` just before a table becomes that table's <caption>.

Markdown tables have no caption syntax; this borrows Pandoc's. A screen reader announces the
caption with the table, so a reader who jumps from table to table knows what each one lists.
Enabled in mkdocs.yml as `eunato.captions`; works in hand-written pages and templates alike:

    Table: Common actions in this area

    | Action | Set |
    |---|---|
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

MARKER = "Table:"


class CaptionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            for paragraph, table in itertools.pairwise(children):
                if paragraph.tag == "p" and table.tag == "table" and (paragraph.text or "").startswith(MARKER):
                    caption = etree.Element("caption")
                    caption.text = (paragraph.text or "")[len(MARKER) :].lstrip()
                    table.insert(0, caption)  # HTML wants the caption as the table's first child
                    parent.remove(paragraph)


class CaptionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before inline parsing (20), so links and emphasis in the caption are parsed where they land.
        md.treeprocessors.register(CaptionTreeprocessor(md), "table_caption", 25)


def makeExtension(**kwargs) -> CaptionExtension:
    return CaptionExtension(**kwargs)
