import pytest
from django.core.management import call_command

from egov.documents.actions import outgoing
from egov.documents.models import OutgoingDocument
from egov.signatures import demo
from egov.signatures.actions.signing import sign_as_signer
from egov.signatures.choices import Outcome
from egov.signatures.models import SigningKey
from egov.signatures.verify import verify_pdf


@pytest.mark.django_db
def test_the_demo_makes_its_ca_and_keys_once_and_the_leader_can_sign(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    # The demo's own trust list (its CA, made by the load): keys are checked against it.
    ca = demo.ca_directory()
    settings.EGOV_SIGNATURE_TRUST_ROOTS = [str(ca / "root.pem")]
    settings.EGOV_SIGNATURE_INTERMEDIATES = [str(ca / "intermediate.pem")]
    settings.EGOV_SIGNATURE_CRL_FILES = [str(ca / "intermediate.crl")]
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 - discard
    assert demo.loaded()
    root = (demo.ca_directory() / "root.pem").read_bytes()
    keys = SigningKey.objects.filter(active=True)
    holders = {k.owner.username if k.owner else getattr(k.unit, "abbreviation", "") for k in keys}
    assert holders == {"lanhdao.snv", "SNV"}
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 - discard
    assert SigningKey.objects.count() == 2
    assert (demo.ca_directory() / "root.pem").read_bytes() == root  # the CA is kept

    # The demo's own trust list verifies what the leader signs.
    leader = keys.get(owner__isnull=False).owner
    waiting = OutgoingDocument.objects.get(signer=leader, status="in_review")
    outgoing.review(actor=leader, document=waiting, decision="approved")
    signature = sign_as_signer(actor=leader, document=waiting, secret=demo.DEMO_PASSWORD)
    with signature.signed.content.open("rb") as stream:
        assert verify_pdf(stream.read()).outcome == Outcome.VALID
