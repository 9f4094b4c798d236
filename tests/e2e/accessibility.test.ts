/**
 * Accessibility in real Chromium: axe-core on the popup (first-run setup, Invite, Pending) and on every Options
 * section with a sample portfolio loaded, failing on any serious or critical violation; the popup used from the
 * keyboard alone (Tab reaches every control in reading order with a visible focus ring, Enter, Space and the arrow
 * keys operate them); and the toolbar shortcut the manifest suggests is one Chromium accepts. Pressing that shortcut
 * opens the popup, which only a person can check: automation cannot press browser-level keys.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { chromiumPath, type ExtensionBrowser, launchExtension } from './support/chromium';
import { importSample } from './support/demo';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const SECTIONS = ['customers', 'reconcile', 'templates', 'profile', 'reminders', 'sync', 'backup'];

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Serious and critical axe violations in `page` (or in the element `include` selects). axe is evaluated through
 * the DevTools protocol, which the pages' script-src 'self' does not block, so the extension ships nothing for it.
 */
async function violations(page: Page, include?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const found = await page.evaluate(async (selector) => {
    type Axe = { run(context: unknown, options: RunOptions): Promise<AxeResults> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, include ?? null);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function open(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  // The popup's own width (src/ui/theme.css, body.popup); options as a common laptop window.
  await page.setViewportSize(path === POPUP ? { width: 400, height: 600 } : { width: 1280, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.locator('[data-ready="true"]').waitFor();
  return page;
}

/** What the focused element is, and whether a focus ring shows on it (or on the label part drawn for it). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { key: '', ring: false };
    const drawn = [el, el.nextElementSibling, el.closest('label')].filter(
      (x): x is Element => x instanceof Element,
    );
    const ring = drawn.some((x) => {
      const s = getComputedStyle(x);
      // Outline only: the selected tab and the checked mode carry a box-shadow whether focused or not.
      return s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0;
    });
    return { key: el.dataset.kbd ?? `unmarked ${el.tagName} ${el.id}`, ring };
  });
}

/**
 * Marks every control a keyboard user should reach with Tab, in document order: enabled, rendered, not taken out
 * with tabindex=-1 (the roving tabs), and of a radio group only the checked radio (arrow keys move within it).
 */
function markTabStops(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
    );
    const keys: string[] = [];
    for (const el of all) {
      delete el.dataset.kbd;
      const disabled = (el as HTMLButtonElement).disabled;
      const hidden = el.closest('[hidden]') !== null || el.getClientRects().length === 0;
      const radio = el instanceof HTMLInputElement && el.type === 'radio' && !el.checked;
      if (disabled || (hidden && !el.matches('input[type="radio"], input[type="checkbox"]')) || radio)
        continue;
      if (el.tabIndex < 0 || el.closest('[hidden]')) continue;
      el.dataset.kbd = `${keys.length} ${el.tagName.toLowerCase()} ${el.id || el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30)}`;
      keys.push(el.dataset.kbd);
    }
    return keys;
  });
}

/** Presses Tab from the top of the page until focus leaves it or comes back around; returns each stop and ring. */
async function tabThrough(page: Page, max: number): Promise<{ key: string; ring: boolean }[]> {
  // Focusing the body moves Chromium's sequential-focus starting point to the top (a blur alone keeps it where it was).
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const stops: { key: string; ring: boolean }[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now.key || stops.some((s) => s.key === now.key)) break;
    stops.push(now);
  }
  return stops;
}

describe.skipIf(!chromiumPath)('accessibility (axe-core and keyboard, Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchExtension('dist');
  });
  afterAll(() => browser?.close());

  it('the popup’s first-run setup has no serious or critical axe violation', async () => {
    const popup = await open(browser, POPUP);
    await popup.locator('#setup-title').waitFor();
    expect(await violations(popup)).toEqual([]);
    // The check itself: a button with no name is a critical violation, so axe did run on this page.
    await popup.evaluate(() => document.body.append(document.createElement('button')));
    expect((await violations(popup)).map((v) => v.id)).toContain('button-name');
    await popup.close();
  });

  describe('with a sample portfolio', () => {
    beforeAll(async () => {
      const options = await open(browser, OPTIONS);
      await importSample(options, 'en');
      await options.close();
    });

    it('popup Invite, with a draft previewed: no serious or critical axe violation', async () => {
      const popup = await open(browser, POPUP);
      await popup.fill('#company', 'Contoso Ltd');
      await popup.fill('#email', 'not an address');
      await popup.getByTestId('preview-body').waitFor();
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });

    it('popup Pending, with its counts and rows: no serious or critical axe violation', async () => {
      const popup = await open(browser, POPUP);
      await popup.getByRole('tab', { name: /Pending/ }).click();
      await popup.getByTestId('pending-row').first().waitFor();
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });

    it('every Options section, and the page around them: no serious or critical axe violation', async () => {
      const options = await open(browser, OPTIONS);
      await options.locator('tbody tr[data-index]').first().waitFor();
      await options.getByTestId('sync-status').waitFor();
      const found: Record<string, Violation[]> = {};
      for (const id of SECTIONS) found[id] = await violations(options, `#${id}`);
      found.page = await violations(options);
      expect(found).toEqual(Object.fromEntries([...SECTIONS, 'page'].map((id) => [id, []])));
      await options.close();
    });

    it('Options with a customer’s panel open: no serious or critical axe violation', async () => {
      const options = await open(browser, OPTIONS);
      const first = options.locator('tbody tr[data-index]').first();
      await first.locator('button').first().click();
      await options.getByRole('dialog').or(options.locator('.panel')).first().waitFor();
      expect(await violations(options)).toEqual([]);
      await options.close();
    });

    it('popup Invite from the keyboard: Tab reaches every control in order, each with a focus ring', async () => {
      const popup = await open(browser, POPUP);
      await popup.fill('#company', 'Contoso Ltd');
      await popup.getByTestId('preview-body').waitFor();
      // Controls that arrive after the first paint: the worker's answer about compose windows, and the counts once
      // Dexie has loaded. Marked before them, a stop would be missing from the expected order.
      await popup.locator('.compose-none, .compose-insert').first().waitFor();
      await expect.poll(() => popup.locator('#tab-pending').textContent()).toMatch(/\d/);
      const expected = await markTabStops(popup);
      const stops = await tabThrough(popup, expected.length + 5);
      expect(stops.map((s) => s.key)).toEqual(expected);
      expect(stops.filter((s) => !s.ring)).toEqual([]);
      await popup.close();
    });

    it('popup Pending from the keyboard: arrows pick the tab, Tab reaches every row’s buttons with a ring', async () => {
      const popup = await open(browser, POPUP);
      await popup.locator('#tab-invite').focus();
      await popup.keyboard.press('ArrowRight');
      await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('tab-pending');
      await expect.poll(() => popup.locator('#tab-pending').getAttribute('aria-selected')).toBe('true');
      await popup.getByTestId('pending-row').first().waitFor();
      const expected = await markTabStops(popup);
      const stops = await tabThrough(popup, expected.length + 5);
      expect(stops.map((s) => s.key)).toEqual(expected);
      expect(stops.filter((s) => !s.ring)).toEqual([]);
      await popup.close();
    });

    it('Enter and Space operate the popup: mark accepted, undo, follow up, the mode switch', async () => {
      const popup = await open(browser, POPUP);
      await popup.locator('#tab-invite').focus();
      await popup.keyboard.press('End');
      const row = popup.getByTestId('pending-row').first();
      const company = await row.locator('.company').textContent();
      await row.getByTestId('mark-accepted').focus();
      await popup.keyboard.press('Enter');
      const notice = popup.getByTestId('pending-notice');
      await expect.poll(() => notice.textContent()).toContain(`${company}`);
      // The notice takes focus on its Undo button (focusUndo), so Space undoes without hunting for it.
      await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
      await popup.keyboard.press('Space');
      await expect.poll(() => notice.textContent()).toBe('Undone.');
      await expect
        .poll(() => popup.getByTestId('pending-row').first().locator('.company').textContent())
        .toBe(company);

      await popup.getByTestId('pending-row').first().getByTestId('follow-up-button').focus();
      await popup.keyboard.press('Space');
      await expect.poll(() => popup.locator('#invite-title').textContent()).toBe('Follow up');
      await expect.poll(() => popup.locator('#company').inputValue()).toBe(company);

      // Focus lands in the follow-up bar, on the first choice to make.
      await expect
        .poll(() =>
          popup.evaluate(() => document.activeElement?.closest('[data-testid="follow-up"]') !== null),
        )
        .toBe(true);
      await popup.getByRole('button', { name: 'New invitation instead' }).focus();
      await popup.keyboard.press('Enter');
      await expect.poll(() => popup.locator('#invite-title').textContent()).toBe('Invite a customer');
      const mode = popup.getByTestId('invite-mode');
      await mode.getByRole('radio').first().focus();
      await popup.keyboard.press('ArrowRight');
      await expect.poll(() => popup.locator('#gdapLink').count()).toBe(1);
      await popup.close();
    });

    it('the manifest’s toolbar shortcut is accepted by Chromium (pressing it is checked by hand)', async () => {
      const page = await open(browser, POPUP);
      const commands = await page.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { commands: { getAll(): Promise<{ name: string; shortcut: string }[]> } };
          }
        ).chrome.commands.getAll(),
      );
      const suggested = manifest.commands._execute_action.suggested_key.default;
      // Chromium leaves the shortcut empty when it clashes with one of its own (Alt+Shift+R, Alt+Shift+T, …).
      expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe(suggested);
      await page.close();
    });
  });
});
