"""The changes stamp (lib.changes): it moves after every committed change to the
records, however the change was written, and not for writes that change nobody's Today."""

import warnings

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import update_last_login
from django.core.cache import CacheKeyWarning
from django.db import connection, transaction
from django.test import override_settings

from coproduce.lib import changes
from coproduce.privacy.log import record_read
from coproduce.site.models import ContactMessage


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_moves_the_stamp_however_it_was_written(people):
    before = changes.current()
    ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="Hi")
    after_create = changes.current()
    assert after_create != before
    # QuerySet.update sends no model signal; the stamp moves all the same.
    ContactMessage.objects.update(message="Hello")
    after_update = changes.current()
    assert after_update != after_create
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM site_contactmessage")
    assert changes.current() != after_update


@pytest.mark.django_db(transaction=True)
def test_the_stamp_moves_when_the_transaction_commits_and_not_before(people):
    before = changes.current()
    with transaction.atomic():
        ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="x")
        ContactMessage.objects.update(message="y")
        assert changes.current() == before  # nobody else can see the change yet
    assert changes.current() != before


@pytest.mark.django_db(transaction=True)
def test_a_change_rolled_back_does_not_move_the_stamp(people):
    before = changes.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="x")
        raise RuntimeError("undone")
    assert changes.current() == before


@pytest.mark.django_db(transaction=True)
def test_writes_that_change_nobodys_today_leave_the_stamp(people, client):
    before = changes.current()
    update_last_login(None, people["staff"])  # signing in
    client.force_login(people["coproducer"])  # a session, and the time on the account
    record_read(viewer=people["staff"], subject=people["coproducer"], what="passport",
                reason="test")  # fmt: skip
    assert changes.current() == before
    # A change to the same account that is not the sign-in time moves it.
    get_user_model().objects.filter(pk=people["staff"].pk).update(name="Renamed")
    assert changes.current() != before


@pytest.mark.django_db
def test_changes_in_an_open_transaction_are_counted_for_its_own_reads(people):
    """The suite's tests run in a transaction that never commits: a page read after a
    change in it must not be one kept from before the change."""
    counted = changes.uncommitted(connection)
    ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="x")
    assert changes.uncommitted(connection) == counted + 1


@pytest.mark.django_db(transaction=True)
def test_with_redis_the_stamp_is_in_the_shared_cache(people, tmp_path):
    with override_settings(REDIS_URL="redis://127.0.0.1:6379/0", VAR_DIR=tmp_path):
        before = changes.current()
        ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="x")
        assert changes.current() != before
        assert not (tmp_path / "changes.stamp").exists()


def test_every_kind_of_write_is_recognised():
    writes = [
        'UPDATE "accounts_user" SET "last_login" = %s, "name" = %s WHERE "id" = %s',
        'INSERT INTO "meetings_invitation" ("a") VALUES (%s)',
        'INSERT OR IGNORE INTO "meetings_invitation" ("a") VALUES (%s)',
        '  UPDATE "payments_claim" SET "status" = %s WHERE "payments_claim"."id" = %s',
        'DELETE FROM "projects_feedback" WHERE "projects_feedback"."id" IN (%s)',
    ]
    for sql in writes:
        assert changes.changes_records(sql), sql
    reads = [
        "SELECT 1",
        'SAVEPOINT "s1"',
        'RELEASE SAVEPOINT "s1"',
        'INSERT INTO "django_session" ("a") VALUES (%s)',
        'UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s',
        'UPDATE "accounts_user" SET "text_size" = %s, "contrast" = %s WHERE "id" = %s',
    ]
    for sql in reads:
        assert not changes.changes_records(sql), sql


@pytest.mark.django_db(transaction=True)
def test_a_kept_value_is_worked_out_again_only_after_a_committed_change(people):
    worked_out = []

    def count_messages():
        worked_out.append(1)
        return ContactMessage.objects.count()

    counted = changes.worked_out()
    assert changes.kept("messages", count_messages) == 0
    assert changes.kept("messages", count_messages) == 0
    assert len(worked_out) == 1  # the second visit read it
    assert changes.worked_out() == counted + 1  # what the bench reports apart
    ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="Hi")
    assert changes.kept("messages", count_messages) == 1
    assert len(worked_out) == 2
    # A write that changes nobody's figures (a read logged) keeps it.
    record_read(viewer=people["staff"], subject=people["coproducer"], what="passport", reason="x")
    assert changes.kept("messages", count_messages) == 1
    assert len(worked_out) == 2


@pytest.mark.django_db
def test_a_kept_value_follows_a_change_inside_the_same_transaction(people):
    # The suite's tests never commit: a change they make must still be seen.
    assert changes.kept("messages-in-transaction", ContactMessage.objects.count) == 0
    ContactMessage.objects.create(name="A", email="a@example.org", topic="other", message="Hi")
    assert changes.kept("messages-in-transaction", ContactMessage.objects.count) == 1


@pytest.mark.django_db
def test_a_list_total_is_kept_per_filter(people):
    from coproduce.lib.paging import KeptCountPaginator

    everyone = get_user_model().objects.order_by("pk")
    staff = everyone.filter(role_assignments__role="staff")
    assert KeptCountPaginator(everyone, 2).count == everyone.count()
    assert KeptCountPaginator(staff, 2).count == staff.count() < everyone.count()
    get_user_model().objects.create(email="new@example.org", name="New")
    assert KeptCountPaginator(everyone, 2).count == everyone.count()


def test_a_kept_value_named_by_many_ids_is_kept_under_a_short_key():
    many = "batch-claims:" + ",".join(str(n) for n in range(100, 200))
    fewer = "batch-claims:" + ",".join(str(n) for n in range(100, 199))
    with warnings.catch_warnings():
        # A key over 250 characters warns (and breaks memcached); the bench saw it.
        warnings.simplefilter("error", CacheKeyWarning)
        assert changes.kept(many, lambda: "all of them") == "all of them"
        assert changes.kept(many, lambda: "worked out again") == "all of them"
        assert changes.kept(fewer, lambda: "one fewer") == "one fewer"
