/**
 * The popup as a partner meets it: from the moment its page is created to the invite form's company field being
 * usable, against a bare extension page with the same HTML shell and stylesheets and no script, until its first
 * button. Each run creates a fresh page (as every popup open does), alternating bare and popup in one browser;
 * wall time, from Node's clock before `newPage()` to the page's own clock (`performance.timeOrigin + now()`) when a
 * MutationObserver installed before any script sees the element.
 *
 * Beside them, the floor of any page that paints with script: the same shell whose one tiny module script adds the
 * button. What the popup costs beyond that floor is its own; the rest is loading and running a script at all.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { median } from './stats';

/**
 * The bare page: the popup's built HTML without scripts and module preloads, with one button in the app root; and
 * the script floor: that page with the button added by one tiny module script.
 */
export function addOpenPages(dir: string, popupHtml: string): void {
  const bare = popupHtml
    .replace(/<script\b[^>]*><\/script>\s*/g, '')
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace('<div id="app"></div>', '<div id="app"><button type="button">Invite</button></div>');
  writeFileSync(join(dir, 'src/popup/bare-button.html'), bare);
  writeFileSync(
    join(dir, 'assets/one-button.js'),
    "const b = document.createElement('button'); b.textContent = 'Invite'; document.getElementById('app').append(b);",
  );
  const floor = bare.replace(
    '<div id="app"><button type="button">Invite</button></div>',
    '<div id="app"></div><script type="module" src="/assets/one-button.js"></script>',
  );
  writeFileSync(join(dir, 'src/popup/script-floor.html'), floor);
}

/** As a string: tsx would add a helper to a function that the page does not have. */
const WATCH = `(() => {
  const seen = {};
  globalThis.__open = seen;
  const look = () => {
    const field = document.getElementById('company');
    if (seen.company === undefined && field && !field.disabled) seen.company = performance.timeOrigin + performance.now();
    if (seen.button === undefined && document.querySelector('#app button'))
      seen.button = performance.timeOrigin + performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function openOnce(context: BrowserContext, url: string, key: 'company' | 'button'): Promise<number> {
  const start = Date.now();
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(
    (k) => (globalThis as unknown as { __open?: Record<string, number> }).__open?.[k],
    key,
    { polling: 5 },
  );
  const end = (await handle.jsonValue()) as number;
  await page.close();
  return end - start;
}

export interface OpenFigures {
  popup: number;
  bare: number;
  /** The same shell with one tiny module script adding the button. */
  floor: number;
  runs: number;
}

/** Call once per browser context, before `popupOpenRuns`. */
export const watchOpens = (context: BrowserContext) => context.addInitScript({ content: WATCH });

/** The popup's copy of its first settings (src/db/peek.ts), kept in the extension's localStorage. */
const COPY = 'firstSettings';

/**
 * `runs` pairs after one warm-up of each; medians. `copy`: as after any earlier use of the popup, which leaves the
 * pages' copy of the profile and templates that it paints from; without it (the first open after installing, or
 * after that copy was cleared) the popup reads IndexedDB first, and the copy is removed before each open.
 */
export async function popupOpenRuns(
  context: BrowserContext,
  base: string,
  runs: number,
  copy: boolean,
): Promise<OpenFigures> {
  const popupUrl = `${base}src/popup/index.html`;
  const bareUrl = `${base}src/popup/bare-button.html`;
  const floorUrl = `${base}src/popup/script-floor.html`;
  // A page of the extension's origin, kept open to set up its localStorage between opens.
  const keeper = await context.newPage();
  await keeper.goto(bareUrl);
  if (copy) {
    // Left by a popup that stayed open until its database loaded, as any real one does.
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await popup.waitForFunction((key) => localStorage.getItem(key) !== null, COPY, { polling: 20 });
    await popup.close();
  }
  const clear = () =>
    copy ? Promise.resolve() : keeper.evaluate((key) => localStorage.removeItem(key), COPY);
  await openOnce(context, bareUrl, 'button');
  await clear();
  await openOnce(context, popupUrl, 'company');
  await openOnce(context, floorUrl, 'button');
  const popup: number[] = [];
  const bare: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await openOnce(context, bareUrl, 'button'));
    floor.push(await openOnce(context, floorUrl, 'button'));
    await clear();
    popup.push(await openOnce(context, popupUrl, 'company'));
  }
  await keeper.close();
  return { popup: median(popup), bare: median(bare), floor: median(floor), runs };
}
