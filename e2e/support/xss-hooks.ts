import type { BrowserContext, Page } from 'playwright-core';

/** What a page did with hostile input, from its first script on (see `armContext`). */
export interface Findings {
  /** Calls of window.__xss(): every payload calls it if it ever runs. */
  hits: number;
  /** securitypolicyviolation events, as "directive blocked-URI". */
  violations: string[];
  /** Elements that only a payload parsed as markup could have made (outerHTML, cut short). */
  injected: string[];
  /** href/src/action values whose scheme is not http(s), the page's own included. */
  unsafe: string[];
}

interface Hooked {
  __xss: () => void;
  __findings: Findings;
}

/**
 * Arms every page of the context before its own scripts run: `__xss()` counts calls, CSP violation
 * reports are collected, and a MutationObserver notes any element or link a payload could have made,
 * even one that was on screen only for a moment (a drawer since closed).
 */
export async function armContext(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as Hooked;
    const findings: Findings = { hits: 0, violations: [], injected: [], unsafe: [] };
    w.__findings = findings;
    w.__xss = () => {
      findings.hits += 1;
    };
    document.addEventListener('securitypolicyviolation', (e) => findings.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const madeByPayload = 'img[src="x"], script:not([src]), iframe, mglyph, math, [onerror], [onload], [onmouseover]';
    const isSafe = (url: string) => {
      try {
        return ['http:', 'https:'].includes(new URL(url, location.href).protocol);
      } catch {
        return false;
      }
    };
    const inspect = (el: Element) => {
      if (el.matches(madeByPayload)) findings.injected.push(el.outerHTML.slice(0, 80));
      for (const name of ['href', 'src', 'action']) {
        const value = el.getAttribute(name);
        if (value !== null && !isSafe(value)) findings.unsafe.push(`${el.tagName.toLowerCase()} ${name}=${value}`);
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const roots = record.type === 'attributes' ? [record.target] : Array.from(record.addedNodes);
        for (const root of roots) {
          if (!(root instanceof Element)) continue;
          inspect(root);
          if (record.type === 'childList') Array.from(root.querySelectorAll('*')).forEach(inspect);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['href', 'src', 'action'] });
  });
}

/** Hovers every element (a `<b onmouseover>` made from a payload would fire), then reads the findings. */
export function findings(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('body *'))) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    return (window as unknown as Hooked).__findings;
  });
}

/** The [selector, literal] pairs whose literal no element under the selector reads as typed (fields: their value). */
export function missingLiterals(page: Page, pairs: readonly (readonly [string, string])[]): Promise<string[]> {
  return page.evaluate(
    (list) =>
      list
        .filter(([selector, literal]) =>
          Array.from(document.querySelectorAll(selector)).every((el) => {
            const text = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el instanceof HTMLElement ? el.innerText : '';
            return !text.includes(literal);
          }),
        )
        .map(([selector, literal]) => `${selector}: ${literal}`),
    pairs,
  );
}
