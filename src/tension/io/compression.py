"""Open what the user gave (a path, bytes, a file object) as one stream of bytes, reading
``.zip`` and ``.gz`` archives directly and refusing archives that expand to absurd sizes.

The guard: while decompressing, the bytes produced may not exceed
``max(MAX_EXPANSION_RATIO * compressed bytes read, EXPANSION_FLOOR_BYTES)``; a zip member
whose declared size breaks that rule is refused before reading. Event files compress 5-15
times; a "zip bomb" expands thousands of times and is stopped early with a
:class:`tension.TensionError` instead of filling the memory.

>>> import gzip, io
>>> from tension.io.compression import open_input
>>> source = open_input(io.BytesIO(gzip.compress(b"a\\tb\\n")))
>>> source.compression, source.read(100)
('gzip', b'a\\tb\\n')
"""

from __future__ import annotations

import gzip
import io
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, Union

from ..errors import TensionError

__all__ = ["Input", "open_input", "MAX_EXPANSION_RATIO", "EXPANSION_FLOOR_BYTES", "Source"]

#: Decompressed bytes allowed per compressed byte (checked while reading).
MAX_EXPANSION_RATIO = 200
#: Below this many decompressed bytes the ratio is not checked (tiny, very regular files).
EXPANSION_FLOOR_BYTES = 64 * 2**20

Source = Union[str, os.PathLike, bytes, bytearray, memoryview, IO[bytes], IO[str]]

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"


class Input:
    """A readable stream of the (decompressed) content plus what is known about it:
    ``name``, ``compression``, ``total_size`` (bytes of the file itself), ``path`` (plain
    files only) and ``consumed`` (bytes of the file read so far)."""

    def __init__(self, stream: IO[bytes], name: str, *, compression: str | None,
                 position: Callable[[], int], total_size: int | None, closers: list) -> None:
        self._stream, self.name, self.compression = stream, name, compression
        self._position, self.total_size, self._closers = position, total_size, closers
        self.produced = 0
        self.path: Path | None = None
        self._pushed = b""

    @property
    def consumed(self) -> int:
        """Bytes read from the underlying file so far (compressed bytes for an archive)."""
        return self._position()

    def _guard(self, n: int) -> None:
        self.produced += n
        if self.compression and self.produced > max(MAX_EXPANSION_RATIO * max(self.consumed, 1), EXPANSION_FLOOR_BYTES):
            raise TensionError(
                f"{self.name}: the {self.compression} archive expands more than {MAX_EXPANSION_RATIO} times "
                f"({self.produced:,} bytes from {self.consumed:,}); refusing to read what looks like a "
                "decompression bomb. If the file is genuine, decompress it yourself or raise "
                "tension.io.compression.MAX_EXPANSION_RATIO"
            )

    def readinto(self, view: memoryview) -> int:
        """Fill ``view`` as far as the content goes; return the number of bytes (0 at the end)."""
        filled = 0
        if self._pushed:
            filled = min(len(self._pushed), len(view))
            view[:filled] = self._pushed[:filled]
            self._pushed = self._pushed[filled:]
        while filled < len(view):
            try:
                n = self._stream.readinto(view[filled:])  # type: ignore[attr-defined]
            except (EOFError, zlib.error, zipfile.BadZipFile, gzip.BadGzipFile) as exc:
                raise TensionError(f"{self.name}: the {self.compression or ''} archive is damaged or cut short "
                                   f"({exc}); download it again") from None
            if not n:
                break
            self._guard(n)
            filled += n
        return filled

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes of content (fewer only at the end); ``b""`` at the end."""
        parts, wanted = [], n
        if self._pushed:
            head, self._pushed = self._pushed[:n], self._pushed[n:]
            parts.append(head)
            wanted -= len(head)
        while wanted > 0:
            try:
                data = self._stream.read(wanted)
            except (EOFError, zlib.error, zipfile.BadZipFile, gzip.BadGzipFile) as exc:
                raise TensionError(f"{self.name}: the {self.compression or ''} archive is damaged or cut short "
                                   f"({exc}); download it again") from None
            if not data:
                break
            self._guard(len(data))
            parts.append(data)
            wanted -= len(data)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def unread(self, n: int) -> bool:
        """Step back ``n`` bytes (plain seekable files only); False when not possible."""
        if self.compression or self._pushed or self.path is None or n > self.produced:
            return False
        self._stream.seek(-n, io.SEEK_CUR)
        self.produced -= n
        return True

    def peek(self, n: int) -> bytes:
        """The next ``n`` bytes (fewer at the end) without consuming them."""
        if len(self._pushed) < n:
            pushed, self._pushed = self._pushed, b""
            self._pushed = pushed + self.read(n - len(pushed))
        return self._pushed[:n]

    def close(self) -> None:
        for closer in reversed(self._closers):
            closer.close()
        self._closers = []

    def __enter__(self) -> Input:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Unseekable(io.RawIOBase):
    """A non-seekable binary stream with its first bytes put back, counting what is read."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest, self.count = head, rest, len(head)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        if self.head:
            n = min(len(self.head), len(b))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(b))
        b[: len(data)] = data
        self.count += len(data)
        return len(data)


def _zip_member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    members = [m for m in archive.infolist()
               if not m.is_dir() and not m.filename.startswith("__MACOSX/") and not Path(m.filename).name.startswith(".")]
    if len(members) != 1:
        listed = ", ".join(m.filename for m in members[:10]) or "nothing"
        raise TensionError(f"{name}: a zip archive must hold exactly one events file, this one holds {listed}; "
                           "extract the file you want and read it")
    member = members[0]
    if member.file_size > max(MAX_EXPANSION_RATIO * max(member.compress_size, 1), EXPANSION_FLOOR_BYTES):
        raise TensionError(
            f"{name}: {member.filename} would expand from {member.compress_size:,} to {member.file_size:,} bytes "
            f"(more than {MAX_EXPANSION_RATIO} times); refusing what looks like a decompression bomb"
        )
    return member


def _open_raw(source: Source) -> tuple[IO[bytes], str, int | None, list]:
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise FileNotFoundError(2, "No such file or directory", str(path))
        if path.is_dir():
            raise TensionError(f"{path} is a folder; give the path of one events file")
        handle = open(path, "rb")
        return handle, str(path), path.stat().st_size, [handle]
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(bytes(source)), "<bytes>", len(source), []
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "<buffer>"))
        if isinstance(source.read(0), str):
            data = source.read().encode("utf-8")  # type: ignore[union-attr]
            return io.BytesIO(data), name, len(data), []
        return source, name, None, []  # type: ignore[return-value]
    raise TensionError(f"cannot read events from a {type(source).__name__}; give a path, bytes or a file object")


def open_input(source: Source) -> Input:
    """Open ``source`` for reading: a path (plain, ``.gz`` or ``.zip``), bytes, or a file
    object (binary or text). Archives are recognised by their first bytes, not their names."""
    handle, name, total, closers = _open_raw(source)
    seekable = hasattr(handle, "seekable") and handle.seekable()
    if seekable:
        start = handle.tell()
        head = handle.read(4)
        handle.seek(start)
        position: Callable[[], int] = lambda: handle.tell() - start  # noqa: E731
    else:
        head = handle.read(4)
        handle = _Unseekable(head, handle)  # type: ignore[assignment]
        position = lambda: handle.count  # type: ignore[attr-defined]  # noqa: E731
    if head.startswith(_GZIP_MAGIC):
        stream = gzip.GzipFile(fileobj=handle, mode="rb")
        return Input(stream, name, compression="gzip", position=position, total_size=total, closers=closers)
    if head.startswith(_ZIP_MAGIC):
        data = handle if seekable else io.BytesIO(handle.read())
        try:
            archive = zipfile.ZipFile(data)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise TensionError(f"{name}: the zip archive is damaged or cut short ({exc}); download it again") from None
        member = _zip_member(archive, name)
        inner = archive.open(member)
        closers += [archive, inner]
        ratio = member.compress_size / member.file_size if member.file_size else 1.0
        reader = Input(inner, name if not name.startswith("<") else f"{name}:{member.filename}", compression="zip",
                       position=lambda: int(reader.produced * ratio), total_size=total, closers=closers)
        return reader
    plain = Input(handle, name, compression=None, position=position, total_size=total, closers=closers)
    if isinstance(source, (str, os.PathLike)):
        plain.path = Path(source)
    return plain
