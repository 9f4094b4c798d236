/**
 * compose.find / compose.insert / compose.diagnose: the worker reaches webmail tabs by injecting the content script on
 * demand (docs/webmail.md, "How insertion works") — the active tab through activeTab, other tabs through granted
 * webmail host permissions — and
 * calls the API it installs with `executeScript({ func })`, which hands each frame's answer back. One round trip when
 * the script is already there; inject and call again when it is not (a new tab, or one opened before an update).
 */
import contentScript from '../content/inject.ts?script&iife';
import { CONFIRMED_HOSTS_KEY, parseConfirmedHosts } from '../core/webmail-hosts';
import type {
  ComposeDraft,
  ContentContext,
  ContentInsertResult,
  FindResult,
  FrameDiagnosis,
  FrameFind,
  InsertFailure,
  InsertResult,
  InsertTarget,
} from '../messages';
import {
  browserName,
  engine,
  localArea,
  manifestVersion,
  optionalHosts,
  permissions,
  scripting,
  tabs,
} from '../platform';
import { menuTabs } from './menu';

/** The content script's global, keyed by version: content/index.ts installs it under the same name. */
const GLOBAL = '__resellerInvite';

type Op = 'find' | 'insert' | 'diagnose';
type Answer<T> = { frameId: number; value: T };

/** What every content call carries: the engine (techniques) and the custom-domain hosts the partner confirmed. */
async function context(): Promise<ContentContext> {
  return { engine: engine(), confirmedHosts: parseConfirmedHosts(await localArea.get(CONFIRMED_HOSTS_KEY)) };
}

/** What the partner reads for each failure, with what to do next; the popup shows it as is. */
export const MESSAGES: Record<InsertFailure, string> = {
  'no-access':
    'Reseller Invite cannot reach that tab. Click the toolbar icon while your webmail tab is in front, or allow ' +
    'access with "Find compose windows in all tabs", then try again.',
  'tab-gone': 'That tab was closed or has reloaded. Open your compose window again, then try again.',
  unsupported:
    'This page is not a webmail Reseller Invite supports (Gmail, Outlook on the web, Yahoo Mail, Proton Mail). ' +
    'Open a new message there, then try again.',
  'no-compose':
    'No open message was found in that tab. Start a new message or reply (restore it if it is minimised), then ' +
    'try again.',
  // The popup then copies the draft and says so.
  'not-inserted': 'The webmail did not accept the inserted invitation.',
};

const fail = (reason: InsertFailure): InsertResult => ({ ok: false, reason, message: MESSAGES[reason] });

/** Browser errors, word for word as Chromium and Firefox raise them, to the contract's reasons. */
export function reasonOf(error: unknown): InsertFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/No tab with id|tab was closed/i.test(text)) return 'tab-gone';
  if (/Cannot access contents of|Missing host permission|must request permission/i.test(text))
    return 'no-access';
  if (/Cannot access a |cannot be scripted|error page|about:|moz-extension/i.test(text)) return 'unsupported';
  if (/No frame with id|Frame with ID/i.test(text)) return 'no-compose';
  return 'not-inserted';
}

/**
 * Runs in the page (serialised, so self-contained): calls the installed API, or says it is missing. The argument is
 * JSON; the answer is wrapped so that "missing" can never be mistaken for an answer.
 */
const run = (global: string, version: string, op: Op, arg: unknown): unknown => {
  const api = (globalThis as Record<string, unknown> & { [k: string]: unknown })[global] as
    | Record<string, Record<Op, (a: unknown) => unknown>>
    | undefined;
  const current = api?.[version];
  if (!current) return { missing: true };
  return Promise.resolve(current[op](arg)).then((value) => ({ value }));
};

const isMissing = (result: unknown): boolean => (result as { missing?: boolean } | null)?.missing === true;

async function call<T>(tabId: number, op: Op, arg: unknown, frameIds?: number[]): Promise<Answer<T>[]> {
  const args: [string, string, Op, unknown] = [GLOBAL, manifestVersion(), op, arg ?? null];
  let results = await scripting.func(tabId, run, args, frameIds);
  const missing = results.filter((r) => isMissing(r.result)).map((r) => r.frameId);
  if (missing.length > 0) {
    await scripting.files(tabId, [contentScript], missing);
    const again = await scripting.func(tabId, run, args, missing);
    results = [...results.filter((r) => !isMissing(r.result)), ...again];
  }
  // A frame whose script threw (a bug of ours, a page that broke it) is reported, not mistaken for "no compose".
  const broken = results.find((r) => r.error !== undefined && r.error !== null);
  if (broken && !results.some((r) => (r.result as { value?: T } | null)?.value !== undefined)) {
    throw new Error(`Content script failed: ${String(broken.error)}`);
  }
  return results.flatMap((r) => {
    const value = (r.result as { value?: T } | null)?.value;
    return value === undefined ? [] : [{ frameId: r.frameId, value }];
  });
}

/**
 * The active tab of the current window (activeTab), the tabs of webmail hosts the partner granted, and a tab whose
 * context menu was just used (its activeTab grant outlives the options page opening in front of it).
 */
async function reachableTabs(): Promise<number[]> {
  const webmail = new Set(optionalHosts());
  const granted = (await permissions.origins()).filter((origin) => webmail.has(origin));
  const [active, others] = await Promise.all([
    tabs.query({ active: true, currentWindow: true }),
    granted.length > 0 ? tabs.query({ url: granted }) : Promise.resolve([]),
  ]);
  const ids = [...active, ...others].map((tab) => tab.id).filter((id): id is number => id !== undefined);
  ids.push(...menuTabs());
  return [...new Set(ids)];
}

async function findInTab(tabId: number, ctx: ContentContext): Promise<FindResult> {
  const frames = await call<FrameFind>(tabId, 'find', ctx);
  const top = frames.find((f) => f.frameId === 0)?.value ?? frames[0]?.value;
  const composes = frames.flatMap(({ frameId, value }) =>
    value.composes.map((c) => ({ ...c, tabId, frameId })),
  );
  const unconfirmed = frames.flatMap(({ value }) =>
    value.candidate ? [{ tabId, host: value.host, site: value.candidate }] : [],
  );
  const webmailTabs = composes.length === 0 && top?.site ? [{ tabId, host: top.host, site: top.site }] : [];
  return { composes, unconfirmed: dedupe(unconfirmed), webmailTabs };
}

const dedupe = <T extends { tabId: number; host: string }>(list: T[]): T[] =>
  list.filter((a, i) => list.findIndex((b) => b.tabId === a.tabId && b.host === a.host) === i);

export async function findComposes(): Promise<FindResult> {
  const [tabIds, ctx] = await Promise.all([reachableTabs(), context()]);
  // A tab we may not script (a browser page, a revoked grant) simply has nothing to offer.
  const empty: FindResult = { composes: [], unconfirmed: [], webmailTabs: [] };
  const found = await Promise.all(tabIds.map((tabId) => findInTab(tabId, ctx).catch(() => empty)));
  return {
    composes: found.flatMap((f) => f.composes),
    unconfirmed: found.flatMap((f) => f.unconfirmed),
    webmailTabs: found.flatMap((f) => f.webmailTabs),
  };
}

/** Without a frame: the frame holding that compose, else the one with the focused compose, else the first found. */
async function locate(
  tabId: number,
  ctx: ContentContext,
  composeId?: string,
): Promise<{ frameId: number; composeId?: string } | InsertFailure> {
  const frames = await call<FrameFind>(tabId, 'find', ctx);
  const found = frames.flatMap(({ frameId, value }) => value.composes.map((c) => ({ frameId, c })));
  const hit = composeId
    ? found.find(({ c }) => c.composeId === composeId)
    : (found.find(({ c }) => c.focused) ?? found[0]);
  if (hit) return { frameId: hit.frameId, composeId: hit.c.composeId };
  return frames.some(({ value }) => value.site !== null) ? 'no-compose' : 'unsupported';
}

export async function insertDraft(target: InsertTarget, draft: ComposeDraft): Promise<InsertResult> {
  try {
    const ctx = await context();
    const where =
      target.frameId === undefined
        ? await locate(target.tabId, ctx, target.composeId)
        : { frameId: target.frameId, composeId: target.composeId };
    if (typeof where === 'string') return fail(where);
    const request = { ...ctx, composeId: where.composeId, draft };
    const [answer] = await call<ContentInsertResult>(target.tabId, 'insert', request, [where.frameId]);
    if (!answer) return fail('no-compose');
    return answer.value.ok ? { ok: true, method: answer.value.method } : fail(answer.value.reason);
  } catch (error) {
    return fail(reasonOf(error));
  }
}

/**
 * The report a partner can send us when a site changed under us (docs/webmail.md, "When a site changes"): host,
 * version, browser, how often each selector matched, the last insert's techniques and read-backs. Never content.
 */
export async function diagnoseTab(tabId: number): Promise<{ report: string }> {
  const lines = [
    'Reseller Invite diagnostic report',
    `version: ${manifestVersion()}`,
    `browser: ${browserName()}`,
  ];
  try {
    const frames = await call<FrameDiagnosis>(tabId, 'diagnose', await context());
    for (const { frameId, value } of frames) {
      if (!value.site && !value.candidate && frameId !== 0) continue;
      lines.push(
        `frame ${frameId}: host ${value.host}, site ${value.site ?? 'none'}` +
          (value.candidate ? `, markers of ${value.candidate} (host not confirmed)` : ''),
      );
      for (const [name, count] of Object.entries(value.selectors)) lines.push(`  ${name}: ${count}`);
      const last = value.lastInsert;
      if (last) {
        const tried = last.techniques.map((t) => `${t.technique} ${t.outcome}`).join(', ') || 'none';
        lines.push(
          `  last insert: recipient ${last.recipient}, subject ${last.subject}, body ${tried}, ` +
            `input events ${last.inputEvents}`,
        );
      }
    }
  } catch (error) {
    lines.push(`unreachable: ${reasonOf(error)}`);
  }
  return { report: lines.join('\n') };
}
