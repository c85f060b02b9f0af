"""Which version of staff-written content a reader sees: Welsh for people who chose
Welsh when there is one, English otherwise, each marked with its language, and a note
when it is not in the reader's language."""

from django.utils import translation

from coproduce.lib.bilingual import ENGLISH, WELSH, Version, pick, pick_field


def test_english_readers_see_the_english_version():
    with translation.override("en-gb"):
        version = pick("Our journey", "Ein taith")
    assert (version, version.lang, version.note) == ("Our journey", ENGLISH, "")


def test_welsh_readers_see_the_welsh_version():
    with translation.override("cy"):
        version = pick("Our journey", "Ein taith")
    assert (version, version.lang, version.note) == ("Ein taith", WELSH, "")


def test_welsh_readers_are_told_when_there_is_only_english():
    with translation.override("cy"):
        version = pick("Our journey", "  ")
    assert version == "Our journey" and version.lang == ENGLISH
    assert version.note  # "This is only available in English.", in Welsh once translated


def test_english_readers_are_told_when_there_is_only_welsh():
    with translation.override("en-gb"):
        version = pick("", "Ein taith")
    assert version == "Ein taith" and version.lang == WELSH
    assert version.note == "This is only available in Welsh."


def test_nothing_in_either_language_needs_no_note():
    for language in ("en-gb", "cy"):
        with translation.override(language):
            assert pick("", "").note == ""


def test_a_field_and_its_welsh_twin():
    class Story:
        title = "Our journey"
        title_cy = "Ein taith"
        summary = "Where we started."

    with translation.override("cy"):
        assert pick_field(Story(), "title") == "Ein taith"
        summary = pick_field(Story(), "summary")
    assert summary == "Where we started." and summary.lang == ENGLISH and summary.note


def test_a_version_is_its_text():
    version = Version("Ein taith", WELSH)
    assert version.text == "Ein taith" and type(version.text) is str and "taith" in version
