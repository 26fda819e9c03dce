"""Bytes to text: refuse binaries, honour byte-order marks, detect legacy encodings."""
from __future__ import annotations

import codecs

from frontlines.errors import InputError

# Magic numbers of the binaries scrapers most often hand over by mistake.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "a PDF", b"\x89PNG": "a PNG image", b"PK\x03\x04": "a zip archive (or .docx/.xlsx)",
    b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}

BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name) for a document's bytes, or raise InputError.

    A byte-order mark decides UTF-16/32; then UTF-8, then Windows-1252 (which
    reads latin-1 too); anything else goes to charset-normalizer's detection.
    """
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(source, f"this is {what}, not text; convert it to .txt or .html first", "binary")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding.replace("-sig", "")
    if b"\x00" in data[:4096]:
        raise InputError(source, "this is a binary file, not text; convert it to .txt or .html first", "binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"  # what English text that is not UTF-8 nearly always is
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported here: only legacy files pay for it

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot tell the text encoding; save it as UTF-8 and try again", "encoding")
    return str(best), best.encoding
