"""Measuring a page for a thumb: every control at least 44×44 CSS px, and no text too small to read.

A control is a link, button, field, summary or anything focusable; a radio or checkbox counts
as its label (the label is what a finger presses). A link inside running text (a sentence:
three words or more of the same block's own text, outside links, tags and buttons) is excepted,
as WCAG's target-size rule excepts it.
"""

TARGET_PX = 44
TEXT_PX = 14
CHART_TEXT_PX = 12

SMALL_TARGETS = """(min) => {
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const shown = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      && !el.closest('[hidden], .skip');
  };
  const words = text => (text || '').trim().split(/\\s+/).filter(Boolean).length;
  const inRunningText = a => {
    if (a.tagName !== 'A' || getComputedStyle(a).display !== 'inline') return false;
    let block = a.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    if (!block) return false;
    let count = 0;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let inline = true;
      for (let up = node.parentElement; up && up !== block; up = up.parentElement) {
        if (up.tagName === 'A' || getComputedStyle(up).display !== 'inline') { inline = false; break; }
      }
      if (inline) count += words(node.textContent);
    }
    return count >= 3;
  };
  const labelOf = el => el.closest('label')
    || (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) || el;
  const seen = new Set(), small = [];
  for (const el of document.querySelectorAll(controls)) {
    const target = el.matches('input[type=radio], input[type=checkbox]') ? labelOf(el) : el;
    if (seen.has(target) || !shown(el) || inRunningText(el)) continue;
    seen.add(target);
    const r = target.getBoundingClientRect();
    if (r.width < min - 0.5 || r.height < min - 0.5) {
      const name = (target.getAttribute('aria-label') || target.textContent || target.name || '')
        .trim().replace(/\\s+/g, ' ').slice(0, 40);
      small.push(`${target.tagName.toLowerCase()}.${target.classList.value.replace(/ /g, '.')} `
        + `"${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
  }
  return small;
}"""

SMALL_TEXT = """([textMin, chartMin]) => {
  const small = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('[hidden], .skip, script, style, title')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    let size = parseFloat(getComputedStyle(el).fontSize), min = textMin;
    if (el.closest('svg')) {  // a chart's label, at the size the drawing is scaled to
      const m = el.getScreenCTM();
      size *= m ? Math.hypot(m.a, m.b) : 1;
      min = chartMin;
    }
    if (size < min - 0.05) small.push(`${el.tagName.toLowerCase()} "${node.textContent.trim().slice(0, 30)}" `
      + `${size.toFixed(1)}px`);
  }
  return small;
}"""


def small_targets(page) -> list[str]:
    """Controls on the page smaller than a fingertip, described as `tag.class "name" W×H`."""
    return page.evaluate(SMALL_TARGETS, TARGET_PX)


def small_text(page) -> list[str]:
    """Visible text under 14 CSS px (chart labels under 12)."""
    return page.evaluate(SMALL_TEXT, [TEXT_PX, CHART_TEXT_PX])
