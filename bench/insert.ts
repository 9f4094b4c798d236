/**
 * Insert-into-compose benchmark, called by bench/run.ts: the time from `compose.insert` sent (from an extension page,
 * as the popup sends it) to the link present in a Gmail fixture's body (dist-e2e build, real Chromium), against an
 * `executeScript` no-op round trip measured in the same run, alternating, medians; then the content script's size.
 * Both clocks are `timeOrigin + now()` of two pages of one browser on one machine, so they compare.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { FindResult } from '../src/messages';
import { launchExtension } from '../tests/e2e/support/chromium';
import { median } from './stats';

const RUNS = 25;
const FIXTURE = 'tests/fixtures/webmail/gmail';
const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x#/partner-invitation';
// The body only: a recipient adds Gmail's 100 ms chip re-check (InboxSDK), which is a wait, not work.
const DRAFT = {
  subject: 'Invitation',
  html: `<p>Hello,</p>\n<p><a href="${LINK.replaceAll('&', '&amp;')}">${LINK.replaceAll('&', '&amp;')}</a></p>`,
  text: `Hello,\n\n${LINK}`,
};

type Chrome = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  scripting: { executeScript(o: object): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id: number }[]> };
};

/** Reloads the fixture (an empty compose again) and lets the worker find it, as the popup does before inserting. */
async function freshCompose(ext: Page, gmail: Page): Promise<{ tabId: number; composeId: string }> {
  await gmail.reload();
  const { composes } = (await ext.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'compose.find' }),
  )) as FindResult;
  const [found] = composes;
  if (!found) throw new Error('bench: the Gmail fixture compose was not found');
  // Armed before sending: stamps the moment the link appears in the body.
  await gmail.evaluate((link) => {
    const body = document.querySelector('[g_editable="true"]') as HTMLElement;
    const w = window as unknown as { __landed?: number };
    w.__landed = undefined;
    new MutationObserver((_, observer) => {
      if ([...body.querySelectorAll('a')].some((a) => a.getAttribute('href') === link)) {
        w.__landed = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    }).observe(body, { childList: true, subtree: true });
  }, LINK);
  return found;
}

async function insertOnce(ext: Page, gmail: Page): Promise<number> {
  const { tabId, composeId } = await freshCompose(ext, gmail);
  const sent = await ext.evaluate(
    ([target, draft]) => {
      const t = performance.timeOrigin + performance.now();
      void (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
        type: 'compose.insert',
        target,
        draft,
      });
      return t;
    },
    [{ tabId, frameId: 0, composeId }, DRAFT] as const,
  );
  const landed = await gmail.waitForFunction(
    () => (window as unknown as { __landed?: number }).__landed,
    undefined,
    {
      polling: 5,
    },
  );
  return ((await landed.jsonValue()) as number) - sent;
}

/** An `executeScript` no-op from the extension page, and a no-op message round trip to the worker. */
function noopOnce(ext: Page, tabId: number): Promise<{ script: number; message: number }> {
  return ext.evaluate(async (id) => {
    const { runtime, scripting } = (globalThis as unknown as { chrome: Chrome }).chrome;
    // Not `func: () => 0`: tsx would name that arrow with a `__name` helper the page lacks.
    const noop = [() => 0][0];
    let t = performance.now();
    await scripting.executeScript({ target: { tabId: id, frameIds: [0] }, func: noop });
    const script = performance.now() - t;
    t = performance.now();
    await runtime.sendMessage({ type: 'data.changed' });
    return { script, message: performance.now() - t };
  }, tabId);
}

function size(file: string): string {
  if (!existsSync(file)) return `content script: ${file} is missing (run npm run build)`;
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  return `content script (${file}): ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (target ≤ 8 KB)`;
}

export async function benchInsert(): Promise<string[]> {
  execFileSync('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'error'], { stdio: 'inherit' });
  const browser = await launchExtension('dist-e2e');
  try {
    await browser.context.route('https://mail.google.com/**', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      const type = name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      return route.fulfill({ status: 200, contentType: type, body: readFileSync(join(FIXTURE, name)) });
    });
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/new.html');
    const ext = await browser.openPage('src/options/index.html');
    const tabId = (await freshCompose(ext, gmail)).tabId;
    await insertOnce(ext, gmail); // warm: first injection and first message compile the scripts
    const insert: number[] = [];
    const script: number[] = [];
    const message: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const noop = await noopOnce(ext, tabId);
      script.push(noop.script);
      message.push(noop.message);
      insert.push(await insertOnce(ext, gmail));
    }
    const [ins, base, hop] = [median(insert), median(script), median(message)];
    return [
      `compose.insert sent → link in the Gmail body: ${ins.toFixed(1)} ms (median of ${RUNS}, execCommand, no recipient)`,
      `executeScript no-op round trip, same run: ${base.toFixed(1)} ms; no-op message to the worker: ${hop.toFixed(1)} ms`,
      `ratio insert / executeScript no-op: ${(ins / base).toFixed(2)}× (target ≤ 2×)`,
      // The path every insert must take: popup → worker message, then one executeScript into the tab.
      `ratio insert / (message + executeScript no-op): ${(ins / (base + hop)).toFixed(2)}×`,
      size('dist/src/content/inject.js'),
    ];
  } finally {
    await browser.close();
  }
}
