"""STREAM chunked AEAD for package payloads, with bounded memory.

The payload plaintext is cut into 64 KiB chunks. Chunk ``i`` is sealed with the nonce
``i`` as an 11-byte big-endian counter followed by one flag byte, 1 on the last chunk and 0
elsewhere, and with the header hash as associated data. The last chunk is full when the length
is a multiple of 64 KiB, and an empty payload is one empty final chunk. This is the STREAM
construction (Hoang, Reyhanitabar, Rogaway and Vizár, 2015) as the age format uses it: dropping,
reordering or truncating chunks, or appending bytes, changes a nonce or the final flag and fails.

Encrypted payloads use the suite's AEAD under a chunk key derived with HKDF from the file key,
salted with the header hash. Signed but public payloads (distribution packages) are chunked the
same way, with an HMAC tag under a key derived from the header hash alone. Anyone can compute
that key, so the tag only locates damage. Authenticity comes from the signed manifest.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag

from meili_desktop.exchange.errors import CorruptedError, TrailingDataError, TruncatedError
from meili_desktop.exchange.suites.base import CipherSuite

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
_COUNTER_LIMIT = 1 << 88
_PAYLOAD_KEY_INFO = b"meili-package payload key"
_PUBLIC_KEY_INFO = b"meili-package public payload key"

ProgressCallback = Callable[[int, int], None]


def chunk_count(plaintext_length: int) -> int:
    """Return the number of chunks a payload of this length has (at least one)."""
    return max(1, -(-plaintext_length // CHUNK_SIZE))


def sealed_length(plaintext_length: int) -> int:
    """Return the number of payload bytes in the file for this plaintext length."""
    return plaintext_length + chunk_count(plaintext_length) * TAG_SIZE


def chunk_nonce(counter: int, is_final: bool) -> bytes:
    """Return the 12-byte nonce of chunk ``counter``."""
    if not 0 <= counter < _COUNTER_LIMIT:
        raise ValueError("chunk counter out of range")
    return counter.to_bytes(11, "big") + (b"\x01" if is_final else b"\x00")


class ChunkSealer:
    """Seals and opens single chunks of one payload.

    Args:
        suite: the package's cipher suite.
        header_hash: hash of the preamble and header bytes, the associated data of every chunk.
        file_key: the 32-byte file key of an encrypted payload, or None for a public payload.
    """

    def __init__(self, suite: CipherSuite, header_hash: bytes, file_key: bytes | None) -> None:
        self._suite = suite
        self._header_hash = header_hash
        self._aead = None
        if file_key is not None:
            key = suite.hkdf(file_key, header_hash, _PAYLOAD_KEY_INFO, suite.aead_key_size)
            self._aead = suite.chunk_aead(key)
        else:
            self._mac_key = suite.hkdf(b"", header_hash, _PUBLIC_KEY_INFO, suite.digest_size)

    @property
    def is_encrypted(self) -> bool:
        return self._aead is not None

    def seal(self, counter: int, is_final: bool, chunk: bytes) -> bytes:
        """Return the chunk as written to the file: ciphertext or plaintext, then the tag."""
        nonce = chunk_nonce(counter, is_final)
        if self._aead is not None:
            return self._aead.encrypt(nonce, chunk, self._header_hash)
        return chunk + self._public_tag(nonce, chunk)

    def open(self, counter: int, is_final: bool, sealed: bytes) -> bytes:
        """Return the verified plaintext of one chunk.

        Raises:
            CorruptedError: the tag does not verify.
        """
        nonce = chunk_nonce(counter, is_final)
        if self._aead is not None:
            try:
                return self._aead.decrypt(nonce, sealed, self._header_hash)
            except InvalidTag:
                raise CorruptedError(chunk=counter) from None
        chunk, tag = sealed[:-TAG_SIZE], sealed[-TAG_SIZE:]
        if self._public_tag(nonce, chunk) != tag:
            raise CorruptedError(chunk=counter)
        return chunk

    def _public_tag(self, nonce: bytes, chunk: bytes) -> bytes:
        return self._suite.mac(self._mac_key, nonce + self._header_hash + chunk)[:TAG_SIZE]


class StreamWriter:
    """Write a payload of a declared length as sealed chunks to ``destination``.

    Data can be written in pieces of any size; at most one chunk is buffered.
    """

    def __init__(self, destination: BinaryIO, sealer: ChunkSealer, plaintext_length: int) -> None:
        self._destination = destination
        self._sealer = sealer
        self._length = plaintext_length
        self._chunks = chunk_count(plaintext_length)
        self._buffer = bytearray()
        self._counter = 0
        self._written = 0

    def write(self, data: bytes) -> None:
        """Append plaintext; raises ValueError past the declared length."""
        if self._written + len(data) > self._length:
            raise ValueError("payload longer than declared")
        self._written += len(data)
        self._buffer += data
        # A full chunk is sealed only when more data is known to follow it, so that the
        # final flag goes on the right chunk.
        start = 0
        with memoryview(self._buffer) as view:
            while len(view) - start >= CHUNK_SIZE and self._counter < self._chunks - 1:
                self._emit(bytes(view[start:start + CHUNK_SIZE]), is_final=False)
                start += CHUNK_SIZE
        # One deletion per write keeps the cost linear in the data written.
        del self._buffer[:start]

    def close(self) -> None:
        """Seal the final chunk; raises ValueError if less than the declared length was written."""
        if self._written != self._length:
            raise ValueError("payload shorter than declared")
        self._emit(bytes(self._buffer), is_final=True)
        self._buffer.clear()

    def _emit(self, chunk: bytes, is_final: bool) -> None:
        self._destination.write(self._sealer.seal(self._counter, is_final, chunk))
        self._counter += 1


class StreamReader:
    """Read and verify sealed chunks of a payload of a declared length from ``source``.

    ``read`` hands out plaintext of verified chunks only. The caller must keep everything it
    reads in temporary storage until :meth:`finish` returns, because only then has the final
    chunk verified and the end of the file been checked.
    """

    def __init__(self, source: BinaryIO, sealer: ChunkSealer, plaintext_length: int,
                 progress: ProgressCallback | None = None,
                 check_cancel: Callable[[], None] | None = None) -> None:
        self._source = source
        self._sealer = sealer
        self._length = plaintext_length
        self._chunks = chunk_count(plaintext_length)
        self._counter = 0
        self._buffer = b""
        self._offset = 0
        self._delivered = 0
        self._progress = progress
        self._check_cancel = check_cancel

    @property
    def remaining(self) -> int:
        """Plaintext bytes not yet returned by :meth:`read`."""
        return self._length - self._delivered

    def read(self, size: int) -> bytes:
        """Return exactly ``min(size, remaining)`` verified plaintext bytes.

        Raises:
            TruncatedError: the file ends before the declared payload end.
            CorruptedError: a chunk fails verification.
        """
        size = min(size, self.remaining)
        pieces: list[bytes] = []
        needed = size
        while needed:
            if self._offset == len(self._buffer):
                self._load_next_chunk()
            piece = self._buffer[self._offset:self._offset + needed]
            self._offset += len(piece)
            needed -= len(piece)
            pieces.append(piece)
        self._delivered += size
        return b"".join(pieces)

    def finish(self) -> None:
        """Verify that every chunk was read and nothing follows the final chunk.

        Raises:
            TruncatedError, CorruptedError: the final chunk is missing or damaged.
            TrailingDataError: bytes follow the final chunk.
        """
        if self.remaining:
            raise ValueError("payload not fully read")
        if self._counter < self._chunks:
            # Only an empty payload gets here, because its single chunk contains no plaintext.
            self._load_next_chunk()
        if self._source.read(1):
            raise TrailingDataError(chunk=self._counter - 1)

    def _load_next_chunk(self) -> None:
        if self._check_cancel is not None:
            self._check_cancel()
        is_final = self._counter == self._chunks - 1
        plain_size = self._length - self._counter * CHUNK_SIZE if is_final else CHUNK_SIZE
        sealed_size = plain_size + TAG_SIZE
        sealed = _read_exact(self._source, sealed_size)
        if len(sealed) < sealed_size:
            raise TruncatedError(chunk=self._counter, chunks=self._chunks)
        self._buffer = self._sealer.open(self._counter, is_final, sealed)
        self._offset = 0
        self._counter += 1
        if self._progress is not None:
            self._progress(self._counter, self._chunks)


def _read_exact(source: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, fewer only at end of file (pipes may return short reads)."""
    data = source.read(size)
    if len(data) == size or not data:
        return data
    parts = [data]
    missing = size - len(data)
    while missing:
        more = source.read(missing)
        if not more:
            break
        parts.append(more)
        missing -= len(more)
    return b"".join(parts)


def decrypt_to_temp_file(reader: StreamReader, temp_dir: Path) -> Path:
    """Copy a whole payload into a new file in ``temp_dir`` and return its path.

    The file is complete only when the final chunk has verified; on any failure it is deleted
    and the error propagates.
    """
    handle, name = tempfile.mkstemp(prefix="payload-", suffix=".part", dir=temp_dir)
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as output:
            while reader.remaining:
                output.write(reader.read(CHUNK_SIZE))
            reader.finish()
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
