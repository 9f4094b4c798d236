/**
 * The content script, injected on demand by background/compose.ts with scripting.executeScript (no static content
 * script, no message listener) through `inject.ts`. It installs a small API on the isolated world's global, which the
 * worker then calls with `executeScript({ func })`, whose per-frame results carry the answers back. The isolated
 * world's globals are invisible to the page, and nothing of ours is written into the page's DOM.
 */
import type {
  ComposeDraft,
  ContentContext,
  ContentInsertResult,
  FrameDiagnosis,
  FrameFind,
  Site,
} from '../messages';
import type { WebmailAdapter } from './adapter';
import { find, insert, lastTrace } from './composes';
import { diagnose } from './diagnose';
import { gmail } from './gmail';
import { outlook } from './outlook';
import { proton } from './proton';
import { yahoo } from './yahoo';

/** Adding a webmail = one adapter file + one entry here (docs/architecture.md, "Layers"). */
export const ADAPTERS: readonly WebmailAdapter[] = [gmail, outlook, yahoo, proton];

export interface ContentApi {
  find(context: ContentContext): FrameFind;
  insert(request: ContentContext & { composeId?: string; draft: ComposeDraft }): Promise<ContentInsertResult>;
  diagnose(context: ContentContext): FrameDiagnosis;
}

/** What this page is: a site by its own host, or by markers on a host the partner confirmed; else a candidate. */
export function siteOf(
  doc: Document,
  confirmedHosts: readonly string[],
): { adapter: WebmailAdapter | null; candidate: Site | null } {
  const host = doc.location.hostname;
  const own = ADAPTERS.find((a) => a.hosts.includes(host));
  if (own) return { adapter: own.excludes?.test(doc.location.pathname) ? null : own, candidate: null };
  // Markers are page content: any site can carry them, so they only ever make an offer until confirmed.
  const marked = ADAPTERS.find((a) => a.markers && doc.querySelector(a.markers.css) !== null);
  if (!marked) return { adapter: null, candidate: null };
  return confirmedHosts.includes(host)
    ? { adapter: marked, candidate: null }
    : { adapter: null, candidate: marked.site };
}

// Typed here rather than through the polyfill: one call, and the polyfill would triple this bundle.
declare const chrome: { runtime: { getManifest(): { version: string } } };

/**
 * The guard: `globalThis.__resellerInvite[version]`, read by background/compose.ts. A script left behind by an update
 * or reload sits under its old version and is ignored; the same version is the same code.
 */
const GLOBAL = '__resellerInvite';

// Custom-domain Outlook can finish rendering its markers after load: detect at each call, not once.
const api: ContentApi = {
  find({ confirmedHosts }) {
    const { adapter, candidate } = siteOf(document, confirmedHosts);
    const host = document.location.hostname;
    return { site: adapter?.site ?? null, host, candidate, composes: adapter ? find(adapter, document) : [] };
  },
  async insert({ composeId, draft, engine, confirmedHosts }) {
    const { adapter } = siteOf(document, confirmedHosts);
    if (!adapter) return { ok: false, reason: 'unsupported' };
    return insert(adapter, document, draft, engine, composeId);
  },
  diagnose({ confirmedHosts }) {
    const { adapter, candidate } = siteOf(document, confirmedHosts);
    return {
      host: document.location.hostname,
      site: adapter?.site ?? null,
      candidate,
      selectors: adapter ? diagnose(adapter, document) : {},
      lastInsert: lastTrace,
    };
  },
};

/** Installs the API once per version; injecting the same version again (every call after the first) is a no-op. */
export function install(): void {
  const scope = globalThis as typeof globalThis & { [GLOBAL]?: Record<string, ContentApi> };
  const registry = scope[GLOBAL] ?? {};
  scope[GLOBAL] = registry;
  // The one browser call outside platform.ts: `chrome` exists in Chrome and Firefox content scripts alike, and
  // importing the polyfill for it would double this bundle.
  registry[chrome.runtime.getManifest().version] ??= api;
}
