"""What a person with low vision sees, checked on one page (issue 19, decision 0043).

The page is measured three ways without reloading it: as it is, with the display
setting's largest text (the `cp-text-200` class on <html>, exactly what choosing
"Largest (200%)" adds: text-only zoom, the layout's width unchanged), and with
Chromium's forced colours (Windows High Contrast). Every control and every piece of
text shown as it is must still be shown in the other two: a size above nothing and
inside the page's width (or inside a part that scrolls, like a wide table). At 200%
no text in the main content may overlap other text or be cut off. In forced colours
axe-core runs again, and anything drawn only by its background colour (which forced
colours replace) must keep an edge, and every icon drawn in SVG must keep a colour
that is not the background's."""

VIEWPORT = {"width": 1280, "height": 800}

# Marks (data-lv) every control, image, SVG and element with its own text that is shown
# in the normal render, and (data-lv-bg) those drawn only by a background colour.
MARK = """
() => {
  const interactive = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  // checkVisibility: also false inside a closed <details>, whose content Chromium still
  // gives a size (content-visibility: hidden).
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0
      && e.checkVisibility({contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true});
  };
  const ownText = (e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const clear = (c) => c === 'transparent' || c === 'rgba(0, 0, 0, 0)';
  const backgrounds = new Map();
  const backgroundOf = (e) => {
    const parent = e.parentElement;
    if (!parent) return 'rgb(255, 255, 255)';
    if (!backgrounds.has(parent)) {
      const c = getComputedStyle(parent).backgroundColor;
      backgrounds.set(parent, clear(c) ? backgroundOf(parent) : c);
    }
    return backgrounds.get(parent);
  };
  const edged = (s) => ['Top', 'Right', 'Bottom', 'Left'].some((side) =>
    parseFloat(s[`border${side}Width`]) > 0 && s[`border${side}Style`] !== 'none'
    && !clear(s[`border${side}Color`])) || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0);
  let count = 0;
  for (const e of document.body.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(e.tagName)) continue;
    if (e.closest('.govuk-visually-hidden, [hidden], .govuk-skip-link')) continue;
    const tag = e.tagName.toLowerCase();
    const control = e.matches(interactive);
    const graphic = tag === 'svg' || tag === 'img';
    const s = getComputedStyle(e);
    const painted = !clear(s.backgroundColor) && s.backgroundColor !== backgroundOf(e) && !edged(s);
    const box = !e.textContent.trim() && !e.children.length && painted;
    if (!control && !graphic && !ownText(e) && !box) continue;
    if (!shown(e)) continue;
    e.dataset.lv = count++;
    if (painted && (control || box)) e.dataset.lvBg = '1';
  }
  return count;
}
"""

DESCRIBE = """
const describe = (e) => {
  const id = e.id ? '#' + e.id : '';
  const classes = typeof e.className === 'string' && e.className
    ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
  const text = (e.innerText || e.getAttribute('aria-label') || e.getAttribute('alt') || e.value || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 40);
  return `${e.tagName.toLowerCase()}${id}${classes}${text ? ` "${text}"` : ''}`;
};
"""

# Every marked element still shown, with a size, inside the page's width.
STILL_SHOWN = (
    """
() => {
"""
    + DESCRIBE
    + """
  const width = document.documentElement.clientWidth;
  const scrolls = (e) => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  const problems = [];
  for (const e of document.querySelectorAll('[data-lv]')) {
    const r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0
        || !e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) {
      problems.push(`${describe(e)} disappears`);
    } else if ((r.right > width + 1 || r.left < -1) && !scrolls(e)) {
      problems.push(`${describe(e)} goes outside the page's width `
        + `(${Math.round(r.left)} to ${Math.round(r.right)} px of ${width})`);
    }
  }
  return problems;
}
"""
)

# Text in the main content drawn over other text, or cut off by its box. Each line of
# text is a box; the middle half of its height is compared, so lines that only touch
# (a font's ascenders above its line height) do not count.
TEXT_OVERLAPS = (
    """
() => {
"""
    + DESCRIBE
    + """
  const boxes = [];
  const main = document.querySelector('main');
  if (!main) return [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || !el.closest('[data-lv]')) continue;
    if (el.closest('.govuk-visually-hidden, [hidden]')) continue;
    if (!el.checkVisibility({contentVisibilityAuto: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 2 || r.height < 2) continue;
      const inset = r.height / 4;
      boxes.push({node, el, left: r.left + 1, right: r.right - 1, top: r.top + inset,
                  bottom: r.bottom - inset});
    }
  }
  boxes.sort((a, b) => a.top - b.top);
  const problems = new Set();
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].top < a.bottom; j++) {
      const b = boxes[j];
      if (a.node === b.node) continue;
      if (b.left < a.right && a.left < b.right) {
        problems.add(`${describe(a.el)} overlaps ${describe(b.el)}`);
      }
    }
  }
  for (const e of main.querySelectorAll('[data-lv]')) {
    const s = getComputedStyle(e);
    const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
    if (clips && (e.innerText || '').trim() && (e.scrollWidth > e.clientWidth + 1
        || e.scrollHeight > e.clientHeight + 1)) {
      problems.add(`the text of ${describe(e)} is cut off`);
    }
  }
  return [...problems];
}
"""
)

# In forced colours: what was drawn only by its background keeps an edge (or opts out
# of forced colours), and every SVG keeps a fill or stroke not the background's.
FORCED_COLOURS_KEEP_EDGES = (
    """
() => {
"""
    + DESCRIBE
    + """
  const probe = document.createElement('div');
  probe.style.backgroundColor = 'Canvas';
  document.body.appendChild(probe);
  const canvas = getComputedStyle(probe).backgroundColor;
  probe.remove();
  const clear = (c) => !c || c === 'none' || c === 'transparent' || /rgba\\(.*, 0\\)$/.test(c);
  const problems = [];
  for (const e of document.querySelectorAll('[data-lv-bg]')) {
    const s = getComputedStyle(e);
    const edged = ['Top', 'Right', 'Bottom', 'Left'].some((side) =>
      parseFloat(s[`border${side}Width`]) > 0 && s[`border${side}Style`] !== 'none'
      && !clear(s[`border${side}Color`]) && s[`border${side}Color`] !== canvas)
      || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0);
    const kept = s.forcedColorAdjust === 'none' && s.backgroundColor !== canvas;
    if (!edged && !kept) problems.push(`${describe(e)} is drawn only by its background colour, `
      + 'which forced colours replace: give it a border (transparent is enough)');
  }
  for (const svg of document.querySelectorAll('svg[data-lv]')) {
    const shapes = svg.querySelectorAll('path, circle, rect, polygon, polyline, line, ellipse, text, use');
    const seen = [...shapes].some((shape) => {
      const s = getComputedStyle(shape);
      return [s.fill, s.stroke].some((c) => !clear(c) && c !== canvas);
    });
    if (shapes.length && !seen) problems.push(`the icon ${describe(svg)} has no colour left in forced colours`);
  }
  return problems;
}
"""
)


def low_vision_problems(page, axe_problems):
    """Every problem on the page as it is now, each naming the element; `axe_problems`
    runs axe-core on a page and says what it found."""
    page.set_viewport_size(VIEWPORT)
    page.evaluate(MARK)
    problems = []
    sizes = page.evaluate(
        "[...document.documentElement.classList].filter(c => /^cp-text-/.test(c))"
    )
    page.evaluate(
        "(sizes) => { const html = document.documentElement;"
        " sizes.forEach(c => html.classList.remove(c)); html.classList.add('cp-text-200'); }",
        sizes,
    )
    problems += [f"at 200% text: {p}" for p in page.evaluate(STILL_SHOWN)]
    problems += [f"at 200% text: {p}" for p in page.evaluate(TEXT_OVERLAPS)]
    page.evaluate(
        "(sizes) => { const html = document.documentElement;"
        " html.classList.remove('cp-text-200'); sizes.forEach(c => html.classList.add(c)); }",
        sizes,
    )
    page.emulate_media(forced_colors="active")
    try:
        problems += [f"in forced colours: {p}" for p in axe_problems(page)]
        problems += [f"in forced colours: {p}" for p in page.evaluate(STILL_SHOWN)]
        problems += [f"in forced colours: {p}" for p in page.evaluate(FORCED_COLOURS_KEEP_EDGES)]
    finally:
        page.emulate_media(forced_colors="none")
    return problems
