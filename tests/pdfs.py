"""Small PDFs for the tests, written by hand: pages of text lines in Helvetica (a text layer, as
a word processor makes), or pages with only a drawn shape (a scan has pictures, no text)."""
from __future__ import annotations


def escape(text: str) -> str:
    """A PDF string literal's body (Latin-1 text)."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def page_stream(lines: list[str]) -> bytes:
    """Draw each line 14 points below the last, from the top of an A4 page; '' leaves a gap."""
    if not any(lines):
        return b"0.5 g 72 400 450 300 re f"  # a grey box: what a scanned page looks like to a text extractor
    ops, y = [], 800
    for line in lines:
        if line:
            ops.append(f"BT /F1 11 Tf 56 {y} Td ({escape(line)}) Tj ET")
        y -= 14
    return "\n".join(ops).encode("latin-1")


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A PDF of `pages` (each a list of lines), with an /Info dictionary (Title, Author, CreationDate)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]  # the page tree is filled in below
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = page_stream(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects), font))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_info = b""
    if info:
        objects.append(b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), escape(v).encode("latin-1"))
                                          for k, v in info.items()) + b" >>")
        trailer_info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_info, xref)
    return bytes(out)
