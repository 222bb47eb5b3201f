"""The XML-DSig arithmetic of an enveloped, whole-document signature, on one parsed tree.

signxml (which wrote and checked these signatures before) copies the document through
serialise-and-parse several times per signature to isolate namespaces; on a package with a
1 MB attachment that was most of an installation's CPU per package. The edXML envelope has
exactly one shape (one ``Reference URI=""``, the enveloped-signature transform, then a
canonicalisation), so this module computes it directly on the tree the caller parsed once:

- digest: the document without its ``Signature`` element (the enveloped transform keeps the
  text that followed it), canonicalised without comments (a same-document ``URI=""`` excludes
  them, XML-DSig §4.4.3.2), hashed;
- signature value: ``SignedInfo`` canonicalised in its place in the document, so the
  namespaces in scope there are rendered as inclusive C14N requires.

The output is what signxml produced and verified for the same input (the tests sign with one
and verify with the other); the policy checks (which algorithms, which certificates) stay in
``signature.py``.
"""

from __future__ import annotations

import base64
import hmac
import secrets
from collections.abc import Callable, Sequence
from typing import Final

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from lxml import etree

from .constants import XMLDSIG_NS

ENVELOPED: Final = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
C14N_1_0: Final = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"

#: Canonicalisation URI → (exclusive, with comments). C14N 1.1 is rendered as 1.0, as signxml
#: did: they differ only for xml:id/xml:base inheritance into document subsets, which a
#: whole-document reference does not have.
C14N_METHODS: Final[dict[str, tuple[bool, bool]]] = {
    C14N_1_0: (False, False),
    C14N_1_0 + "#WithComments": (False, True),
    "http://www.w3.org/2006/12/xml-c14n11": (False, False),
    "http://www.w3.org/2006/12/xml-c14n11#WithComments": (False, True),
    "http://www.w3.org/2001/10/xml-exc-c14n#": (True, False),
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments": (True, True),
}

_DIGESTS: Final[dict[str, Callable[[], hashes.HashAlgorithm]]] = {
    "http://www.w3.org/2000/09/xmldsig#sha1": hashes.SHA1,
    "http://www.w3.org/2001/04/xmlenc#sha256": hashes.SHA256,
    "http://www.w3.org/2001/04/xmldsig-more#sha384": hashes.SHA384,
    "http://www.w3.org/2001/04/xmlenc#sha512": hashes.SHA512,
}

#: Signature method URI → (key kind, hash).
_METHODS: Final[dict[str, tuple[str, Callable[[], hashes.HashAlgorithm]]]] = {
    "http://www.w3.org/2000/09/xmldsig#rsa-sha1": ("rsa", hashes.SHA1),
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": ("rsa", hashes.SHA256),
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384": ("rsa", hashes.SHA384),
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512": ("rsa", hashes.SHA512),
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256": ("ec", hashes.SHA256),
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384": ("ec", hashes.SHA384),
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512": ("ec", hashes.SHA512),
}

SHA256: Final = "http://www.w3.org/2001/04/xmlenc#sha256"
RSA_SHA256: Final = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
ECDSA_SHA256: Final = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"


_NS: Final = {"ds": XMLDSIG_NS}


class DsigError(Exception):
    """The arithmetic failed; ``code`` is ``digest``, ``signature`` or ``input``."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        super().__init__(detail)


def _ds(name: str) -> str:
    return f"{{{XMLDSIG_NS}}}{name}"


def _find(element: etree._Element, path: str) -> etree._Element:
    found = element.find(path, namespaces=_NS)
    if found is None:
        raise DsigError("input", f"{path} missing")
    return found


def _c14n_args(algorithm: str, element: etree._Element | None) -> tuple[bool, list[str] | None]:
    if algorithm not in C14N_METHODS:
        raise DsigError("input", f"unsupported canonicalisation {algorithm}")
    exclusive, _comments = C14N_METHODS[algorithm]
    prefixes = None
    if exclusive and element is not None:
        inclusive = element.find("{http://www.w3.org/2001/10/xml-exc-c14n#}InclusiveNamespaces")
        if inclusive is not None:
            prefixes = (inclusive.get("PrefixList") or "").split()
    return exclusive, prefixes


def _hash(algorithm: Callable[[], hashes.HashAlgorithm], data: bytes) -> bytes:
    digest = hashes.Hash(algorithm())
    digest.update(data)
    return digest.finalize()


def _detach(signature: etree._Element) -> Callable[[], None]:
    """Take ``signature`` out of its parent, leaving the text that followed it in place (the
    enveloped transform removes the element, not its neighbours); return the undo."""
    parent = signature.getparent()
    if parent is None:
        raise DsigError("input", "the signature is the document element")
    index = parent.index(signature)
    tail = signature.tail
    previous = signature.getprevious()
    before = previous.tail if previous is not None else parent.text
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(signature)

    def undo() -> None:
        if previous is not None:
            previous.tail = before
        else:
            parent.text = before
        parent.insert(index, signature)
        signature.tail = tail

    return undo


def document_digest(
    root: etree._Element,
    signature: etree._Element | None,
    transform: etree._Element | None,
    digest: str,
    *,
    keep_tree: bool = True,
) -> bytes:
    """The digest of the whole document without ``signature``, canonicalised as
    ``transform`` says (Canonical XML 1.0 without it). The tree is left as found, unless
    ``keep_tree`` is false (a tree read only to be verified): then long texts may be left
    replaced by markers, which saves writing a megabyte back into it."""
    algorithm = transform.get("Algorithm", "") if transform is not None else C14N_1_0
    exclusive, prefixes = _c14n_args(algorithm, transform)
    if digest not in _DIGESTS:
        raise DsigError("input", f"unsupported digest {digest}")
    undo = _detach(signature) if signature is not None else None
    spliced = _set_aside_large_texts(root)
    try:
        canonical = etree.tostring(
            root,
            method="c14n",
            exclusive=exclusive,
            with_comments=False,
            inclusive_ns_prefixes=prefixes,
        )
    finally:
        if keep_tree:
            _put_back(spliced)
        if undo is not None:
            undo()
    hasher = hashes.Hash(_DIGESTS[digest]())
    rest = canonical
    for _element, text, marker in spliced:
        before, found, rest = rest.partition(marker)
        if not found or marker in rest:  # pragma: no cover - a random marker the text held
            if not keep_tree:
                _put_back(spliced)
            return _hash(_DIGESTS[digest], _canonical(root, signature, exclusive, prefixes))
        hasher.update(before)
        hasher.update(text.encode("utf-8"))
    hasher.update(rest)
    return hasher.finalize()


#: Text nodes at least this long (an attachment's base64) are hashed as they are instead of
#: being run through the canonicaliser, when canonicalisation would not change them.
_SPLICE_MIN_CHARS: Final = 16 * 1024
#: What Canonical XML rewrites in a text node (as ``&amp;``, ``&lt;``, ``&gt;``, ``&#xD;``);
#: a text without any of them is its own canonical form, in UTF-8.
_C14N_REWRITTEN: Final = ("&", "<", ">", "\r")


def _set_aside_large_texts(root: etree._Element) -> list[tuple[etree._Element, str, bytes]]:
    """Replace each long text of a childless element (an attachment's base64, a megabyte)
    with a unique marker, so libxml2's canonicaliser, which escapes text a character at a
    time, does not copy it: most of a package's verification went there. The digest feeds
    the original text where the marker comes out; the caller restores the texts."""
    spliced: list[tuple[etree._Element, str, bytes]] = []
    token = secrets.token_hex(16)
    for element in root.iter():
        text = element.text
        if (
            text is None
            or len(text) < _SPLICE_MIN_CHARS
            or len(element)
            or any(char in text for char in _C14N_REWRITTEN)
        ):
            continue
        marker = f"egov-c14n-{token}-{len(spliced)}"
        spliced.append((element, text, marker.encode("ascii")))
        element.text = marker
    return spliced


def _put_back(spliced: list[tuple[etree._Element, str, bytes]]) -> None:
    for element, text, _marker in spliced:
        element.text = text


def _canonical(
    root: etree._Element,
    signature: etree._Element | None,
    exclusive: bool,
    prefixes: list[str] | None,
) -> bytes:
    undo = _detach(signature) if signature is not None else None
    try:
        return etree.tostring(
            root,
            method="c14n",
            exclusive=exclusive,
            with_comments=False,
            inclusive_ns_prefixes=prefixes,
        )
    finally:
        if undo is not None:
            undo()


def _signed_info_c14n(signed_info: etree._Element) -> bytes:
    method = _find(signed_info, "ds:CanonicalizationMethod")
    algorithm = method.get("Algorithm", "")
    exclusive, prefixes = _c14n_args(algorithm, method)
    return etree.tostring(
        signed_info,
        method="c14n",
        exclusive=exclusive,
        with_comments=C14N_METHODS[algorithm][1],
        inclusive_ns_prefixes=prefixes,
    )


def verify(
    root: etree._Element,
    signature: etree._Element,
    certificate: x509.Certificate,
    *,
    keep_tree: bool = True,
) -> None:
    """Check the signature value with ``certificate``'s key, then the reference digest (the
    order signxml used); raise ``DsigError`` on the first that fails. With ``keep_tree``
    false the caller promises not to read the tree afterwards (see ``document_digest``)."""
    signed_info = _find(signature, "ds:SignedInfo")
    signature_method = _find(signed_info, "ds:SignatureMethod").get("Algorithm", "")
    if signature_method not in _METHODS:
        raise DsigError("input", f"unsupported signature method {signature_method}")
    kind, algorithm = _METHODS[signature_method]
    value = _b64(_find(signature, "ds:SignatureValue").text)
    data = _signed_info_c14n(signed_info)
    key = certificate.public_key()
    try:
        if kind == "rsa" and isinstance(key, rsa.RSAPublicKey):
            key.verify(value, data, padding.PKCS1v15(), algorithm())
        elif kind == "ec" and isinstance(key, ec.EllipticCurvePublicKey):
            half = len(value) // 2
            der = utils.encode_dss_signature(
                int.from_bytes(value[:half], "big"), int.from_bytes(value[half:], "big")
            )
            key.verify(der, data, ec.ECDSA(algorithm()))
        else:
            raise DsigError("signature", "the certificate's key does not fit the signature method")
    except InvalidSignature:
        raise DsigError("signature", "signature value does not match the signed info") from None

    reference = _find(signed_info, "ds:Reference")
    transforms = list(reference.iterfind("ds:Transforms/ds:Transform", namespaces=_NS))
    uris = [t.get("Algorithm", "") for t in transforms]
    if ENVELOPED not in uris or any(u != ENVELOPED and u not in C14N_METHODS for u in uris):
        raise DsigError("input", f"unsupported transforms {uris}")
    c14n = next((t for t in transforms if t.get("Algorithm") in C14N_METHODS), None)
    method = _find(reference, "ds:DigestMethod").get("Algorithm", "")
    expected = _b64(_find(reference, "ds:DigestValue").text)
    if not hmac.compare_digest(
        document_digest(root, signature, c14n, method, keep_tree=keep_tree), expected
    ):
        raise DsigError("digest", "digest mismatch for the whole-document reference")


def _b64(text: str | None) -> bytes:
    try:
        return base64.b64decode("".join((text or "").split()), validate=True)
    except ValueError as exc:
        raise DsigError("input", f"bad base64: {exc}") from None


def sign(
    root: etree._Element,
    parent: etree._Element,
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
    chain: Sequence[x509.Certificate],
) -> etree._Element:
    """Append an enveloped SHA-256 signature over ``root``'s document to ``parent``."""
    method = RSA_SHA256 if isinstance(key, rsa.RSAPrivateKey) else ECDSA_SHA256
    digest = document_digest(root, None, None, SHA256)

    signature = etree.SubElement(parent, _ds("Signature"), nsmap={"ds": XMLDSIG_NS})
    signed_info = etree.SubElement(signature, _ds("SignedInfo"))
    etree.SubElement(signed_info, _ds("CanonicalizationMethod"), Algorithm=C14N_1_0)
    etree.SubElement(signed_info, _ds("SignatureMethod"), Algorithm=method)
    reference = etree.SubElement(signed_info, _ds("Reference"), URI="")
    transforms = etree.SubElement(reference, _ds("Transforms"))
    etree.SubElement(transforms, _ds("Transform"), Algorithm=ENVELOPED)
    etree.SubElement(transforms, _ds("Transform"), Algorithm=C14N_1_0)
    etree.SubElement(reference, _ds("DigestMethod"), Algorithm=SHA256)
    etree.SubElement(reference, _ds("DigestValue")).text = base64.b64encode(digest).decode()

    data = _signed_info_c14n(signed_info)
    if isinstance(key, rsa.RSAPrivateKey):
        value = key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    else:
        r, s = utils.decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        size = (key.curve.key_size + 7) // 8
        value = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    etree.SubElement(signature, _ds("SignatureValue")).text = base64.b64encode(value).decode()
    x509_data = etree.SubElement(etree.SubElement(signature, _ds("KeyInfo")), _ds("X509Data"))
    for certificate in chain:
        der = certificate.public_bytes(serialization.Encoding.DER)
        etree.SubElement(x509_data, _ds("X509Certificate")).text = _pem_body(der)
    return signature


def _pem_body(der: bytes) -> str:
    text = base64.b64encode(der).decode()
    return "\n".join(text[i : i + 64] for i in range(0, len(text), 64))
