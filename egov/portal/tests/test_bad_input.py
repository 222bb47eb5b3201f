"""Issue 6, "Bad input": an editor publishing on another agency's site, a script in rich
text, an upload that is not an image, a secret document cited: refused with a clear
Vietnamese message."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from egov.lib.errors import ActionError
from egov.portal.actions.publishing import check_publishable, publish_page
from egov.portal.models import IntroductionPage, NewsPage
from egov.portal.tests.helpers import draft_news

pytestmark = pytest.mark.django_db


def test_an_editor_cannot_publish_on_another_agencys_site(sites: Any) -> None:
    page = draft_news(sites.home_affairs)
    with pytest.raises(ActionError) as refused:
        publish_page(actor=sites.finance_editor, page=page)
    assert refused.value.code == "not_your_site"
    assert "chỉ đăng bài trên trang thông tin của cơ quan mình" in refused.value.message
    assert not NewsPage.objects.get(pk=page.pk).live


def test_an_agency_leader_publishes_on_their_own_site(sites: Any) -> None:
    page = draft_news(sites.home_affairs)
    publish_page(actor=sites.world.leader, page=page)
    assert NewsPage.objects.get(pk=page.pk).live


def test_an_editor_may_edit_their_own_site_but_must_submit_for_moderation(sites: Any) -> None:
    own = sites.home_affairs.permissions_for_user(sites.editor)
    other = sites.finance.permissions_for_user(sites.editor)
    assert own.can_edit() and own.can_add_subpage()
    assert not own.can_publish()
    assert not other.can_edit() and not other.can_add_subpage()


def test_a_script_in_rich_text_is_refused_on_save(sites: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        draft_news(sites.home_affairs, body='<p>Tin</p><script>alert("x")</script>')
    assert "mã lệnh" in str(refused.value)


def test_an_event_handler_in_rich_text_is_refused_by_the_publishing_check(sites: Any) -> None:
    page = draft_news(sites.home_affairs)
    page.body = '<p><a href="#" onclick="steal()">bấm</a></p>'
    with pytest.raises(ActionError) as refused:
        check_publishable(page=page, user=None)
    assert refused.value.code == "active_content"


def _secret_incoming(world: Any, **fields: Any) -> Any:
    from egov.documents.actions.incoming import register_incoming
    from egov.documents.testing import doc_type

    fields.setdefault("subject", "Về việc triển khai nhiệm vụ")
    return register_incoming(
        actor=world.clerk,
        unit=world.home_affairs,
        document_type=doc_type("ke-hoach"),
        issuer_name="Công an tỉnh",
        skip_access_check=True,
        **fields,
    )


def test_a_news_item_citing_a_secret_document_cannot_be_saved_or_published(sites: Any) -> None:
    _secret_incoming(
        sites.world,
        secrecy=1,
        code_number="15",
        code_notation="KH-BCA",
        subject="Kế hoạch bảo vệ mục tiêu trọng điểm dịp Tết Nguyên đán",
    )
    with pytest.raises(ValidationError) as refused:
        draft_news(sites.home_affairs, body="<p>Thực hiện Kế hoạch 15/KH-BCA của Công an.</p>")
    assert "văn bản mật" in str(refused.value)
    page = draft_news(sites.home_affairs)
    page.body = "<p>Triển khai kế hoạch bảo vệ mục tiêu trọng điểm dịp Tết Nguyên đán.</p>"
    with pytest.raises(ActionError) as by_subject:
        check_publishable(page=page, user=None)
    assert by_subject.value.code == "secret_content"


def test_citing_an_ordinary_document_is_allowed(sites: Any) -> None:
    _secret_incoming(sites.world, code_number="16", code_notation="KH-UBND")
    page = draft_news(sites.home_affairs, body="<p>Thực hiện Kế hoạch 16/KH-UBND.</p>")
    publish_page(actor=None, page=page)
    assert NewsPage.objects.get(pk=page.pk).live


def test_an_empty_required_section_cannot_go_live(sites: Any) -> None:
    intro = IntroductionPage.objects.child_of(sites.home_affairs).get()
    with pytest.raises(ActionError) as refused:
        publish_page(actor=None, page=intro)
    assert refused.value.code == "section_empty"


def test_an_image_without_a_text_alternative_is_refused(sites: Any) -> None:
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Hội nghị", file=get_test_image_file())
    page = draft_news(sites.home_affairs)
    page.image = image
    with pytest.raises(ValidationError) as refused:
        page.save()
    assert "mô tả cho người khiếm thị" in str(refused.value)


def _gif() -> bytes:
    import io

    from PIL import Image as PillowImage

    out = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "red").save(out, format="GIF")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.pdf", b"%PDF-1.4 a report", "Tập tin mà bạn đã tải không phải là hình ảnh"),
        ("bao-cao.png", b"%PDF-1.4 a report", "Tập tin mà bạn đã tải không phải là hình ảnh"),
        ("hinh-dong.gif", _gif(), "Định dạng tệp này không được nhận. Chỉ nhận ảnh định dạng"),
    ],
)
def test_an_upload_that_is_not_an_image_is_refused_in_vietnamese(
    sites: Any, client: Any, name: str, content: bytes, message: str
) -> None:
    from wagtail.images.models import Image

    client.force_login(sites.editor)
    response = client.post(
        "/cms/images/add/",
        {"title": "Báo cáo", "file": SimpleUploadedFile(name, content)},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert message in response.content.decode()
    assert not Image.objects.filter(title="Báo cáo").exists()


def test_a_week_must_start_on_monday(sites: Any) -> None:
    from egov.portal.models import ScheduleIndexPage, WeeklySchedulePage

    index = ScheduleIndexPage.objects.child_of(sites.home_affairs).get()
    with pytest.raises(ValidationError) as refused:
        index.add_child(
            instance=WeeklySchedulePage(title="Tuần", week_start=dt.date(2026, 12, 2), live=False)
        )
    assert "thứ Hai" in str(refused.value)
