"""The low-vision checks (coproduce/tests/low_vision.py) find what they are for: on small
pages made to fail, each problem is reported and names the element; on a page without
them, nothing is."""

import pytest

from coproduce.tests.low_vision import low_vision_problems

pytestmark = pytest.mark.browser

STYLE = """<style>
  html { font-size: 16px; } html.cp-text-200 { font-size: 200%; }
  body { margin: 0; font-family: sans-serif; } p { font-size: 1rem; margin: 0 0 1rem; }
</style>"""


def problems_on(browser, body):
    page = browser.new_page()
    page.set_content(
        f"<!DOCTYPE html><html lang='en'><head><title>Check</title>{STYLE}</head>"
        f"<body><header>Top</header><main><h1>Check</h1>{body}</main></body></html>"
    )
    try:
        return low_vision_problems(page, lambda page: [])
    finally:
        page.close()


def test_a_plain_page_has_no_problems(browser):
    assert (
        problems_on(
            browser, "<p>Some words.</p><button style='border:2px solid transparent'>Go</button>"
        )
        == []
    )


def test_text_drawn_over_text_at_200_percent(browser):
    found = problems_on(
        browser,
        "<div style='position:relative;height:20px'><p id='first'>First words</p>"
        "<p id='second' style='position:absolute;top:0.25rem;left:0'>Second words</p></div>",
    )
    assert any("p#first" in p and "p#second" in p and "overlaps" in p for p in found), found


def test_text_cut_off_at_200_percent(browser):
    found = problems_on(
        browser, "<p id='boxed' style='height:20px;overflow:hidden'>Words in a small box</p>"
    )
    assert any("p#boxed" in p and "cut off" in p for p in found), found


def test_a_control_pushed_outside_the_width_at_200_percent(browser):
    found = problems_on(
        browser,
        "<div style='display:flex;width:1000px'><span style='flex:none;width:70rem'>x</span>"
        "<a id='far' href='/'>Far link</a></div>",
    )
    assert any("a#far" in p and "outside the page's width" in p for p in found), found


def test_a_shape_drawn_only_by_its_background_colour(browser):
    found = problems_on(
        browser,
        "<button id='flat' style='background:#00703c;color:#fff;border:0'>Save</button>"
        "<span id='bar' style='display:block;width:50px;height:10px;background:#4c2c92'></span>",
    )
    assert any("button#flat" in p and "forced colours" in p for p in found), found
    assert any("span#bar" in p and "forced colours" in p for p in found), found


def test_an_icon_whose_colour_is_the_background_in_forced_colours(browser):
    found = problems_on(
        browser,
        "<svg id='icon' width='20' height='20'><rect width='20' height='20' "
        "style='fill:Canvas'/></svg>",
    )
    assert any("svg#icon" in p and "no colour left" in p for p in found), found


def test_something_hidden_in_forced_colours(browser):
    found = problems_on(
        browser,
        "<style>@media (forced-colors: active) { #gone { display: none; } }</style>"
        "<a id='gone' href='/'>A link</a>",
    )
    assert any("a#gone" in p and "disappears" in p for p in found), found
