"""Tests of the STREAM chunk layer: round trips and every kind of damage."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from meili_desktop.exchange.errors import CorruptedError, TrailingDataError, TruncatedError
from meili_desktop.exchange.stream import (
    CHUNK_SIZE,
    TAG_SIZE,
    ChunkSealer,
    StreamReader,
    StreamWriter,
    chunk_count,
    chunk_nonce,
    decrypt_to_temp_file,
    sealed_length,
)
from meili_desktop.exchange.suites.base import CipherSuite

HEADER_HASH = b"\x11" * 32
FILE_KEY = b"\x22" * 32
LENGTHS = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE,
           3 * CHUNK_SIZE + 17]


def _plaintext(length: int) -> bytes:
    return bytes((index * 7 + 3) % 251 for index in range(length))


def _seal(suite: CipherSuite, plaintext: bytes, file_key: bytes | None = FILE_KEY) -> bytes:
    output = io.BytesIO()
    writer = StreamWriter(output, ChunkSealer(suite, HEADER_HASH, file_key), len(plaintext))
    # Uneven pieces exercise the buffering.
    for start in range(0, len(plaintext), 10_000):
        writer.write(plaintext[start:start + 10_000])
    writer.close()
    return output.getvalue()


def _open(suite: CipherSuite, sealed: bytes, length: int,
          file_key: bytes | None = FILE_KEY) -> bytes:
    reader = StreamReader(io.BytesIO(sealed), ChunkSealer(suite, HEADER_HASH, file_key), length)
    pieces = []
    while reader.remaining:
        pieces.append(reader.read(7_777))
    reader.finish()
    return b"".join(pieces)


def _chunks(sealed: bytes, length: int) -> list[bytes]:
    count = chunk_count(length)
    sizes = [CHUNK_SIZE + TAG_SIZE] * (count - 1)
    sizes.append(len(sealed) - sum(sizes))
    result, offset = [], 0
    for size in sizes:
        result.append(sealed[offset:offset + size])
        offset += size
    return result


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("file_key", [FILE_KEY, None], ids=["encrypted", "public"])
def test_roundtrip(suite: CipherSuite, length: int, file_key: bytes | None) -> None:
    plaintext = _plaintext(length)
    sealed = _seal(suite, plaintext, file_key)
    assert len(sealed) == sealed_length(length)
    assert _open(suite, sealed, length, file_key) == plaintext


def test_chunk_counts() -> None:
    assert chunk_count(0) == 1
    assert chunk_count(CHUNK_SIZE) == 1
    assert chunk_count(CHUNK_SIZE + 1) == 2


def test_nonce_layout() -> None:
    assert chunk_nonce(0, False) == bytes(12)
    assert chunk_nonce(1, True) == bytes(10) + b"\x01\x01"
    assert chunk_nonce(0x0102, False)[9:] == b"\x01\x02\x00"


def test_encrypted_hides_plaintext(suite: CipherSuite) -> None:
    plaintext = b"secret entry " * 100
    assert b"secret entry" not in _seal(suite, plaintext)


@pytest.mark.parametrize("file_key", [FILE_KEY, None], ids=["encrypted", "public"])
def test_truncation_at_every_boundary(suite: CipherSuite, file_key: bytes | None) -> None:
    length = 3 * CHUNK_SIZE + 17
    sealed = _seal(suite, _plaintext(length), file_key)
    cuts = [0, 1, CHUNK_SIZE + TAG_SIZE, 2 * (CHUNK_SIZE + TAG_SIZE),
            3 * (CHUNK_SIZE + TAG_SIZE), len(sealed) - 1, 100, CHUNK_SIZE + TAG_SIZE + 5]
    for cut in cuts:
        with pytest.raises(TruncatedError):
            _open(suite, sealed[:cut], length, file_key)


def test_full_final_chunk_cannot_be_dropped(suite: CipherSuite) -> None:
    # Two full chunks; a reader told the payload is one chunk long sees a non-final chunk.
    sealed = _seal(suite, _plaintext(2 * CHUNK_SIZE))
    with pytest.raises(CorruptedError):
        _open(suite, sealed[:CHUNK_SIZE + TAG_SIZE], CHUNK_SIZE)


def test_trailing_bytes(suite: CipherSuite) -> None:
    sealed = _seal(suite, _plaintext(CHUNK_SIZE + 3))
    with pytest.raises(TrailingDataError):
        _open(suite, sealed + b"\x00", CHUNK_SIZE + 3)


def test_trailing_bytes_after_empty_payload(suite: CipherSuite) -> None:
    sealed = _seal(suite, b"")
    assert _open(suite, sealed, 0) == b""
    with pytest.raises(TrailingDataError):
        _open(suite, sealed + sealed, 0)


@pytest.mark.parametrize("file_key", [FILE_KEY, None], ids=["encrypted", "public"])
def test_reordered_chunks(suite: CipherSuite, file_key: bytes | None) -> None:
    length = 3 * CHUNK_SIZE + 17
    chunks = _chunks(_seal(suite, _plaintext(length), file_key), length)
    swapped = chunks[1] + chunks[0] + chunks[2] + chunks[3]
    with pytest.raises(CorruptedError):
        _open(suite, swapped, length, file_key)


def test_dropped_middle_chunk(suite: CipherSuite) -> None:
    length = 3 * CHUNK_SIZE + 17
    chunks = _chunks(_seal(suite, _plaintext(length)), length)
    with pytest.raises((CorruptedError, TruncatedError)):
        _open(suite, chunks[0] + chunks[2] + chunks[3], length)


@pytest.mark.parametrize("file_key", [FILE_KEY, None], ids=["encrypted", "public"])
def test_bit_flips(suite: CipherSuite, file_key: bytes | None) -> None:
    length = 2 * CHUNK_SIZE + 5
    sealed = _seal(suite, _plaintext(length), file_key)
    for position in [0, 100, CHUNK_SIZE + TAG_SIZE - 1, CHUNK_SIZE + TAG_SIZE + 3,
                     len(sealed) - 1]:
        damaged = bytearray(sealed)
        damaged[position] ^= 0x04
        with pytest.raises(CorruptedError):
            _open(suite, bytes(damaged), length, file_key)


def test_other_header_hash_fails(suite: CipherSuite) -> None:
    sealed = _seal(suite, b"abc")
    reader = StreamReader(io.BytesIO(sealed), ChunkSealer(suite, b"\x12" * 32, FILE_KEY), 3)
    with pytest.raises(CorruptedError):
        reader.read(3)


def test_writer_rejects_wrong_length(suite: CipherSuite) -> None:
    writer = StreamWriter(io.BytesIO(), ChunkSealer(suite, HEADER_HASH, FILE_KEY), 4)
    with pytest.raises(ValueError):
        writer.write(b"12345")
    writer.write(b"123")
    with pytest.raises(ValueError):
        writer.close()


def test_decrypt_to_temp_file(suite: CipherSuite, tmp_path: Path) -> None:
    plaintext = _plaintext(CHUNK_SIZE + 9)
    sealed = _seal(suite, plaintext)
    reader = StreamReader(io.BytesIO(sealed), ChunkSealer(suite, HEADER_HASH, FILE_KEY),
                          len(plaintext))
    path = decrypt_to_temp_file(reader, tmp_path)
    assert path.read_bytes() == plaintext


def test_decrypt_to_temp_file_removed_on_failure(suite: CipherSuite, tmp_path: Path) -> None:
    plaintext = _plaintext(2 * CHUNK_SIZE + 9)
    sealed = _seal(suite, plaintext)
    reader = StreamReader(io.BytesIO(sealed[:-1]), ChunkSealer(suite, HEADER_HASH, FILE_KEY),
                          len(plaintext))
    with pytest.raises(TruncatedError):
        decrypt_to_temp_file(reader, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_reader_reports_progress(suite: CipherSuite) -> None:
    length = 2 * CHUNK_SIZE + 1
    seen: list[tuple[int, int]] = []
    reader = StreamReader(io.BytesIO(_seal(suite, _plaintext(length))),
                          ChunkSealer(suite, HEADER_HASH, FILE_KEY), length,
                          progress=lambda done, total: seen.append((done, total)))
    reader.read(length)
    reader.finish()
    assert seen == [(1, 3), (2, 3), (3, 3)]
