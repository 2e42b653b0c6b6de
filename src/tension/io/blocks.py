"""Cut a stream of text into blocks that end at a line end, so each block parses on its own.

Blocks are cut either by size (``read_events``: big blocks, few parser calls) or after a
given number of lines (``iter_events``: every chunk covers exactly ``chunksize`` input lines).
For quoted CSV a cut never falls inside a quoted field: the number of quote characters
before the cut must be even (doubled quotes ``""`` keep the count even).

>>> import io
>>> from tension.io.compression import open_input
>>> from tension.io.blocks import iter_blocks
>>> [bytes(b) for b in iter_blocks(open_input(b"a\\nb\\nc\\nd"), lines=3)]
[b'a\\nb\\nc\\n', b'd']
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa

from .compression import Input

__all__ = ["Block", "iter_blocks", "READ_PIECE"]

READ_PIECE = 8 * 2**20  # bytes asked from the stream at a time when cutting by lines


class Block:
    """A slice ``data[start:end]`` of a bytes object, handed around without copying."""

    __slots__ = ("data", "start", "end")

    def __init__(self, data: bytes, start: int = 0, end: int | None = None) -> None:
        self.data, self.start, self.end = data, start, len(data) if end is None else end

    def __len__(self) -> int:
        return self.end - self.start

    def __bytes__(self) -> bytes:
        return self.data[self.start : self.end]

    def buffer(self) -> pa.Buffer:
        """Zero-copy pyarrow buffer of the slice."""
        return pa.py_buffer(self.data).slice(self.start, self.end - self.start)

    def find(self, sub: bytes) -> int:
        i = self.data.find(sub, self.start, self.end)
        return i - self.start if i >= 0 else -1

    def startswith(self, prefix: bytes) -> bool:
        return self.data.startswith(prefix, self.start, self.end)

    def split_first_line(self) -> tuple[bytes, Block]:
        """The first line (without its line end) and the rest of the block."""
        i = self.data.find(b"\n", self.start, self.end)
        stop = self.end if i < 0 else i
        return bytes(self.data[self.start : stop]).rstrip(b"\r"), Block(self.data, min(stop + 1, self.end), self.end)


def _cut_by_size(data: bytes, start: int, quote: bytes | None) -> int:
    """Index just after the last line end that is not inside a quoted field (start if none)."""
    cut = data.rfind(b"\n", start) + 1
    if cut == 0:
        return start
    if quote is None:
        return cut
    parity = data.count(quote, start, cut) % 2
    while cut > start and parity:
        prev = max(data.rfind(b"\n", start, cut - 1) + 1, start)
        parity = (parity - data.count(quote, prev, cut)) % 2
        cut = prev
    return cut


def _cut_by_lines(data: bytes, start: int, lines: int, quote: bytes | None) -> int:
    """Index just after the ``lines``-th line end (outside quotes) from ``start``, or start if fewer."""
    if data.count(b"\n", start) < lines:
        return start
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8, offset=start) == 10) + start
    if quote is None:
        return int(ends[lines - 1]) + 1
    counted, parity, pos = 0, 0, start
    for end in ends:
        parity = (parity + data.count(quote, pos, int(end))) % 2
        pos = int(end)
        if parity == 0:
            counted += 1
            if counted == lines:
                return int(end) + 1
    return start


def iter_blocks(source: Input, *, size: int | None = None, lines: int | None = None,
                quote: bytes | None = None) -> Iterator[Block]:
    """Yield consecutive blocks of ``source`` that end at a line end (the last may not).

    Give ``size`` (bytes, approximate) or ``lines`` (exact count of line ends per block).
    """
    if (size is None) == (lines is None):
        raise ValueError("give exactly one of size= or lines=")
    carry = b""
    piece = size if size is not None else READ_PIECE
    while True:
        chunk = source.read(piece)
        if not chunk:
            if carry:
                yield Block(carry)
            return
        data = carry + chunk if carry else chunk
        start = 0
        while True:
            cut = _cut_by_size(data, start, quote) if size is not None else _cut_by_lines(data, start, lines, quote)  # type: ignore[arg-type]
            if cut == start:
                break
            yield Block(data, start, cut)
            start = cut
            if size is not None:
                break
        tail = len(data) - start
        if start and tail and source.unread(tail):  # plain file: read the tail again, no copy
            carry = b""
        else:
            carry = data[start:] if start else data
        if lines is not None:
            have = carry.count(b"\n")
            per_line = len(data) / max(data.count(b"\n"), 1)
            piece = max(READ_PIECE, int((lines - have) * per_line * 1.05))
