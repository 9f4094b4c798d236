/**
 * compose.find / compose.insert: the worker reaches webmail tabs by injecting the content script on demand
 * (spec/webmail.md §5) — the active tab through activeTab, other tabs through granted webmail host permissions — and
 * calls the API it installs with `executeScript({ func })`, which hands each frame's answer back. One round trip when
 * the script is already there; inject and call again when it is not (a new tab, or one opened before an update).
 */
import contentScript from '../content/inject.ts?script&iife';
import type {
  ComposeDraft,
  ComposeWindow,
  InsertFailure,
  InsertResult,
  InsertTarget,
  Site,
} from '../messages';
import { manifestVersion, optionalHosts, permissions, scripting, tabs } from '../platform';
import { menuTabs } from './menu';

/** The content script's global, keyed by version: content/index.ts installs it under the same name. */
const GLOBAL = '__resellerInvite';

/** The answers of content/index.ts's API (that layer may not be imported from here: tests/architecture.test.ts). */
type FoundCompose = Omit<ComposeWindow, 'tabId' | 'frameId'>;
type FrameFind = { site: Site | null; composes: FoundCompose[] };
type ContentInsert = { ok: true; method: string } | { ok: false; reason: InsertFailure };
type Answer<T> = { frameId: number; value: T };

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
const run = (global: string, version: string, op: 'find' | 'insert', arg: unknown): unknown => {
  const api = (globalThis as Record<string, unknown> & { [k: string]: unknown })[global] as
    | Record<string, { find(): unknown; insert(a: unknown): Promise<unknown> }>
    | undefined;
  const current = api?.[version];
  if (!current) return { missing: true };
  return op === 'find' ? { value: current.find() } : current.insert(arg).then((value) => ({ value }));
};

const isMissing = (result: unknown): boolean => (result as { missing?: boolean } | null)?.missing === true;

async function call<T>(
  tabId: number,
  op: 'find' | 'insert',
  arg: unknown,
  frameIds?: number[],
): Promise<Answer<T>[]> {
  const args: [string, string, 'find' | 'insert', unknown] = [GLOBAL, manifestVersion(), op, arg ?? null];
  let results = await scripting.func(tabId, run, args, frameIds);
  const missing = results.filter((r) => isMissing(r.result)).map((r) => r.frameId);
  if (missing.length > 0) {
    await scripting.files(tabId, [contentScript], missing);
    const again = await scripting.func(tabId, run, args, missing);
    results = [...results.filter((r) => !isMissing(r.result)), ...again];
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

async function findInTab(tabId: number): Promise<ComposeWindow[]> {
  const frames = await call<FrameFind>(tabId, 'find', null);
  return frames.flatMap(({ frameId, value }) => value.composes.map((c) => ({ ...c, tabId, frameId })));
}

export async function findComposes(): Promise<ComposeWindow[]> {
  const tabIds = await reachableTabs();
  // A tab we may not script (a browser page, a revoked grant) simply has nothing to offer.
  const lists = await Promise.all(tabIds.map((tabId) => findInTab(tabId).catch(() => [])));
  return lists.flat();
}

/** Without a frame: the frame holding that compose, else the one with the focused compose, else the first found. */
async function locate(
  tabId: number,
  composeId?: string,
): Promise<{ frameId: number; composeId?: string } | InsertFailure> {
  const frames = await call<FrameFind>(tabId, 'find', null);
  const all = frames.flatMap(({ frameId, value }) => value.composes.map((c) => ({ frameId, c })));
  const hit = composeId
    ? all.find(({ c }) => c.composeId === composeId)
    : (all.find(({ c }) => c.focused) ?? all[0]);
  if (hit) return { frameId: hit.frameId, composeId: hit.c.composeId };
  return frames.some(({ value }) => value.site !== null) ? 'no-compose' : 'unsupported';
}

export async function insertDraft(target: InsertTarget, draft: ComposeDraft): Promise<InsertResult> {
  try {
    const where =
      target.frameId === undefined
        ? await locate(target.tabId, target.composeId)
        : { frameId: target.frameId, composeId: target.composeId };
    if (typeof where === 'string') return fail(where);
    const request = { composeId: where.composeId, draft };
    const [answer] = await call<ContentInsert>(target.tabId, 'insert', request, [where.frameId]);
    if (!answer) return fail('no-compose');
    return answer.value.ok ? { ok: true, method: answer.value.method } : fail(answer.value.reason);
  } catch (error) {
    return fail(reasonOf(error));
  }
}
