"""Repair the text of OCR'd newspaper columns while remembering where each character
came from, so a range of the repaired text maps back to a range of the source.

Rules: a line break becomes a paragraph break only after sentence-final punctuation,
around a heading-like block, or around a line that is a whole bracketed note; otherwise
lines are joined (column breaks, even across blank lines). Spaces next to CJK text are
dropped (``据 悉 ，截 至`` → ``据悉，截至``, ``4 月 21 日`` → ``4月21日``); ASCII
punctuation inside Chinese text becomes full-width; full-width digits and letters
become ASCII.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
_TERMINAL = set("。！？!?…")
_CLOSERS = set("”’」』）)》】\"'")
_NO_HEADING = set("，。；！？,;!?：:")
_TO_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")


def is_cjk(c: str) -> bool:
    """Whether the character ``c`` is an ideograph; False for "" (no neighbour)."""
    if not c:
        return False
    o = ord(c)
    return any(a <= o <= b for a, b in _CJK_RANGES)


def is_wide(c: str) -> bool:
    """CJK ideographs and the punctuation/symbols used with them; False for ""."""
    if not c:
        return False
    o = ord(c)
    return (is_cjk(c) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or 0x2010 <= o <= 0x206F or 0x25A0 <= o <= 0x25FF)


def lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) of each line of text[start:end], newline excluded."""
    end = len(text) if end is None else end
    out = []
    for m in LINE_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        out.append((s, e))
    return out


@dataclass(frozen=True)
class Repaired:
    text: str
    index: tuple[int, ...]   # index[i] = source offset of text[i]; one extra entry at the end

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the repaired text to the source text."""
        if not self.text:
            return (self.index[-1], self.index[-1])
        s = self.index[min(start, len(self.text) - 1)]
        e = self.index[end - 1] + 1 if end > start else s
        return (s, e)


def is_note(line: str) -> bool:
    """A whole line in brackets, such as （记者 申晓佳） or （作者系…）（通讯员 …）: the
    bracket that opens it closes at its end, or where another bracketed part begins
    (not ``(本报讯)3月5日，… (x)``, a sentence between two brackets)."""
    line = line.strip()
    if len(line) < 2 or line[0] not in "（(" or line[-1] not in "）)":
        return False
    depth = 0
    for i, c in enumerate(line):
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth -= 1
            if depth == 0 and i + 1 < len(line) and line[i + 1:].lstrip()[:1] not in ("（", "("):
                return False
    return True


def ends_sentence(s: str) -> bool:
    s = s.rstrip()
    if not s:
        return True
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in _TERMINAL


def is_heading(block: list[str], max_line: int = 32, max_total: int = 64) -> bool:
    """A block of short lines with no sentence punctuation: a headline or subheading."""
    keys = ["".join(x.split()) for x in block]
    if not any(keys) or sum(map(len, keys)) > max_total or max(map(len, keys)) > max_line:
        return False
    return not any(c in _NO_HEADING for k in keys for c in k)


def _normalize_line(src: str, s: int, e: int, out: list[str], idx: list[int]) -> None:
    """Append src[s:e] to out with spacing and punctuation normalized."""
    i = s
    while i < e:
        c = src[i]
        o = ord(c)
        if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
            c = chr(o - 0xFEE0)   # full-width digit/letter → ASCII
        if c.isspace():
            j = i
            while j < e and src[j].isspace():
                j += 1
            left = out[-1] if out and out[-1] != "\n" else ""
            right = src[j] if j < e else ""
            # keep one space only between two ASCII (non-wide) characters
            if left and right and not is_wide(left) and not is_wide(right) and right != "\u3000":
                out.append(" ")
                idx.append(i)
            i = j
            continue
        left = out[-1] if out else ""
        nxt = i + 1
        while nxt < e and src[nxt].isspace():
            nxt += 1
        right = src[nxt] if nxt < e else ""
        if c in _TO_WIDE and (is_cjk(left) or is_cjk(right)):
            c = _TO_WIDE[c]
        elif c == "." and is_cjk(left) and (not right or is_cjk(right)):
            c = "。"
        out.append(c)
        idx.append(i)
        i += 1


def _fix_quotes(out: list[str]) -> None:
    """ASCII double quotes in Chinese paragraphs become “ ” alternately."""
    start = 0
    for k in range(len(out) + 1):
        if k == len(out) or out[k] == "\n":
            para = out[start:k]
            if '"' in para and any(is_cjk(c) for c in para):
                opening = True
                for j in range(start, k):
                    if out[j] == '"':
                        out[j] = "“" if opening else "”"
                        opening = not opening
            start = k + 1


def repair_lines(src: str, spans: list[tuple[int, int]]) -> Repaired:
    """Repair the given source lines (in order; blank lines mark block boundaries)."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in spans:
        if src[s:e].strip():
            blocks[-1].append((s, e))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    out: list[str] = []
    idx: list[int] = []
    prev_heading = False
    prev_line = ""
    for block in blocks:
        texts = [src[s:e] for s, e in block]
        # a heading must start after a finished sentence, else it is a column-break fragment
        heading = is_heading(texts) and (not out or prev_heading or ends_sentence("".join(out[-3:])))
        for n, (s, e) in enumerate(block):
            line = src[s:e]
            s += len(line) - len(line.lstrip())
            e -= len(line) - len(line.rstrip())
            if out:
                tail = "".join(out[-3:])
                first = src[s]
                brk = (ends_sentence(tail) or (n == 0 and (heading or prev_heading))
                       or is_note(prev_line) or is_note(src[s:e]))
                if brk:
                    out.append("\n")
                    idx.append(s)
                elif out[-1].isascii() and out[-1].isalpha() and first.isascii() and first.isalpha():
                    out.append(" ")   # an English word broken across lines
                    idx.append(s)
            _normalize_line(src, s, e, out, idx)
            prev_line = src[s:e]
        prev_heading = heading
    _fix_quotes(out)
    end = idx[-1] + 1 if idx else (spans[0][0] if spans else 0)
    return Repaired("".join(out), tuple(idx) + (end,))


def repair(text: str) -> Repaired:
    """Repair a whole OCR'd text."""
    return repair_lines(text, lines(text))
