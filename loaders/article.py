"""The unit every loader produces and every later stage consumes."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article cut from a source file.

    ``doc_id`` is ``<file stem>#<index>`` (index counts articles in the file from 0), so
    it is stable for the same file and never depends on the order files are read in.
    ``span`` is the article's [start, end) character range in the decoded source text.
    """

    doc_id: str
    source: str                      # path of the source file, as given
    index: int
    text: str
    span: tuple[int, int]
    title: str = ""
    date: str | None = None          # ISO yyyy-mm-dd when the text or file says so
    publication: str | None = None   # e.g. 重庆日报, 北碚报, 新闻联播
    authors: tuple[str, ...] = ()    # reporters, authors, photographers
    home: str | None = None          # the district a local paper speaks for (我区 → 北碚区)
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def stem(self) -> str:
        return self.doc_id.rsplit("#", 1)[0]


class LoadError(Exception):
    """A file that could not be read; the message names the file and the problem."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
