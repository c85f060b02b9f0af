"""Driving a page with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows) and
checking at every stop what a keyboard user needs: focus is on something (never lost
to the page body), it is visible (an outline or a focus shadow of at least 2 px, or
GOV.UK's yellow focus colour), and nothing sticky covers it (WCAG 2.4.7, 2.4.11)."""

from playwright.sync_api import Page

FOCUS_STATE = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return {lost: true};
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const yellow = style.backgroundColor === 'rgb(255, 221, 0)';
  // GOV.UK radios and checkboxes draw their focus ring on the label's ::before box.
  const label0 = el.labels && el.labels[0];
  const ring = label0 ? getComputedStyle(label0, '::before').boxShadow : 'none';
  const drawn = (el.type === 'radio' || el.type === 'checkbox') && ring && ring !== 'none';
  const rect = el.getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(rect.top + Math.min(rect.height, 20) / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const covered = rect.width > 0 && rect.height > 0 && top && !el.contains(top) && !top.contains(el)
    && !(el.labels && [...el.labels].some(label => label.contains(top)));
  const label = (el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText)
    || el.innerText || el.value || el.getAttribute('href') || '').replace(/\\s+/g, ' ').trim();
  return {
    lost: false, tag: el.tagName.toLowerCase(), type: el.type || '', label,
    visible: outline >= 2 || shadow || yellow || drawn,
    covered: covered ? (top.className || top.tagName) : '',
    id: el.id || '', href: el.getAttribute('href') || '',
    style: [style.outlineStyle, style.outlineWidth, style.boxShadow, ring].join(' | '),
  };
}
"""


class KeyboardUser:
    """One person at one page, who only uses the keyboard; every stop is checked."""

    def __init__(self, page: Page, max_tabs: int = 150):
        self.page = page
        self.max_tabs = max_tabs

    def focus_state(self) -> dict:
        return self.page.evaluate(FOCUS_STATE)

    def check_focus(self) -> dict:
        state = self.focus_state()
        where = self.page.url
        assert not state["lost"], f"focus lost to the page body on {where}"
        assert state["visible"], f"focus is not visible on {state} at {where}"
        assert not state["covered"], f"focus is hidden behind {state['covered']} at {where}"
        return state

    def tab(self, backwards: bool = False) -> dict:
        self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
        return self.check_focus()

    def tab_to(
        self, label: str, *, exact: bool = False, tag: str | None = None, input_type: str = ""
    ) -> dict:
        """Presses Tab until the focused control's name is (or contains) `label`; none if
        it has focus already."""

        def wanted(state: dict) -> bool:
            named = state["label"] == label if exact else label in state["label"]
            return (
                not state["lost"]
                and named
                and (tag is None or state["tag"] == tag)
                and (not input_type or state["type"] == input_type)
            )

        current = self.focus_state()
        if wanted(current):
            return self.check_focus()
        for _ in range(self.max_tabs):
            self.page.keyboard.press("Tab")
            if self.focus_state()["lost"]:
                break  # past the last control: the browser's own controls are next
            state = self.check_focus()
            if wanted(state):
                return state
        raise AssertionError(f"Tab never reached {label!r} on {self.page.url}")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def follow(self, label: str, **kwargs) -> None:
        """Tabs to a link or button and presses Enter, then checks the new page."""
        self.tab_to(label, **kwargs)
        with self.page.expect_navigation():
            self.press("Enter")
        self.arrived()

    def arrived(self) -> None:
        """After a page load the first Tab lands on the skip link, unless the page moved
        focus itself (to its error summary or a message), which must then be visible, or
        the address names a part of the page (#your-reply), where Tab then starts."""
        state = self.focus_state()
        if not state["lost"]:
            self.check_focus()
            return
        first = self.tab()
        fragment = self.page.evaluate("location.hash.slice(1)")
        if fragment:
            after_target = self.page.evaluate(
                """(id) => {
                  const target = document.getElementById(id);
                  const el = document.activeElement;
                  return !!target && (target.contains(el) ||
                    !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
                }""",
                fragment,
            )
            assert after_target, f"first Tab stop {first} is not at #{fragment} on {self.page.url}"
            return
        assert first["href"] == "#main-content", f"first Tab stop is {first} on {self.page.url}"
