"""The interface every cipher suite implements.

A suite fixes every algorithm a package uses: signatures, the wrapping of the file key to a
recipient's public key, the chunk AEAD, the hash and the key derivation. Keys cross this
interface as raw bytes in the suite's own encoding, so the key store and the container never
touch a library key object. Every header names its suite by :attr:`CipherSuite.suite_id`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

# A source of random bytes: ``os.urandom`` in production, a seeded generator for golden vectors.
RandomSource = Callable[[int], bytes]

FILE_KEY_SIZE = 32


class SelfTestFailure(Exception):
    """A known-answer test of a suite produced the wrong result (a broken crypto library)."""


class UnwrapFailure(Exception):
    """A wrapped file key does not open with the given private key and context."""


class Hasher(Protocol):
    """A running hash: the subset of ``hashlib`` objects the container uses."""

    def update(self, data: bytes, /) -> None: ...

    def digest(self) -> bytes: ...


class ChunkAead(Protocol):
    """An AEAD bound to one key, used for the payload chunks."""

    def encrypt(self, nonce: bytes, plaintext: bytes, associated_data: bytes) -> bytes: ...

    def decrypt(self, nonce: bytes, ciphertext: bytes, associated_data: bytes) -> bytes:
        """Return the plaintext, or raise ``cryptography.exceptions.InvalidTag``."""
        ...


@dataclass(frozen=True)
class KeyPair:
    """A private key and its public key, both raw bytes in the suite's encoding."""

    suite: str
    private_key: bytes = field(repr=False)
    public_key: bytes


class CipherSuite(ABC):
    """All cryptography of one suite behind one interface.

    Attributes:
        suite_id: the identifier written in every header, e.g. ``"C1"``.
        hash_name: human-readable hash name for documentation and logs.
        digest_size: bytes of :meth:`hash` output.
        aead_key_size: bytes of a chunk key.
        tag_size: bytes the chunk AEAD adds to every chunk.
    """

    suite_id: ClassVar[str]
    hash_name: ClassVar[str]
    digest_size: ClassVar[int]
    aead_key_size: ClassVar[int]
    tag_size: ClassVar[int] = 16

    # Signatures.
    @abstractmethod
    def generate_signing_key(self) -> KeyPair:
        """Generate a fresh signing key pair."""

    @abstractmethod
    def load_signing_key(self, private_key: bytes) -> KeyPair:
        """Check a stored signing private key and return it with its public key.

        Raises:
            ValueError: the bytes are not a valid private key of this suite.
        """

    @abstractmethod
    def sign(self, private_key: bytes, message: bytes) -> bytes:
        """Sign ``message`` with a signing private key."""

    @abstractmethod
    def verify(self, public_key: bytes, message: bytes, signature: bytes) -> bool:
        """Return whether ``signature`` is valid; malformed keys or signatures give False."""

    # Key wrapping.
    @abstractmethod
    def generate_encryption_key(self) -> KeyPair:
        """Generate a fresh key pair for receiving wrapped file keys."""

    @abstractmethod
    def load_encryption_key(self, private_key: bytes) -> KeyPair:
        """Check a stored decryption private key and return it with its public key.

        Raises:
            ValueError: the bytes are not a valid private key of this suite.
        """

    @abstractmethod
    def wrap_key(self, public_key: bytes, file_key: bytes, info: bytes,
                 rng: RandomSource | None = None) -> bytes:
        """Encrypt ``file_key`` to ``public_key``, bound to ``info``.

        Args:
            public_key: the recipient's encryption public key.
            file_key: the 32-byte package file key.
            info: context the recipient must present to unwrap (the header binding hash).
            rng: only for reproducible test vectors; None uses the operating system.

        Raises:
            ValueError: the public key is malformed.
        """

    @abstractmethod
    def unwrap_key(self, private_key: bytes, wrapped: bytes, info: bytes) -> bytes:
        """Decrypt a wrapped file key.

        Raises:
            UnwrapFailure: the wrap is malformed, for another key, or bound to another ``info``.
        """

    @abstractmethod
    def check_public_key(self, public_key: bytes) -> None:
        """Raise ValueError unless ``public_key`` is a well-formed public key of this suite."""

    # Symmetric primitives.
    @abstractmethod
    def chunk_aead(self, key: bytes) -> ChunkAead:
        """Return the payload AEAD keyed with ``key`` (``aead_key_size`` bytes)."""

    @abstractmethod
    def hasher(self) -> Hasher:
        """Return a new running hash."""

    def hash(self, data: bytes) -> bytes:
        """Hash ``data`` in one call."""
        running = self.hasher()
        running.update(data)
        return running.digest()

    @abstractmethod
    def hkdf(self, ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
        """Derive ``length`` bytes with HKDF (RFC 5869) over the suite's hash."""

    @abstractmethod
    def mac(self, key: bytes, message: bytes) -> bytes:
        """Compute HMAC over the suite's hash."""

    @abstractmethod
    def self_test(self) -> None:
        """Run the known-answer tests of every primitive.

        Raises:
            SelfTestFailure: a primitive returned a wrong answer.
        """


def expect_equal(name: str, actual: bytes, expected_hex: str) -> None:
    """Raise SelfTestFailure naming the primitive unless ``actual`` equals the expected value."""
    if actual != bytes.fromhex(expected_hex):
        raise SelfTestFailure(f"{name}: known-answer test gave {actual.hex()}")
