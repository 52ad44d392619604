"""Saved mail and single-file web pages: ``.eml`` and ``.mht``/``.mhtml``.

Both are MIME containers. A briefing desk gets its morning newsletters and brokers' notes by
mail, and browsers (Chrome, Edge, 360) save a page with its pictures as one ``.mhtml`` file.
The standard library's :mod:`email` parser opens both: transfer encodings (base64,
quoted-printable), multipart structure and encoded headers ("=?GB2312?B?…?=") are its job.
The page or message inside is then read as a web page (:mod:`~generator.ingest.html`) or as
text (:mod:`~generator.ingest.plaintext`); its bytes are decoded like any source's, whatever
charset the part declares (mail from Chinese clients says gb2312 and sends GBK).

A mail's subject is the title of its single article and its date is the article's date (a
newsletter is dated when it is sent); "Fwd:"/"转发：" prefixes are not part of the subject. A
saved page's headers name its address; their date is when it was saved, not published, and
is not used. Attachments are not read (a PDF mailed as an attachment is read when saved into
the sources folder); they are named in a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.data import Document, SourceMeta
from generator.errors import SourceError
from generator.ingest.encoding import decode
from generator.ingest.html import HtmlReader
from generator.ingest.metadata import merge_meta
from generator.ingest.plaintext import TextReader
from generator.ingest.reader import Reader, Source

if TYPE_CHECKING:
    from email.message import EmailMessage, MIMEPart

_MAIL = (".eml",)
# "Fwd:", "FW:", "Re:", "转发：", "回复：", as many as a thread stacks
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:(?:Fwd?|FW|Re|RE|AW|WG|转发|回复|答复)\s*[:：]))+\s*", re.IGNORECASE)


class MimeReader(Reader):
    file_extensions = (".eml", ".mht", ".mhtml")
    binary = True

    def read(self, source: Source) -> Document:
        import email  # (the email package costs every worker ~10 ms to import: only when a mail is read)
        import email.policy
        from email.message import EmailMessage

        message = email.message_from_bytes(source.raw, policy=email.policy.default)
        if not isinstance(message, EmailMessage) or not message.get_content_type():
            raise SourceError(f"{source.shown}: not a saved mail or web page (no MIME headers)")
        mail = source.path.suffix.lower() in _MAIL
        part = message.get_body(preferencelist=("html", "plain"))
        if part is None:
            raise SourceError(f"{source.shown}: no text or web page inside (only {_contents(message)})")
        attached = [a.get_filename() or a.get_content_type() for a in message.iter_attachments()] if mail else []
        if attached:
            source.warnings.append(f"attachments not read: {', '.join(attached)} (save them into the sources folder to read them)")
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            raise SourceError(f"{source.shown}: the {part.get_content_subtype()} part inside is empty")
        text, encoding = decode(payload, source.shown, source.warnings)
        headers = _mail_meta(message) if mail else _page_meta(message, part)
        if part.get_content_subtype() == "html":
            document = HtmlReader().read_text(source, text, encoding)
        else:
            document = TextReader().read_text(source, text, encoding)
        # the files beside it first (sidecar, sources.yaml), then for a mail its headers, then
        # the page; a saved page's own markup before its archive's headers
        meta = merge_meta(source.sidecar, source.indexed, headers, document.meta) if mail else merge_meta(document.meta, headers)
        return replace(document, meta=meta, extracted=True)


def _mail_meta(message: EmailMessage) -> SourceMeta | None:
    from email.utils import parsedate_to_datetime

    subject = _REPLY_PREFIX.sub("", str(message.get("subject", "") or "")).strip() or None
    date = None
    try:
        sent = parsedate_to_datetime(str(message["date"])) if message.get("date") else None
    except (TypeError, ValueError):
        sent = None
    if sent is not None:
        date = sent.date().isoformat()  # the day where it was sent, as its sender dated it
    if not subject and not date:
        return None
    return SourceMeta(title=subject, date=date, origin="mail")


def _page_meta(message: EmailMessage, part: MIMEPart) -> SourceMeta | None:
    url = str(message.get("snapshot-content-location", "") or part.get("content-location", "") or "").strip()
    return SourceMeta(url=url, origin="web archive") if url.startswith(("http://", "https://")) else None


def _contents(message: EmailMessage) -> str:
    kinds = [p.get_content_type() for p in message.walk() if not p.is_multipart()]
    return ", ".join(kinds) or "headers"
