"""Every tinted background keeps WCAG AA contrast (4.5:1) for text, links and messages,
checked against the colours the stylesheet actually sets."""

import re
from pathlib import Path

import pytest

from coproduce.accounts import display
from coproduce.accounts.models import Tint

SCSS = Path(__file__).resolve().parents[3] / "assets" / "scss" / "_display-preferences.scss"


def sass_map(name):
    block = re.search(rf"\${name}: \((.*?)\);", SCSS.read_text(), re.DOTALL).group(1)
    return dict(re.findall(r'"?([\w-]+)"?: (#[0-9a-fA-F]{6})', block))


def luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one, other):
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_every_tint_choice_has_a_colour():
    assert set(sass_map("tint-backgrounds")) == set(Tint.values) - {Tint.NONE}


@pytest.mark.parametrize("tint", sorted(set(Tint.values) - {Tint.NONE}))
def test_text_links_and_messages_meet_aa_on_each_tint(tint):
    background = sass_map("tint-backgrounds")[tint]
    colours = sass_map("tint-text-colours")
    assert {"text", "secondary-text", "link", "link-visited", "error", "success"} <= set(colours)
    for role, colour in colours.items():
        assert contrast(colour, background) >= 4.5, f"{role} on {tint}"


def test_pdfs_use_the_same_tints_as_the_site():
    site = {name: colour.lower() for name, colour in sass_map("tint-backgrounds").items()}
    assert site == display.TINT_COLOURS
