"""HTML to text lines: block elements and <br> break lines, list items get "• " or "N. ", headings are kept apart.

Shared by the FirstAgenda JSON reader (its fields are HTML) and the .html reader. Entities are decoded;
whitespace inside a block collapses to single spaces (HTML source line breaks mean nothing); empty
blocks vanish. Table cells become lines of their own, row by row, cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ingest.source_files import content_hash, decode_utf8, read_bytes
from maalspor.model import IngestError, SourceDocument, SourceLine, SourceMeta

_BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form header hr li main nav ol p pre "
    "section table tbody thead tfoot tr td th ul".split()
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title"})
_WHITESPACE = re.compile(r"\s+")
BULLET = "• "


@dataclass(frozen=True)
class HtmlBlock:
    text: str
    heading: bool = False


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[HtmlBlock] = []
        self._text: list[str] = []
        self._heading_depth = 0
        self._skip_depth = 0
        self._lists: list[list[int]] = []  # per open list: [next number] for <ol>, [] for <ul>
        self._marker = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _HEADING_TAGS:
            self._flush()
            self._heading_depth += 1
        elif self._heading_depth:
            return  # markup inside a heading (spans, divs) stays part of the heading
        elif tag == "br" or tag in _BLOCK_TAGS:
            self._flush()
            self._open_list_or_item(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _HEADING_TAGS and self._heading_depth:
            self._heading_depth -= 1
            if not self._heading_depth:
                self._flush(heading=True)
        elif not self._heading_depth and tag in _BLOCK_TAGS:
            self._flush()
            if tag == "li":
                self._marker = ""  # an empty item must not lend its marker to the next text
            if tag in ("ol", "ul") and self._lists:
                self._lists.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _open_list_or_item(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "ol":
            start = attrs.get("start") or "1"
            self._lists.append([int(start) if start.isdigit() else 1])
        elif tag == "ul":
            self._lists.append([])
        elif tag == "li":
            numbering = self._lists[-1] if self._lists else []
            if numbering:
                self._marker = f"{numbering[0]}. "
                numbering[0] += 1
            else:
                self._marker = BULLET

    def _flush(self, heading: bool = False) -> None:
        text = _WHITESPACE.sub(" ", "".join(self._text)).strip()
        self._text = []
        if not text:
            return
        if not heading:
            text, self._marker = self._marker + text, ""
        self.blocks.append(HtmlBlock(text, heading))


def html_blocks(html: str) -> list[HtmlBlock]:
    collector = _BlockCollector()
    collector.feed(html)
    collector.close()
    return collector.blocks


def read_html(path: Path) -> SourceDocument:
    raw = read_bytes(path)
    blocks = html_blocks(decode_utf8(raw, path.name))
    if not blocks:
        raise IngestError(f"{path.name}: the HTML page holds no text")
    title = next((block.text for block in blocks if block.heading), None)
    lines = [SourceLine(page=None, line=number, text=block.text) for number, block in enumerate(blocks, start=1)]
    return SourceDocument(
        source_file=path.name, content_hash=content_hash(raw), format="html", lines=lines, meta=SourceMeta(title=title)
    )
