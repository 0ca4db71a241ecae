"""The answer key of an exported evaluation, as the exports' scoring script checks it in the
browser (``exports/static/exports/scoring.js``, loaded by the SCORM runtime and the offline
practice page alike).

The key is never in the page: each question carries the salted SHA-256 of its sorted right
option ids, which the script compares with the same digest of the learner's choice. A
question's feedback is XORed with a SHA-256 key stream of the salt and question id (base64):
reversible by design, so that the script can show it once the answers are checked; the point is
that it cannot be read in the page before."""

import base64
import hashlib


def answer_hash(salt, question_id, option_ids):
    """The salted hash of a choice of options for a question (``scoring.js`` computes the same)."""
    chosen = ",".join(sorted(option_ids))
    return hashlib.sha256(f"{salt}:{question_id}:{chosen}".encode()).hexdigest()


def _key_stream(salt, question_id, length):
    stream = b""
    counter = 0
    while len(stream) < length:
        stream += hashlib.sha256(f"{salt}:{question_id}:feedback:{counter}".encode()).digest()
        counter += 1
    return stream[:length]


def obfuscate(salt, question_id, text):
    """``text`` XOR the key stream of the salt and question id, in base64."""
    data = text.encode("utf-8")
    stream = _key_stream(salt, question_id, len(data))
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, stream, strict=True))).decode()


def reveal(salt, question_id, encoded):
    """The inverse of ``obfuscate`` (``scoring.js`` does the same; here for tests and tools)."""
    data = base64.b64decode(encoded)
    stream = _key_stream(salt, question_id, len(data))
    return bytes(a ^ b for a, b in zip(data, stream, strict=True)).decode("utf-8")
