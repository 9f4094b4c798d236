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
  FindResult,
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
import { type Answers, isMissing, locateCompose, type Op, readAnswers, run } from './frame-answers';
import { type FrameValues, IS_FRAME_VALUE } from './frame-values';
import { menuTabs } from './menu';

/** The content script's global, keyed by version: content/index.ts installs it under the same name. */
const GLOBAL = '__resellerInvite';

/** What every content call carries: the engine (techniques) and the custom-domain hosts the partner confirmed. */
async function context(): Promise<ContentContext> {
  return { engine: engine(), confirmedHosts: parseConfirmedHosts(await localArea.get(CONFIRMED_HOSTS_KEY)) };
}

/** A failure as a code: the page words it in its own language. */
const fail = (reason: InsertFailure, detail?: string): InsertResult =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };

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

/** Calls the content script in the tab's frames, injecting it first where it is not there yet. */
async function call<K extends Op>(
  tabId: number,
  op: K,
  arg: unknown,
  frameIds?: number[],
): Promise<Answers<FrameValues[K]>> {
  const args: [string, string, Op, unknown] = [GLOBAL, manifestVersion(), op, arg ?? null];
  const results = await scripting.func(tabId, run, args, frameIds);
  const missing = results.filter(isMissing).map((r) => r.frameId);
  const first = readAnswers(results, IS_FRAME_VALUE[op]);
  if (missing.length === 0) return first;
  await scripting.files(tabId, [contentScript], missing);
  const again = readAnswers(await scripting.func(tabId, run, args, missing), IS_FRAME_VALUE[op], true);
  return { answers: [...first.answers, ...again.answers], failures: [...first.failures, ...again.failures] };
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
  const { answers: frames, failures } = await call(tabId, 'find', ctx);
  const top = frames.find((f) => f.frameId === 0)?.value ?? frames[0]?.value;
  const composes = frames.flatMap(({ frameId, value }) =>
    value.composes.map((c) => ({ ...c, tabId, frameId })),
  );
  const unconfirmed = frames.flatMap(({ value }) =>
    value.candidate ? [{ tabId, host: value.host, site: value.candidate }] : [],
  );
  const webmailTabs = composes.length === 0 && top?.site ? [{ tabId, host: top.host, site: top.site }] : [];
  // Nothing found and a frame failed: the failure is the answer, not "no compose here".
  const failed = composes.length === 0 && failures[0] !== undefined ? [{ tabId, detail: failures[0] }] : [];
  return { composes, unconfirmed: dedupe(unconfirmed), webmailTabs, failed };
}

const dedupe = <T extends { tabId: number; host: string }>(list: T[]): T[] =>
  list.filter((a, i) => list.findIndex((b) => b.tabId === a.tabId && b.host === a.host) === i);

export async function findComposes(): Promise<FindResult> {
  const [tabIds, ctx] = await Promise.all([reachableTabs(), context()]);
  // A tab we may not script (a browser page, a revoked grant) simply has nothing to offer.
  const empty: FindResult = { composes: [], unconfirmed: [], webmailTabs: [], failed: [] };
  const found = await Promise.all(tabIds.map((tabId) => findInTab(tabId, ctx).catch(() => empty)));
  return {
    composes: found.flatMap((f) => f.composes),
    unconfirmed: found.flatMap((f) => f.unconfirmed),
    webmailTabs: found.flatMap((f) => f.webmailTabs),
    failed: found.flatMap((f) => f.failed),
  };
}

export async function insertDraft(target: InsertTarget, draft: ComposeDraft): Promise<InsertResult> {
  try {
    const ctx = await context();
    const where =
      target.frameId === undefined
        ? locateCompose(await call(target.tabId, 'find', ctx), target.composeId)
        : { frameId: target.frameId, composeId: target.composeId };
    if ('failure' in where) return fail(where.failure, where.detail);
    const request = { ...ctx, composeId: where.composeId, draft };
    const sent = await call(target.tabId, 'insert', request, [where.frameId]);
    const [answer] = sent.answers;
    if (!answer)
      return sent.failures[0] === undefined ? fail('no-compose') : fail('content-error', sent.failures[0]);
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
    const { answers, failures } = await call(tabId, 'diagnose', await context());
    for (const detail of failures) lines.push(`content script failed: ${detail}`);
    for (const { frameId, value } of answers) {
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
