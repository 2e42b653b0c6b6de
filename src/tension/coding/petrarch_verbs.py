"""Read PETRARCH-2 and TABARI verb dictionaries (see :mod:`tension.coding.petrarch`).

The verbs of a block (irregular forms in ``{...}``), synsets (``&NAME`` then ``+member``
lines) and patterns ``- words * words [code]``: ``*`` is the verb, words joined by ``_``
are adjacent, a space allows a gap, ``&SYN`` is a synset, ``$``/``+`` mark source and
target (read here as any one word), ``(..)`` and ``{..}`` are dropped. ``[---]`` blocks an
event; ``[a:b]`` keeps ``a``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..codebook import events_table
from ..errors import TensionError
from .tokens import singular
from .verbs import Pattern, VerbDictionary

__all__ = ["read_verbs", "dictionary_lines", "CODE"]

#: a bracketed code: ``[IRN]``, ``[AZEGOV 030804-031104]``, ``[---]``
CODE = re.compile(r"\[([^\]]*)\]")
_CODE = CODE


def dictionary_lines(path: Path | str) -> list[tuple[int, str]]:
    """``(line number, text)`` of the non-empty lines, comments (``#``, ``;``, ``<!-- -->``) removed."""
    raw = Path(path).read_bytes().decode("utf-8", errors="replace")
    raw = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group().count("\n"), raw, flags=re.S)
    out = []
    for k, line in enumerate(raw.splitlines(), start=1):
        line = re.split(r"\s#|^#|;", line, maxsplit=1)[0].rstrip()
        if line.strip():
            out.append((k, line))
    return out



def _pattern_elements(text: str, classes: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    text = re.sub(r"[(){}]", " ", text)
    if "*" not in text:
        return (), ()
    pre, post = text.split("*", 1)

    def elements(part: str, before: bool) -> list[str]:
        out: list[str] = []
        for chunk in part.split():
            words = [w for w in chunk.split("_") if w]
            if not words:
                continue
            if out or not before:
                out.append("...")
            for w in words:
                if w.startswith("&"):
                    if w[1:] in classes:
                        out.append("@" + w[1:].lower())
                elif w in ("$", "+", "%", "^", "|"):
                    out.append(w if w in ("$", "+") else "...")
                else:
                    out.append(singular(w.lower()))
        return out

    before = elements(pre, True)
    after = elements(post, False)
    if post[:1] not in (" ", "") and after and after[0] == "...":
        after.pop(0)  # "*_OUT": the word right after the verb
    return tuple(e for e in before if e not in ("$", "+")), tuple(after)


def read_verbs(path: Path | str, unknown_codes: str = "error", name: str | None = None) -> tuple[VerbDictionary, set[str]]:
    """Read a PETRARCH-2 or TABARI verb file; return the dictionary and its non-CAMEO codes."""
    vd = VerbDictionary(name=name or Path(path).name)
    known = set(events_table().index)
    unknown: set[str] = set()
    lines = dictionary_lines(path)
    current_syn = None
    for k, line in lines:  # synsets first
        s = line.strip()
        if s.startswith("&"):
            current_syn = s[1:].split()[0].strip("_")
            vd.add_class(current_syn.lower(), [])
        elif s.startswith("+") and current_syn:
            words = tuple(singular(w.lower()) for w in re.split(r"[_ ]+", s[1:]) if w and not w.startswith("&"))
            if words:
                vd.add_class(current_syn.lower(), [words])
        elif current_syn and not s.startswith("+"):
            current_syn = None
    classes = {c.upper(): c for c in vd.classes}
    block_verbs: list[str] = []
    block_code = ""
    count = 0

    def code_of(body: str, where: str) -> str:
        code = body.split(":")[0].strip()
        if code in ("---", ""):
            return ""
        if code not in known:
            unknown.add(code)
            if unknown_codes == "error":
                raise TensionError(f"{where}: code [{body}] is not a CAMEO code; fix it or pass unknown_codes='keep' (scores will be missing)")
            if unknown_codes == "drop":
                return ""
        return code

    in_synset = False
    for k, line in lines:
        where = f"{Path(path).name} line {k}"
        s = line.strip()
        if s.startswith("&"):
            in_synset = True
            continue
        if s.startswith("+") and in_synset:
            continue
        in_synset = False
        head = re.match(r"-{3}\s*(\S+)\s*(?:\[([^\]]*)\])?\s*-{3}", s)
        if head:
            block_verbs, block_code = [], code_of(head.group(2) or "---", where)
            continue
        if s.startswith("-"):
            codes = _CODE.findall(s)
            if not codes or not block_verbs:
                continue
            before, after = _pattern_elements(_CODE.sub("", s[1:]), classes)
            code = code_of(codes[-1], where)
            for verb in block_verbs:
                count += 1
                vd.add(Pattern(f"{vd.name}:{k}", verb, "v", before, after, code))
            continue
        codes = _CODE.findall(s)
        word_part = _CODE.sub("", s)
        forms = re.findall(r"\{([^}]*)\}", word_part)
        word_part = re.sub(r"\{[^}]*\}", "", word_part).strip().lstrip("+")
        words = [w for w in word_part.split("_") if w and w != "+"]
        if not words:
            continue
        verb = words[0].lower().strip("+")
        if not head and not s.startswith(("+",)) and codes and not block_verbs and not line[:1].isspace():
            block_verbs, block_code = [], code_of(codes[0], where)  # TABARI: "VERB [code]" starts a block
        own = code_of(codes[0], where) if codes else block_code
        block_verbs.append(verb)
        extra = tuple(singular(w.lower().strip("+")) for w in words[1:])
        vd.add(Pattern(f"{vd.name}:{k}", verb, "v", (), extra, own))
        for f in forms:
            vd.add_forms(verb, [x.lower() for x in f.split()])
    return vd, unknown
