import pytest
from django.contrib.auth import get_user_model

from egov.lib.pagination import OnePassPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    model = get_user_model()
    model.objects.bulk_create([model(username=f"user{n:02d}") for n in range(23)])
    return model.objects.order_by("username")


def test_a_page_and_the_total_come_from_one_query(users, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = OnePassPaginator(users, 10).get_page(2)
        assert page.paginator.count == 23
        assert [u.username for u in page] == [f"user{n:02d}" for n in range(10, 20)]
    assert page.has_next() and page.paginator.num_pages == 3


def test_a_page_past_the_end_gives_the_last_page(users):
    page = OnePassPaginator(users, 10).get_page(9)
    assert page.number == 3 and len(page) == 3


def test_an_empty_list_and_a_bad_number_give_an_empty_first_page(db):
    model = get_user_model()
    page = OnePassPaginator(model.objects.none().order_by("pk"), 10).get_page("abc")
    assert page.number == 1 and page.paginator.count == 0 and list(page) == []
