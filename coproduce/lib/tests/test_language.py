"""Translations at start-up: English texts are not looked for in empty catalogues, and
nothing is lost by leaving those out."""

import gettext

from django.utils import translation
from django.utils.translation import trans_real


def catalogues_after(code):
    node, found = trans_real.translation(code), []
    while node._fallback is not None:
        node = node._fallback
        found.append(node)
    return found


def test_no_language_falls_back_to_a_catalogue_with_nothing_in():
    for code in ("en-gb", "cy"):
        empty = [
            node
            for node in catalogues_after(code)
            if type(node) is gettext.GNUTranslations and set(node._catalog) <= {""}
        ]
        assert empty == [], f"{code} looks in {len(empty)} empty catalogues"


def test_every_text_reads_as_it_did_with_the_empty_catalogues():
    for code in ("en-gb", "cy"):
        kept = trans_real.translation(code)
        loaded_afresh = trans_real.DjangoTranslation(code)  # as Django builds it
        texts = ["A text in no catalogue", "Today", "This field is required."]
        node = loaded_afresh
        while node is not None:
            catalogue = node._catalog
            keys = catalogue.keys() if hasattr(catalogue, "keys") else []
            texts += [key for key in keys if isinstance(key, str) and key]
            node = node._fallback
        assert len(texts) > 300, "the catalogues were not read"
        for text in texts:
            assert kept.gettext(text) == loaded_afresh.gettext(text), (code, text)
    with translation.override("cy"):
        assert translation.gettext("Today") == "Heddiw"
