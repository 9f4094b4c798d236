/**
 * End-to-end support for the webmail tests: fixture pages served at the real webmail origins (Playwright request
 * routing: docs/testing.md, "End-to-end mechanics"), the RoosterJS starter bundled for them, and the worker driven by
 * the real messages sent from an extension page, as the popup sends them.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { defaultTemplate } from '../../../src/core/default-templates';
import { renderDraft } from '../../../src/core/template';
import type {
  ComposeDraft,
  ComposeWindow,
  FindResult,
  InsertResult,
  InsertTarget,
  Site,
} from '../../../src/messages';
import { type ExtensionBrowser, launchExtension } from './chromium';

export const FIXTURES = resolve('tests/fixtures/webmail');

/** Each site's fixture folder is served at its real host, so adapters run under their real hostnames. */
export const HOSTS: Record<Site, string> = {
  gmail: 'mail.google.com',
  outlook: 'outlook.office.com',
  yahoo: 'mail.yahoo.com',
  proton: 'mail.proton.me',
};

export const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=' +
  '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

/**
 * The draft the popup inserts: the shipped English template rendered by renderDraft, so its HTML (escaped, the link
 * its only anchor) and its plain-text twin are exactly what the product sends.
 */
export const DRAFT: ComposeDraft = {
  to: 'alex@contoso.example',
  ...renderDraft(defaultTemplate('en'), {
    customerName: 'Contoso & Co',
    contactName: 'Alex',
    partnerName: 'Fabrikam Cloud',
    senderName: 'Dana Smith',
    link: LINK,
  }),
};

/**
 * The RoosterJS starters, bundled once per run into a temporary folder (never committed): `rooster.js` is the
 * content-model editor (9.x) Outlook on the web runs, `rooster8.js` the legacy 8.x editor Proton Mail loads.
 */
const STARTERS: Record<string, string> = { 'rooster.js': 'start.ts', 'rooster8.js': 'start8.ts' };
const bundles = new Map<string, Promise<string>>();
export function roosterBundle(name = 'rooster.js'): Promise<string> {
  const entry = STARTERS[name] ?? 'start.ts';
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = (async () => {
      const outDir = join(tmpdir(), `ri-rooster-fixture-${entry.replace('.ts', '')}`);
      mkdirSync(outDir, { recursive: true });
      const { build } = await import('vite');
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: true,
          minify: false,
          lib: {
            entry: join(FIXTURES, 'rooster', entry),
            formats: ['iife'],
            name: 'RoosterFixture',
            fileName: () => 'rooster.js',
          },
        },
      });
      return readFileSync(join(outDir, 'rooster.js'), 'utf8');
    })();
    bundles.set(entry, bundle);
  }
  return bundle;
}

/** Gmail sends Trusted Types enforcement: the fixture does too, so insertion is tested under it. */
const HEADERS: Partial<Record<Site, Record<string, string>>> = {
  gmail: { 'content-security-policy': "require-trusted-types-for 'script'" },
};

/** Serves a fixture folder (a site's, or `other` for pages that are no webmail) at a host. */
export async function serve(context: BrowserContext, site: Site | 'other', host: string): Promise<void> {
  await context.route(`https://${host}/**`, async (route) => {
    const name = basename(new URL(route.request().url()).pathname);
    if (name in STARTERS) {
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: await roosterBundle(name) });
      return;
    }
    const file = join(FIXTURES, site, name);
    if (!existsSync(file)) {
      await route.fulfill({ status: 404, body: 'not a fixture' });
      return;
    }
    const contentType = name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
    const headers = site === 'other' ? undefined : HEADERS[site];
    await route.fulfill({ status: 200, contentType, headers, body: readFileSync(file) });
  });
}

type Chrome = {
  runtime: { sendMessage(m: unknown): Promise<unknown>; reload(): void };
  tabs: { query(q: { url: string }): Promise<{ id: number }[]> };
};

export interface WebmailSession {
  browser: ExtensionBrowser;
  /** The extension page the messages are sent from (as the popup would). */
  ext: Page;
  /** Opens a fixture at its site's real origin in a new tab; `host` overrides the site's main host. */
  open(site: Site | 'other', file: string, host?: string): Promise<{ page: Page; tabId: number }>;
  /** The compose windows found (`compose.find`'s `composes`). */
  find(): Promise<ComposeWindow[]>;
  /** The whole `compose.find` answer: composes, unconfirmed custom-domain hosts, webmail tabs with no compose. */
  findAll(): Promise<FindResult>;
  diagnose(tabId: number): Promise<string>;
  insert(target: InsertTarget, draft?: ComposeDraft): Promise<InsertResult>;
  /** `runtime.reload()`, as an update does; resolves once the new worker runs and `ext` is reopened. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function webmailSession(
  extraHosts: Partial<Record<string, Site | 'other'>> = {},
): Promise<WebmailSession> {
  const browser = await launchExtension('dist-e2e');
  for (const [site, host] of Object.entries(HOSTS)) await serve(browser.context, site as Site, host);
  for (const [host, site] of Object.entries(extraHosts)) if (site) await serve(browser.context, site, host);
  const session: WebmailSession = {
    browser,
    ext: await browser.openPage('src/options/index.html'),
    async open(site, file, host = site === 'other' ? 'pages.example.net' : HOSTS[site]) {
      const page = await browser.context.newPage();
      const url = `https://${host}/mail/${file}`;
      await page.goto(url);
      const tabId = await session.ext.evaluate(async (u) => {
        const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
        const [tab] = await chrome.tabs.query({ url: u });
        return tab?.id ?? -1;
      }, url);
      return { page, tabId };
    },
    find: async () => (await session.findAll()).composes,
    findAll: () =>
      session.ext.evaluate(
        (m) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage(m),
        { type: 'compose.find' },
      ) as Promise<FindResult>,
    diagnose: async (tabId) =>
      (
        (await session.ext.evaluate(
          (m) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage(m),
          { type: 'compose.diagnose', tabId },
        )) as { report: string }
      ).report,
    insert: (target, draft = DRAFT) =>
      session.ext.evaluate(
        (m) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage(m),
        { type: 'compose.insert', target, draft },
      ) as Promise<InsertResult>,
    async reload() {
      const worker = browser.context.waitForEvent('serviceworker');
      await session.ext
        .evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.reload())
        .catch(() => {});
      await worker;
      session.ext = await browser.openPage('src/options/index.html');
    },
    close: () => browser.close(),
  };
  return session;
}

/** Where a site's bodies are: a selector, in the page or inside each editor iframe (Proton). */
export interface BodyPlace {
  body: string;
  frame?: string;
}

export interface BodyFacts {
  html: string;
  text: string;
  /** Anchors whose href is exactly the invitation link. */
  links: number;
}

/** Runs in the page (main world): html, text and link count of every body, in document order. */
export function bodies(page: Page, place: BodyPlace): Promise<BodyFacts[]> {
  return page.evaluate(
    ([sel, frameSel, link]) => {
      const docs = frameSel
        ? [...document.querySelectorAll<HTMLIFrameElement>(frameSel)].map(
            (f) => f.contentDocument as Document,
          )
        : [document];
      return docs
        .flatMap((doc) => [...doc.querySelectorAll<HTMLElement>(sel)])
        .map((el) => {
          const area = el.tagName === 'TEXTAREA' ? (el as HTMLTextAreaElement) : null;
          const links = [...el.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href') === link);
          return {
            html: area ? area.value : el.innerHTML,
            text: area ? area.value : (el.textContent ?? ''),
            links: links.length,
          };
        });
    },
    [place.body, place.frame ?? '', LINK] as const,
  );
}

export async function body(page: Page, place: BodyPlace, index = 0): Promise<BodyFacts> {
  const all = await bodies(page, place);
  const one = all[index];
  if (!one) throw new Error(`no body ${index} (${place.body})`);
  return one;
}

/** Puts the caret right after `text` in the first body, as a partner's click would, and focuses that body. */
export function caretAfter(page: Page, place: BodyPlace, text: string): Promise<void> {
  return page.evaluate(
    ([sel, frameSel, after]) => {
      const doc = frameSel
        ? (document.querySelector<HTMLIFrameElement>(frameSel)?.contentDocument as Document)
        : document;
      const el = doc.querySelector<HTMLElement>(sel);
      if (!el) throw new Error('no body');
      const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      while (node && !node.textContent?.includes(after)) node = walker.nextNode();
      if (!node) throw new Error(`no text ${after}`);
      el.focus();
      doc.getSelection()?.collapse(node, (node.textContent ?? '').indexOf(after) + after.length);
    },
    [place.body, place.frame ?? '', text] as const,
  );
}

/** What differs between sites in the shared end-to-end cases; fixtures are `<site>/{new,reply,two,…}.html`. */
export interface SiteCase extends BodyPlace {
  site: Site;
  /** Text the fixtures' signatures start with, and a sentence of the reply's quoted message. */
  signature: string;
  quote: string;
  /** Subject input of the first compose, and how the recipients already in its To field read. */
  subjectInput: string;
  chips(page: Page): Promise<(string | null)[]>;
  /** The technique expected to win on this site. */
  method: string;
  /** What the site's editor would send for body `index` (RoosterJS `exportContent`), when it has a model. */
  model?: (page: Page, index: number) => Promise<string>;
  /** Where the body is in plain-text mode, when not where the rich one is (Proton swaps its iframe for a textarea). */
  plainBody?: BodyPlace;
  /** More hosts that serve this site's fixtures (all must be in the e2e build's host permissions). */
  hosts?: Record<string, Site>;
  /** The reply's quote is kept outside the body until expanded (Gmail's trimmed content, Proton's toggle). */
  quoteOutsideBody?: boolean;
  /** The technique expected in plain-text mode: `insertText` where the mode is visible in the DOM (the default). */
  plainMethod?: string;
  /** How the plain-text signature starts: `-- ` and the name by default; Proton writes no separator (its `toText`). */
  plainSignature?: string;
}

/** Input events the page's own listener saw reach a compose body (each fixture keeps `window.__inputEvents`). */
export function inputEvents(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __inputEvents?: number }).__inputEvents ?? 0);
}

const HTML_LINK = LINK.replaceAll('&', '&amp;');

/**
 * The cases every site shares: find, insert, link read back, recipient once, subject rules, signature and quote kept,
 * undo, a second compose untouched, minimised, localised labels, plain text, and a tab opened before a reload.
 * One browser per file and a fresh page per case keep the whole webmail run short.
 */
export function describeWebmail(c: SiteCase, more?: (session: () => WebmailSession) => void): void {
  let s: WebmailSession;
  const subject = (page: Page) => page.$eval(c.subjectInput, (el) => (el as HTMLInputElement).value);
  const sees = async (page: Page, index: number, needle: string) => {
    expect((await body(page, c, index)).html).toContain(needle);
    if (c.model) expect(await c.model(page, index)).toContain(needle);
  };

  beforeAll(async () => {
    s = await webmailSession(c.hosts);
  });
  afterAll(() => s?.close());
  afterEach(async () => {
    for (const page of s.browser.context.pages()) if (page !== s.ext) await page.close();
  });

  it('finds a new compose, with a composeId that stays the same across finds', async () => {
    const { tabId } = await s.open(c.site, 'new.html');
    const first = await s.find();
    expect(first).toEqual([
      {
        tabId,
        frameId: 0,
        composeId: expect.any(String),
        site: c.site,
        host: HOSTS[c.site],
        subject: '',
        to: [],
        focused: false,
      },
    ]);
    expect((await s.find())[0]?.composeId).toBe(first[0]?.composeId);
  });

  it('inserts above the signature with the link intact, fills To once and the subject only when empty', async () => {
    const { page, tabId } = await s.open(c.site, 'new.html');
    const inputsBefore = await inputEvents(page);
    expect(await s.insert({ tabId })).toEqual({ ok: true, method: c.method });
    // The site's own listener saw the change: Gmail saves drafts on `input`.
    expect(await inputEvents(page)).toBeGreaterThan(inputsBefore);
    const first = await body(page, c);
    expect(first.links).toBe(1);
    expect(first.html.indexOf(HTML_LINK)).toBeLessThan(first.html.indexOf(c.signature));
    await sees(page, 0, HTML_LINK);
    await sees(page, 0, c.signature);
    expect(await c.chips(page)).toEqual(['alex@contoso.example']);
    expect(await subject(page)).toBe(DRAFT.subject);

    await page.fill(c.subjectInput, 'Edited by the partner');
    const again = await s.insert({ tabId }, { ...DRAFT, to: 'other@contoso.example', subject: 'Another' });
    expect(again).toEqual({ ok: true, method: c.method });
    expect((await body(page, c)).links).toBe(2);
    expect(await c.chips(page)).toEqual(['alex@contoso.example']);
    expect(await subject(page)).toBe('Edited by the partner');
  });

  it('Ctrl+Z in the page removes the insertion and keeps the signature', async () => {
    const { page, tabId } = await s.open(c.site, 'new.html');
    expect(await s.insert({ tabId }, { ...DRAFT, to: undefined })).toMatchObject({ ok: true });
    expect((await body(page, c)).links).toBe(1);
    await page.bringToFront();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await body(page, c)).links).toBe(0);
    expect((await body(page, c)).text).not.toContain('Hello Alex');
    await sees(page, 0, c.signature);
    if (c.model) expect(await c.model(page, 0)).not.toContain('Hello Alex');
  });

  it('on a reply: subject and recipient untouched, draft above the signature and the quoted text', async () => {
    const { page, tabId } = await s.open(c.site, 'reply.html');
    const [found] = await s.find();
    expect(found?.to).toEqual(['alex@contoso.example']);
    const subjectBefore = found?.subject;
    expect(await s.insert({ tabId }, { ...DRAFT, to: 'someone@else.example' })).toEqual({
      ok: true,
      method: c.method,
    });
    const { html, links } = await body(page, c);
    expect(links).toBe(1);
    expect(html.indexOf(HTML_LINK)).toBeLessThan(html.indexOf(c.signature));
    if (c.quoteOutsideBody) {
      expect(html).not.toContain(c.quote);
      expect(await page.content()).toContain(c.quote);
    } else {
      expect(html.indexOf(c.signature)).toBeLessThan(html.indexOf(c.quote));
      await sees(page, 0, c.quote);
    }
    expect(await c.chips(page)).toEqual(['alex@contoso.example']);
    expect((await s.find())[0]?.subject).toBe(subjectBefore);
  });

  it('with two composes: only the named one; without a name, the focused one at its caret', async () => {
    const { page, tabId } = await s.open(c.site, 'two.html');
    const found = await s.find();
    // Nothing focused: the most recently opened (the later one) comes first.
    expect(found.map((f) => f.subject)).toEqual(['', 'Quarterly review']);
    const before = await bodies(page, c);
    const target = found[0];
    expect(await s.insert({ tabId, frameId: target?.frameId, composeId: target?.composeId })).toMatchObject({
      ok: true,
    });
    const after = await bodies(page, c);
    expect(after[0]?.html).toBe(before[0]?.html);
    expect(after[1]?.links).toBe(1);

    await caretAfter(page, c, 'Hi Megan,');
    const [focused] = await s.find();
    expect(focused).toMatchObject({ subject: 'Quarterly review', focused: true });
    expect(await s.insert({ tabId }, { ...DRAFT, to: undefined })).toMatchObject({ ok: true });
    const first = (await body(page, c, 0)).html;
    expect(first.indexOf('Hi Megan,')).toBeLessThan(first.indexOf(HTML_LINK));
    expect(first.indexOf(HTML_LINK)).toBeLessThan(first.indexOf(c.signature));
    expect((await body(page, c, 1)).html).toBe(after[1]?.html);
  });

  it('leaves a minimised compose out and inserts into the open one', async () => {
    const { page, tabId } = await s.open(c.site, 'minimised.html');
    const before = await bodies(page, c);
    expect(await s.find()).toHaveLength(1);
    expect(await s.insert({ tabId })).toMatchObject({ ok: true });
    const after = await bodies(page, c);
    expect(after[0]?.html).toBe(before[0]?.html);
    expect(after[1]?.links).toBe(1);
  });

  for (const lang of ['fr', 'de']) {
    it(`works with ${lang} labels (structural hooks only)`, async () => {
      const { page, tabId } = await s.open(c.site, `${lang}.html`);
      expect(await s.find()).toHaveLength(1);
      expect(await s.insert({ tabId })).toEqual({ ok: true, method: c.method });
      expect((await body(page, c)).links).toBe(1);
      expect(await subject(page)).toBe(DRAFT.subject);
      expect(await c.chips(page)).toEqual(['alex@contoso.example']);
    });
  }

  it('in plain-text mode the bare link lands above the signature', async () => {
    const { page, tabId } = await s.open(c.site, 'plain.html');
    const method = c.plainMethod ?? 'insertText';
    expect(await s.insert({ tabId })).toEqual({ ok: true, method });
    const { html, text } = await body(page, c.plainBody ?? c);
    // Where the mode is visible, the text twin goes in; where it is not (Gmail), the link's text is the bare link.
    expect(text.indexOf(LINK)).toBeGreaterThan(-1);
    if (method === 'insertText') {
      expect(html).not.toContain('<a');
      expect(text.indexOf(LINK)).toBeLessThan(text.indexOf(c.plainSignature ?? '-- \nDana Smith'));
    } else {
      expect(html.indexOf(`>${HTML_LINK}</a>`)).toBeGreaterThan(-1);
      expect(html.indexOf(HTML_LINK)).toBeLessThan(html.indexOf(c.signature));
    }
  });

  it('reaches a tab opened before runtime.reload(), as after an update', async () => {
    const { page, tabId } = await s.open(c.site, 'new.html');
    const [before] = await s.find();
    await s.reload();
    // The reloaded script starts a fresh isolated world: the same window is found again (its id may be new).
    const [after] = await s.find();
    expect({ ...after, composeId: '' }).toEqual({ ...before, composeId: '' });
    expect(await s.insert({ tabId, frameId: after?.frameId, composeId: after?.composeId })).toMatchObject({
      ok: true,
    });
    expect((await body(page, c)).links).toBe(1);
  });

  more?.(() => s);
}
