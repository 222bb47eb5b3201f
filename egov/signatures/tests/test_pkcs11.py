"""The PKCS#11 interface, on a SoftHSM token (Debian's softhsm2; .ci/run installs it)."""

from pathlib import Path

import pytest

from egov.lib.errors import ActionError
from egov.signatures import engine
from egov.signatures.actions.keys import register_pkcs11_key
from egov.signatures.actions.signing import sign_as_signer
from egov.signatures.choices import KeyKind, Outcome
from egov.signatures.softhsm import Token, available, make_token
from egov.signatures.tests.helpers import approved
from egov.signatures.verify import verify_pdf


@pytest.fixture(scope="module")
def token(pki, tmp_path_factory: pytest.TempPathFactory) -> Token:
    assert available(), "softhsm2 is missing: .ci/run installs it"
    return make_token(Path(tmp_path_factory.mktemp("softhsm")), pki.signer)


def test_a_document_is_signed_with_a_key_on_a_token(office, pki, token, db):
    key = register_pkcs11_key(
        actor=office.leader,
        module=token.module,
        token_label=token.label,
        key_label=token.key_label,
        pin=token.pin,
        image=b"",
    )
    assert key.kind == KeyKind.PKCS11
    assert "Nguyễn Văn Ký" in key.subject
    signature = sign_as_signer(actor=office.leader, document=approved(office), secret=token.pin)
    with signature.signed.content.open("rb") as stream:
        result = verify_pdf(stream.read())
    assert result.outcome == Outcome.VALID, result.as_json()
    assert result.signers == ["Nguyễn Văn Ký"]


def test_a_wrong_pin_is_refused_with_its_own_message(token):
    source = engine.KeySource(
        kind=KeyKind.PKCS11, module=token.module, token_label=token.label, key_label=token.key_label
    )
    with pytest.raises(ActionError) as error:
        engine.certificate_of(source, "0000")
    assert error.value.code == "wrong_pin"
    assert "Mã PIN" in error.value.messages[0]


def test_a_missing_token_is_named(token):
    source = engine.KeySource(
        kind=KeyKind.PKCS11, module=token.module, token_label="khong-co", key_label="x"
    )
    with pytest.raises(ActionError) as error:
        engine.certificate_of(source, token.pin)
    assert error.value.code in ("token_missing", "token_unavailable")
    assert "khong-co" in error.value.messages[0]
