/**
 * The content script, injected on demand by background/compose.ts with scripting.executeScript (no static content
 * script, no message listener) through `inject.ts`. It installs a small API on the isolated world's global, which the worker then calls
 * with `executeScript({ func })`, whose per-frame results carry the answers back (spec/webmail.md §5).
 */
import type { ComposeDraft, Site } from '../messages';
import type { WebmailAdapter } from './adapter';
import { type ContentInsertResult, type FoundCompose, find, insert } from './composes';
import { gmail } from './gmail';
import { outlook } from './outlook';
import { proton } from './proton';
import { yahoo } from './yahoo';

/** Adding a webmail = one adapter file + one entry here (DESIGN.md, style 2). */
const ADAPTERS: readonly WebmailAdapter[] = [gmail, outlook, yahoo, proton];

/** What one frame answers to `find`: its site (null when this page is no webmail we know) and its composes. */
export interface FrameFind {
  site: Site | null;
  composes: FoundCompose[];
}

export interface ContentApi {
  find(): FrameFind;
  insert(request: { composeId?: string; draft: ComposeDraft }): Promise<ContentInsertResult>;
}

// Typed here rather than through the polyfill: one call, and the polyfill would triple this bundle.
declare const chrome: { runtime: { getManifest(): { version: string } } };

/**
 * The guard: `globalThis.__resellerInvite[version]`, read by background/compose.ts. A script left behind by an update
 * or reload (spec/webmail.md §7.2) sits under its old version and is ignored; the same version is the same code.
 */
const GLOBAL = '__resellerInvite';

// Custom-domain Outlook can finish rendering its markers after load: detect at each call, not once.
const adapter = (): WebmailAdapter | undefined => ADAPTERS.find((a) => a.detect(document));

const api: ContentApi = {
  find() {
    const site = adapter();
    return { site: site?.site ?? null, composes: site ? find(site, document) : [] };
  },
  async insert({ composeId, draft }) {
    const site = adapter();
    if (!site) return { ok: false, reason: 'unsupported' };
    return insert(site, document, draft, composeId);
  },
};

/** Installs the API once per version; injecting the same version again (every call after the first) is a no-op. */
export function install(): void {
  const scope = globalThis as typeof globalThis & { [GLOBAL]?: Record<string, ContentApi> };
  const registry = scope[GLOBAL] ?? {};
  scope[GLOBAL] = registry;
  // The one browser call outside platform.ts: `chrome` exists in Chrome and Firefox content scripts alike, and
  // importing the polyfill for it would double this bundle (issue 4's 8 KB target).
  registry[chrome.runtime.getManifest().version] ??= api;
}
