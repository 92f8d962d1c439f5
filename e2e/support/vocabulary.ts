import type { Page } from 'playwright-core';

/**
 * Words of the code's vocabulary (`follow_up`, `in_progress`, `postmortem.phase_changed`)
 * in the text a person reads: lower-case words joined by underscores, or dotted audit names.
 */
const rawCode = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z]+_[a-z_]+\b/g;

/**
 * The raw codes in the page's visible text and in the accessible names people hear (titles,
 * aria-labels, placeholders, option labels). Form values a person typed are not scanned.
 */
export async function rawCodesOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // innerText, not textContent: only what is rendered visibly counts, not hidden templates.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
    const parts = [document.body.innerText, document.title];
    for (const element of document.querySelectorAll('[title],[aria-label],[placeholder]')) {
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) {
          parts.push(value);
        }
      }
    }
    return parts.join('\n');
  });
  return [...new Set(texts.match(rawCode) ?? [])];
}
