"""Helpers shared by the tests of the text coder (tests/test_coding_*.py)."""

from __future__ import annotations

import functools

import tension as tn


@functools.lru_cache(maxsize=1)
def coder() -> tn.TextCoder:
    return tn.TextCoder()


def triples(text: str, date: str | None = "2023-05-02") -> set[tuple[str, str, str]]:
    """``{(source, target, code)}`` coded from ``text`` by the default coder."""
    return {(e.source, e.target, e.code) for e in coder().events(text, date)}


def codes(text: str, date: str | None = "2023-05-02") -> list[str]:
    return [e.code for e in coder().events(text, date)]
