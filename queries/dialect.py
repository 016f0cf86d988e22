"""The library's Cypher (Neo4j's) in the embedded engine's dialect (LadybugDB's).

The differences are few and mechanical, and they live here alone:
- no second label: every node of the embedded database is govkg's, so ``:GovKG`` goes;
- ``type(r)`` is ``label(r)``, ``relationships(p)`` is ``rels(p)``;
- ``shortestPath((a)-[*..n]-(b))`` is the pattern ``(a)-[* SHORTEST 1..n]-(b)``;
- a list comprehension ``[x IN xs | f(x)]`` is ``list_transform(xs, x -> f(x))``;
- lists are 1-based: the 0-based index idiom ``range(0, size(xs) - 1)`` is
  ``range(1, size(xs))``;
- ``WITH … ORDER BY v`` followed by ``collect(v)`` (a list in order of its values):
  the engine does not keep the order in the list, so it is ``list_sort(collect(v))``.
- a relationship is matched once per MATCH in Neo4j (its relationships differ); the
  engine lets one relationship fill two patterns (``(a)-[:T]->(m)<-[:T]-(b)`` with
  ``a = b``), so each MATCH gets ``id(r1) <> id(r2)`` for every two of its
  fixed-length relationships that may be the same (variable-length ones are matched
  as trails, set where the database is opened: ``graph.store.embedded``).
A query using something the engine does not know fails there with its own message;
``queries/runner.py`` turns it into one that names ``--neo4j``.
"""
from __future__ import annotations

import re

_RULES = [
    (re.compile(r"(\(\s*\w*)\s*:GovKG\b"), r"\1"),
    (re.compile(r"\btype\(\s*(\w+)\s*\)"), r"label(\1)"),
    (re.compile(r"\brelationships\("), "rels("),
    (re.compile(r"shortestPath\(\s*\((\w+)\)(<?-)\[(:[\w|]+)?\*(\d*)\.\.(\d+)\](->?)\((\w+)\)\s*\)"),
     lambda m: f"({m[1]}){m[2]}[{m[3] or ''}* SHORTEST {m[4] or 1}..{m[5]}]{m[6]}({m[7]})"),
    (re.compile(r"\[\s*(\w+)\s+IN\s+([^|\[\]]+?)\s*\|\s*([^\[\]]+?)\s*\]"), r"list_transform(\2, \1 -> \3)"),
    (re.compile(r"range\(\s*0\s*,\s*size\(([^()]+)\)\s*-\s*1\s*\)"), r"range(1, size(\1))"),
    # WITH a, b ORDER BY b.x \n WITH a, collect(DISTINCT b.x) AS xs  ->  one WITH, the list sorted
    (re.compile(r"^WITH\s+[^\n]*?\s+ORDER\s+BY\s+([\w.]+)\s*\n\s*WITH\s+([^\n]*?)collect\((DISTINCT\s+)?\1\)\s+AS\s+(\w+)",
                re.M),
     lambda m: f"WITH {m[2]}list_sort(coalesce(collect({m[3] or ''}{m[1]}), [])) AS {m[4]}"),
]


def embedded(text: str) -> str:
    """The query in the embedded engine's dialect."""
    text = distinct_relationships(text)
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text


# Strings and comments, skipped when looking for clauses; the words that end a MATCH.
_SKIP = r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`|//[^\n]*'
_CLAUSE = re.compile(_SKIP + r"|\b(OPTIONAL\s+MATCH|MATCH|WITH|RETURN|UNWIND|ORDER\s+BY|SKIP|LIMIT|CALL|UNION|WHERE)\b",
                     re.I | re.S)
_REL = re.compile(r"(?<=-)\[\s*(\w*)\s*(:\s*[\w|:\s]+?)?\s*(\*[^\]{]*)?\s*(\{[^}]*\})?\s*\](?=-)")


def distinct_relationships(text: str) -> str:
    """Each MATCH with ``id(r1) <> id(r2)`` for its fixed-length relationship patterns
    that may bind one relationship (anonymous ones are named ``govkg_rN`` for it)."""
    marks = [(m.start(), m.group(1).upper().split()[0] if m.group(1) else None) for m in _CLAUSE.finditer(text)]
    marks = [(i, w) for i, w in marks if w]
    out, done, n = [], 0, 0
    for k, (start, word) in enumerate(marks):
        if word not in ("MATCH", "OPTIONAL"):
            continue
        end = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        where_end = None
        if k + 1 < len(marks) and marks[k + 1][1] == "WHERE":
            where_end = marks[k + 2][0] if k + 2 < len(marks) else len(text)
        pattern = text[start:end]
        rels, named = [], []

        def name(m):
            nonlocal n
            var, types, stars, props = m.group(1), m.group(2), m.group(3), m.group(4)
            if stars:
                return m.group(0)
            if not var:
                n += 1
                var = f"govkg_r{n}"
            kinds = frozenset(t.strip() for t in types.lstrip(":").replace(":", "|").split("|")) if types else None
            rels.append((var, kinds))
            return "[" + var + (types or "") + (" " + props if props else "") + "]"

        pattern = _REL.sub(name, pattern)
        pairs = [f"id({a}) <> id({b})" for i, (a, ka) in enumerate(rels) for b, kb in rels[i + 1:]
                 if ka is None or kb is None or ka & kb]
        out.append(text[done:start])
        if not pairs:
            out.append(pattern if where_end is None else pattern + text[end:where_end])
        elif where_end is None:
            out.append(pattern.rstrip() + " WHERE " + " AND ".join(pairs) + _trailing(pattern))
        else:
            body = text[end:where_end]
            cond = re.sub(r"^\s*WHERE\b", "", body, flags=re.I)
            out.append(pattern.rstrip() + " WHERE " + " AND ".join(pairs) + " AND (" + cond.strip() + ")"
                       + _trailing(body))
        done = where_end if where_end is not None else end
    out.append(text[done:])
    return "".join(out)


def _trailing(s: str) -> str:
    """The whitespace a clause ends with (kept before the next one)."""
    return s[len(s.rstrip()):] or " "
