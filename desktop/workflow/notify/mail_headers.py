"""Mail headers a relay and every reader take as written: a subject in encoded words, a stable Message-ID.

Why not leave the subject to Python's `email` folder: it splits a long Korean subject at a space and
puts that space between two encoded words, where RFC 2047 (section 6.2) tells every reader to drop
it ("계정계 배치 지연" arrives as "계정계배치 지연"). Here a non-ASCII subject becomes base64 encoded
words that each carry whole characters *and* their spaces, so the folding whitespace between them is
the only thing a reader removes. May import nothing of Beacon's.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

# "Subject: " (9) + "=?utf-8?b?" (10) + 56 base64 characters + "?=" (2) = 77: each line within 78
WORD_BYTES = 42


def encoded_words(text: str, *, limit: int = WORD_BYTES) -> list[str]:
    """`text` as RFC 2047 base64 encoded words, each within `limit` UTF-8 bytes of whole characters."""
    chunks: list[bytes] = []
    chunk = b""
    for char in text:
        data = char.encode("utf-8")
        if chunk and len(chunk) + len(data) > limit:
            chunks.append(chunk)
            chunk = b""
        chunk += data
    if chunk or not chunks:
        chunks.append(chunk)
    return ["=?utf-8?b?" + base64.b64encode(c).decode("ascii") + "?=" for c in chunks]


class EncodedHeader:
    """An unstructured header (the subject) that folds itself; `email`'s policies hand it through as is.

    ASCII text that fits a line is written plainly; anything else as encoded words, one per line.
    """

    def __init__(self, name: str, value: str) -> None:
        if "\r" in value or "\n" in value:
            raise ValueError(f"{name}: a header value may not contain a line break")
        self.name = name
        self.value = value

    def __str__(self) -> str:
        return self.value

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.value)

    def fold(self, *, policy: Any) -> str:
        """The header line(s) with the policy's line ending, as `email.policy.EmailPolicy` expects."""
        linesep = getattr(policy, "linesep", "\n")
        plain = f"{self.name}: {self.value}"
        if self.value.isascii() and len(plain) <= 78 and "=?" not in self.value:
            return plain + linesep
        return f"{self.name}: " + (linesep + " ").join(encoded_words(self.value)) + linesep


def message_id(delivery_key: str, domain: str) -> str:
    """The `Message-ID` of one delivery: the same for every send of it, different for every other delivery."""
    digest = hashlib.sha256(delivery_key.encode("utf-8")).hexdigest()[:32]
    host = "".join(c for c in domain if c.isalnum() or c in ".-").strip(".-") or "beacon.local"
    return f"<beacon.{digest}@{host}>"
