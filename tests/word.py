"""Word files (.docx) for the import tests, built in code with python-docx."""

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches

from tests.uploads import png_bytes


class WordFile:
    """A small builder: headings, paragraphs, lists, tables, images and links in order."""

    def __init__(self):
        self.document = docx.Document()

    def title(self, text):
        self.document.add_heading(text, 0)
        return self

    def heading(self, text, level):
        self.document.add_heading(text, level)
        return self

    def paragraph(self, text, *, bold=""):
        paragraph = self.document.add_paragraph(text)
        if bold:
            paragraph.add_run(bold).bold = True
        return self

    def bullets(self, *items):
        for item in items:
            self.document.add_paragraph(item, style="List Bullet")
        return self

    def table(self, *rows):
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        return self

    def image(self, *, alt="", caption="", colour="steelblue"):
        self.document.add_picture(io.BytesIO(png_bytes(colour=colour)), width=Inches(1))
        inline = self.document.inline_shapes[-1]._inline
        inline.docPr.set("descr", alt)
        if caption:
            self.document.add_paragraph(caption, style="Caption")
        return self

    def link(self, text, url):
        paragraph = self.document.add_paragraph()
        rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), rel)
        run = OxmlElement("w:r")
        text_element = OxmlElement("w:t")
        text_element.text = text
        run.append(text_element)
        hyperlink.append(run)
        paragraph._p.append(hyperlink)
        return self

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def plan_docx() -> bytes:
    """A plan as a secretariat writes it: a title, a foreword, chapters with sub-sections, a
    list, a table, a figure with alt text and one without, and three focus areas."""
    return (
        WordFile()
        .title("Samarbejdsplan 2025-2026")
        .heading("Forord", 1)
        .paragraph("Kredsrådet har drøftet planen. ", bold="Tryghed er målet.")
        .heading("Organisering", 1)
        .paragraph("Samarbejdet foregår på tre niveauer:")
        .bullets("Kredsrådet", "Lokalrådene", "Lokalråd+")
        .table(["Råd", "Møder om året"], ["Kredsråd", "2"], ["Lokalråd", "4"])
        .heading("Kredsrådet", 2)
        .paragraph("Kredsrådet består af politidirektøren og borgmestrene.")
        .image(alt="Diagram over kredsrådet og lokalrådene", caption="Figur 1: Organisationen")
        .heading("Møderne", 3)
        .paragraph("Kredsrådet mødes mindst to gange om året.")
        .heading("Lokalrådene", 2)
        .paragraph("Hver kommune har et lokalråd.")
        .image(colour="darkorange")
        .heading("Indsatsområder", 1)
        .paragraph("Planen har tre indsatsområder.")
        .heading("Unge og kriminalitet", 2)
        .paragraph("Færre unge skal begå kriminalitet.")
        .heading("Tryghed i nattelivet", 2)
        .paragraph("Nattelivet skal være trygt.")
        .heading("Vold i nære relationer", 2)
        .paragraph("Ofre skal have hjælp tidligt.")
        .bytes()
    )
