""".zip and .gz inputs, and the guard against archives that expand absurdly."""

from __future__ import annotations

import gzip
import io
import random
import zipfile

import pytest

import tension as tn
import tension.io.compression as compression
from io_samples import gdelt2_row, lines

DATA = lines(gdelt2_row(GLOBALEVENTID="1"), gdelt2_row(GLOBALEVENTID="2"))


def _zip(members: dict[str, bytes]) -> bytes:
    sink = io.BytesIO()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return sink.getvalue()


@pytest.mark.parametrize("suffix, pack", [
    (".CSV.zip", lambda d: _zip({"20230127151500.export.CSV": d})),
    (".CSV.gz", gzip.compress),
    (".CSV", lambda d: d),
])
def test_archives_read_like_the_plain_file(tmp_path, suffix, pack):
    path = tmp_path / f"events{suffix}"
    path.write_bytes(pack(DATA))
    df = tn.read_events(path)
    report = df.attrs["read_report"]
    assert df["event_id"].tolist() == ["1", "2"] and report.format == "gdelt2"
    assert report.compression == {".CSV.zip": "zip", ".CSV.gz": "gzip", ".CSV": None}[suffix]


def test_archives_are_recognised_by_content_not_name(tmp_path):
    path = tmp_path / "misnamed.txt"
    path.write_bytes(gzip.compress(DATA))
    assert len(tn.read_events(path)) == 2


def test_unseekable_streams():
    class Stream(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.inner = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:
            data = self.inner.read(min(len(b), 7))
            b[: len(data)] = data
            return len(data)

    assert len(tn.read_events(Stream(DATA))) == 2
    assert len(tn.read_events(Stream(gzip.compress(DATA)))) == 2
    assert len(tn.read_events(Stream(_zip({"a.csv": DATA})))) == 2


def test_zip_with_several_files_is_refused():
    with pytest.raises(tn.TensionError, match="exactly one events file"):
        tn.read_events(_zip({"a.csv": DATA, "b.csv": DATA}))


def test_gzip_bomb_is_stopped(monkeypatch):
    monkeypatch.setattr(compression, "EXPANSION_FLOOR_BYTES", 1 << 16)
    bomb = gzip.compress(DATA + b"\n" * (8 << 20))
    with pytest.raises(tn.TensionError, match="decompression bomb"):
        tn.read_events(bomb, format="gdelt2")


def test_zip_bomb_is_stopped_before_reading(monkeypatch):
    monkeypatch.setattr(compression, "EXPANSION_FLOOR_BYTES", 1 << 16)
    bomb = _zip({"big.csv": b"\n" * (8 << 20)})
    with pytest.raises(tn.TensionError, match="would expand"):
        tn.read_events(bomb, format="gdelt2")


def test_ordinary_compression_ratios_pass(monkeypatch):
    monkeypatch.setattr(compression, "EXPANSION_FLOOR_BYTES", 1 << 10)
    rng = random.Random(0)
    many = lines(*(gdelt2_row(GLOBALEVENTID=str(rng.randrange(10**9)), AvgTone=str(rng.random()),
                              SOURCEURL=f"https://example.org/{rng.getrandbits(64):x}") for _ in range(4000)))
    assert len(tn.read_events(gzip.compress(many), format="gdelt2")) == 4000
