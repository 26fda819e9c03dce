"""The readers: page furniture, header fields, datelines, encodings, formats."""
from __future__ import annotations

import json

import pytest

from frontlines.errors import InputError
from frontlines.model import Document
from frontlines.read import read_text
from frontlines.read.article import is_furniture, read_article, split_authors, split_lines
from frontlines.read.decode import decode_bytes

PAGE = """Skip to main content
Harbor Tribune
World  |  Middle East & Africa
Subscribe   Log in

Rebels take the town in a dawn raid
A longer standfirst that explains what happened and why it matters to the region.

By Nadia Kassem, Omar Said and Peter Lowell
Harbor Tribune
June 27, 2019

Share
Listen to this article · 5 min

TRIPOLI, Libya — Forces loyal to the government recaptured the town of Gharyan on Wednesday, officials said.

Advertisement

Fighters stormed the town in a surprise assault and held it by the evening, a spokesman said.

Related coverage
Libya's war, explained
Who is Khalifa Haftar

Print
"""


@pytest.mark.parametrize("line", [
    "Print", "Share", "Advertisement", "Related coverage", "Skip to content", "Menu   Search   Subscribe",
    "World | Middle East | Iraq", "Listen to this article · 6 min read", "Share full article", "More in Africa",
])
def test_furniture_lines(line):
    assert is_furniture(split_lines(line)[0])


@pytest.mark.parametrize("line", [
    "Forces loyal to the government recaptured the town of Gharyan on Wednesday.",
    "Rebels take the town in a dawn raid",
])
def test_article_lines_are_not_furniture(line):
    assert not is_furniture(split_lines(line)[0])


@pytest.mark.parametrize("byline, authors", [
    ("Anne Barnard and Margaret Coker", ["Anne Barnard", "Margaret Coker"]),
    ("Nadia Kassem, Omar Said and Peter Lowell", ["Nadia Kassem", "Omar Said", "Peter Lowell"]),
    ("Hodan Abdi & Mark Ellison", ["Hodan Abdi", "Mark Ellison"]),
    ("Jane Doe", ["Jane Doe"]),
])
def test_split_authors(byline, authors):
    assert split_authors(byline) == authors


def test_header_fields():
    doc = read_article(PAGE)
    assert doc.title == "Rebels take the town in a dawn raid"
    assert doc.authors == ["Nadia Kassem", "Omar Said", "Peter Lowell"]
    assert doc.source == "Harbor Tribune"
    assert doc.published == "2019-06-27"
    assert doc.dateline.text == "TRIPOLI"
    assert doc.text[doc.dateline.start:doc.dateline.end] == "TRIPOLI"


def test_the_section_label_above_the_headline_is_read_and_the_masthead_is_not():
    doc = read_article("HARBOR TRIBUNE\n\nSUDAN\n\n" + PAGE.split("Subscribe   Log in\n\n", 1)[1])
    assert doc.title == "Rebels take the town in a dawn raid"
    assert "SUDAN" in doc.analysed and "HARBOR TRIBUNE" not in doc.analysed


def test_furniture_is_blanked_but_offsets_kept():
    doc = read_article(PAGE)
    assert len(doc.analysed) == len(doc.text)
    for hidden in ("Advertisement", "Skip to main content", "Libya's war, explained", "By Nadia", "Print\n"):
        assert hidden not in doc.analysed
    for kept in ("Rebels take the town", "Forces loyal to the government", "held it by the evening"):
        assert kept in doc.analysed


@pytest.mark.parametrize("first_line, dateline", [
    ("BEIRUT — Islamic State militants lost their last foothold.", "BEIRUT"),
    ("KYIV, Ukraine — Ukrainian soldiers drove into the city.", "KYIV"),
    ("MOSUL, Iraq (Reuters) - Iraqi forces advanced.", "MOSUL"),
    ("PORT SUDAN, Sudan — The army said so.", "PORT SUDAN"),
    ("ISLAMABAD: Gunmen killed two policemen in Mardan on Monday, police said.", "ISLAMABAD"),
    # a dateline on a line of its own, as old papers set it
    ("ST. PETERSBURG, Sunday night.\nTroops fired on the marchers.", "ST. PETERSBURG"),
    ("LONDON, Jan. 5.\nThe Cabinet met.", "LONDON"),
    # a headline in capitals is no dateline, nor a line that names no day
    ("RIOTS IN ST. PETERSBURG.\nST. PETERSBURG, Sunday night.\nTroops fired on the marchers.", "ST. PETERSBURG"),
    ("UN, NATO and EU officials met in Brussels on Monday to discuss the war.", None),
    ("Islamic State militants lost their last foothold in a major city on Friday, officials said.", None),
])
def test_datelines(first_line, dateline):
    doc = read_article(first_line + "\n")
    assert (doc.dateline.text if doc.dateline else None) == dateline


def test_the_text_date_wins_and_the_given_date_fills_in():
    assert read_article(PAGE, published="2001-01-01").published == "2019-06-27"
    assert read_article("BEIRUT — Fighting went on in Aleppo, officials said on Friday.\n",
                        published="2017-11-03").published == "2017-11-03"


def test_decode_legacy_and_bom_encodings():
    text = "Fighting in Deir ez-Zor — “the city” fell, said the café owner."
    assert decode_bytes(text.encode("utf-8"), "a.txt") == (text, "utf-8")
    assert decode_bytes(text.encode("utf-16"), "a.txt")[0] == text
    decoded, encoding = decode_bytes(text.encode("cp1252"), "a.txt")
    assert decoded == text and encoding != "utf-8"


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.4 binary", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"), (b"PK\x03\x04zipped", "zip"),
    (b"abc\x00\x00\x01\x02binary", "binary"),
])
def test_binaries_are_refused(data, what):
    with pytest.raises(InputError, match=what):
        decode_bytes(data, "x.bin")


def test_json_and_jsonl_records():
    records = [{"id": "a1", "text": "BEIRUT — Clashes in Aleppo.", "published": "2017-11-03", "title": "T"},
               {"text": ""}, {"text": "Fighting in Mosul.", "published": "2017-02-30"}]
    out = list(read_text("\n".join(json.dumps(r) for r in records) + "\n{broken", "f.jsonl", None, "jsonl"))
    assert isinstance(out[0], Document) and out[0].id == "a1" and out[0].title == "T"
    assert isinstance(out[1], InputError) and "line 2" in str(out[1])
    assert isinstance(out[2], InputError) and "YYYY-MM-DD" in str(out[2])
    assert isinstance(out[3], InputError) and "line 4" in str(out[3])


def test_html_page_through_trafilatura():
    html = """<!DOCTYPE html><html><head><title>Twin blasts | The Daily Meridian</title>
    <meta property="og:site_name" content="The Daily Meridian">
    <meta property="article:published_time" content="2022-10-30T11:20:00Z">
    <meta name="author" content="Hodan Abdi and Mark Ellison"></head>
    <body><nav><a href="/">Home</a></nav><article><h1>Twin blasts</h1>
    <p>MOGADISHU, Somalia — Two car bombs exploded minutes apart at a crowded junction in Somalia's capital
    on Saturday, killing at least 100 people, the president said, in the deadliest attack in five years.</p>
    <p>The first blast struck the ministry's outer wall, where money changers and street hawkers do business.</p>
    </article></body></html>"""
    doc = next(read_text(html, "page.html", None, "html"))
    assert doc.published == "2022-10-30"
    assert doc.source == "The Daily Meridian"
    assert doc.authors == ["Hodan Abdi", "Mark Ellison"]
    assert doc.dateline.text == "MOGADISHU"
    assert "Home" not in doc.text


def test_empty_text_is_an_error():
    assert isinstance(next(read_text("  \n\t ", "empty.txt")), InputError)
