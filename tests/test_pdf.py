"""PDF reports: the text layer read with its page furniture set aside, metadata from the PDF,
offsets into the text the document view shows; a scan gets one line; unread kinds are counted."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.cli import main
from frontlines.read import read_source
from frontlines.read.pdf import page_text
from pdfs import make_pdf

HEADER = "Syria: Humanitarian Situation Report No. 12"
PAGES = [
    [HEADER, "",
     "BEIRUT - Fighting went on in Aleppo on Friday as government forces and",
     "rebels clashed near the old city, residents said, and at least ten people",
     "were killed in the shelling of the eastern districts.", "",
     "The army said it had taken the airport near Aleppo after days of heavy",
     "fighting with rebel groups.", "", "Page 1 of 2"],
    [HEADER, "",
     "Aid convoys reached Idlib on Saturday, the United Nations said in a",
     "statement, after the road from Aleppo was reopened to humanitarian traffic.", "", "Page 2 of 2"],
]
INFO = {"Title": "Syria: Situation Report No. 12", "Author": "OCHA Syria; Jane Doe",
        "CreationDate": "D:20171103120000Z"}


@pytest.fixture()
def report_pdf(tmp_path):
    path = tmp_path / "sitrep-12.pdf"
    path.write_bytes(make_pdf(PAGES, INFO))
    return path


def test_a_pdf_is_read_from_its_text_layer_with_its_metadata(report_pdf):
    doc = next(read_source(str(report_pdf)))
    assert (doc.title, doc.authors, doc.published) == ("Syria: Situation Report No. 12", ["OCHA Syria", "Jane Doe"],
                                                       "2017-11-03")
    paragraphs = doc.text.split("\n\n")
    # wrapped lines joined into their paragraph; each page break and paragraph a blank line
    assert ("BEIRUT - Fighting went on in Aleppo on Friday as government forces and rebels clashed near the old "
            "city, residents said, and at least ten people were killed in the shelling of the eastern districts."
            in paragraphs)
    assert paragraphs[-2:] == ["Aid convoys reached Idlib on Saturday, the United Nations said in a statement, after "
                               "the road from Aleppo was reopened to humanitarian traffic.", "Page 2 of 2"]
    # running header and page numbers stay in the text, blanked out of what is analysed
    for furniture in (HEADER, "Page 1 of 2", "Page 2 of 2"):
        at = doc.text.index(furniture)
        assert not doc.analysed[at:at + len(furniture)].strip()
    assert "Aleppo" in doc.analysed and len(doc.analysed) == len(doc.text)


def test_extract_reads_a_pdf_and_its_offsets_index_the_text(report_pdf):
    result = CliRunner().invoke(main, ["extract", str(report_pdf)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    text = next(read_source(str(report_pdf))).text
    names = {p["name"] for p in report["places"]}
    assert {"Aleppo", "Idlib"} <= names
    mentions = [m for p in report["places"] for m in p["mentions"]]
    assert mentions and all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    assert report["document"]["published"] == "2017-11-03"


def test_a_page_number_alone_is_furniture_even_on_one_page():
    text, furniture = page_text([["Clashes were reported in Kidal on Monday, the mission said.", "- 3 -"]])
    assert [text[a:b] for a, b in furniture] == ["- 3 -"]


def test_a_scanned_pdf_gets_one_line(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([[], []]))
    result = CliRunner().invoke(main, ["extract", str(scan)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (f"frontlines: {scan}: this PDF has no text layer (a scan?); run OCR on it "
                                             "first, e.g. `ocrmypdf in.pdf out.pdf`, and give the result")
    assert "Traceback" not in result.output


def test_a_damaged_pdf_gets_one_line(tmp_path, report_pdf):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(report_pdf.read_bytes()[:300])
    result = CliRunner().invoke(main, ["extract", str(broken)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"frontlines: {broken}: ")


def test_in_a_folder_pdfs_are_read_and_other_kinds_counted_by_kind(tmp_path, report_pdf, extract):
    folder = tmp_path / "reports"
    (folder / "maps").mkdir(parents=True)
    (folder / "sitrep.pdf").write_bytes(report_pdf.read_bytes())
    for name in ("maps/aleppo.png", "maps/idlib.jpg", "budget.xlsx", "notes.docx", "data.xyz", ".DS_Store"):
        (folder / name).write_bytes(b"\x89PNG not read")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "c.duckdb"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "1 document read (1 added)" in result.stderr
    assert ("5 files of kinds frontlines does not read left aside (2 images, 2 office documents, 1 .xyz file)"
            in result.stderr)
