"""The key that encrypts bank details can be replaced without losing them, and a wrong
set of keys is refused out loud instead of reading as nothing or as garbage."""

from io import StringIO

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from coproduce.lib import encryption
from coproduce.payments import actions, crypto
from coproduce.payments.models import BankDetails

DETAILS = [
    {"account_name": "Ada Lovelace", "sort_code": "30-94-57", "account_number": "12345678"},
    {"account_name": "Bo Diddley", "sort_code": "20-00-00", "account_number": "87654321"},
    {"account_name": "Cy Twombly", "sort_code": "40-11-22", "account_number": "11223344"},
]


def run(*args):
    out = StringIO()
    call_command("rotate_field_key", *args, stdout=out)
    return out.getvalue()


def tokens():
    return dict(BankDetails.objects.values_list("person_id", "encrypted"))


@pytest.fixture
def bank_details(people):
    """Three people's bank details, written with key A."""
    saved = {}
    with override_settings(COPRODUCE_FIELD_KEY="key-a"):
        for role, details in zip(("coproducer", "staff", "lead"), DETAILS, strict=True):
            actions.save_bank_details(person=people[role], **details)
            saved[people[role].pk] = details
    return saved


def test_rotating_to_a_new_key_keeps_every_bank_detail_readable(bank_details):
    with override_settings(COPRODUCE_FIELD_KEY="key-b, key-a"):
        output = run("--batch-size", "2")
    assert "3 values, 0 on the newest key, 3 on an older key" in output
    assert "Done: 3 values written again with the newest key" in output

    # Key A can now be dropped: key B alone reads everything.
    with override_settings(COPRODUCE_FIELD_KEY="key-b"):
        for person_id, token in tokens().items():
            assert crypto.decrypt(token) == bank_details[person_id]
    with override_settings(COPRODUCE_FIELD_KEY="key-a"):
        for token in tokens().values():
            assert crypto.decrypt(token) is None


def test_rotating_again_changes_nothing(bank_details):
    with override_settings(COPRODUCE_FIELD_KEY="key-b,key-a"):
        run()
        after_first = tokens()
        output = run()
    assert "3 values, 3 on the newest key, 0 on an older key" in output
    assert "Done: 0 values written again" in output
    assert tokens() == after_first


def test_new_details_are_written_with_the_first_key(people):
    with override_settings(COPRODUCE_FIELD_KEY="key-b,key-a"):
        actions.save_bank_details(person=people["coproducer"], **DETAILS[0])
    with override_settings(COPRODUCE_FIELD_KEY="key-b"):
        assert crypto.decrypt(tokens()[people["coproducer"].pk]) == DETAILS[0]


def test_a_wrong_set_of_keys_is_refused_and_changes_nothing(bank_details):
    before = tokens()
    with override_settings(COPRODUCE_FIELD_KEY="key-c"):
        for args in ((), ("--check",)):
            with pytest.raises(CommandError) as refused:
                run(*args)
            assert "3 encrypted values cannot be read with the keys this site has" in (
                str(refused.value)
            )
            assert "nothing was changed" in str(refused.value)
        # The low-level read raises rather than return something that is not the data.
        with pytest.raises(encryption.InvalidToken):
            encryption.decrypt(next(iter(before.values())))
    assert tokens() == before


def test_the_check_reports_keys_that_read_everything(bank_details):
    with override_settings(COPRODUCE_FIELD_KEY="key-b,key-a"):
        output = run("--check")
    assert "3 on an older key" in output
    assert "The keys read every encrypted value." in output


def test_every_encrypted_column_is_found():
    found = {(model._meta.label, field.name) for model, field in encryption.encrypted_fields()}
    assert ("payments.BankDetails", "encrypted") in found


def test_a_generated_key_is_random_and_usable(people):
    first, second = StringIO(), StringIO()
    call_command("generate_field_key", stdout=first, stderr=StringIO())
    call_command("generate_field_key", stdout=second, stderr=StringIO())
    key = first.getvalue().strip()
    assert key != second.getvalue().strip()
    assert len(key) >= 43 and "," not in key
    with override_settings(COPRODUCE_FIELD_KEY=key):
        actions.save_bank_details(person=people["coproducer"], **DETAILS[0])
        assert crypto.decrypt(tokens()[people["coproducer"].pk]) == DETAILS[0]


def deploy_warnings():
    return [
        message.id
        for message in checks.run_checks(include_deployment_checks=True)
        if message.id == "coproduce.W001"
    ]


def test_deploy_check_warns_when_the_key_comes_from_secret_key():
    with override_settings(COPRODUCE_FIELD_KEY="", COPRODUCE_DEMO=False):
        assert deploy_warnings() == ["coproduce.W001"]
    with override_settings(COPRODUCE_FIELD_KEY="a-key-of-its-own", COPRODUCE_DEMO=False):
        assert deploy_warnings() == []
    with override_settings(COPRODUCE_FIELD_KEY="", COPRODUCE_DEMO=True):
        assert deploy_warnings() == []
