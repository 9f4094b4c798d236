/**
 * The selector half of the diagnostic report (docs/webmail.md, "When a site changes"): how many elements each of the
 * adapter's selectors matches in this page and in its same-origin editor frames. Counts only: no text, subject or
 * address ever leaves the page this way.
 */
import type { WebmailAdapter } from './adapter';

/** The documents of the page's same-origin iframes (editor frames such as Proton's); cross-origin ones are skipped. */
function frameDocs(doc: Document): Document[] {
  return [...doc.querySelectorAll('iframe')].flatMap((frame) => {
    try {
      return frame.contentDocument ? [frame.contentDocument] : [];
    } catch {
      return [];
    }
  });
}

export function diagnose(adapter: WebmailAdapter, doc: Document): Record<string, number> {
  const frames = frameDocs(doc);
  const counts: Record<string, number> = {};
  for (const [name, selector] of Object.entries(adapter.selectors)) {
    const docs = selector.frame ? frames : [doc];
    counts[name] = docs.reduce((n, d) => n + d.querySelectorAll(selector.css).length, 0);
  }
  return counts;
}
