/**
 * The one typed message protocol between extension pages and the background (docs/architecture.md, "The dependency rule, and why"). Each entry maps
 * a message type to its request and response; `background/handlers.ts` must satisfy `Handlers`, so an unknown or
 * mistyped message is a compile error, not a silent no-op. Tests kept outside the repository use these shapes.
 */

import type { ConnectStatus } from './core/connect-state';
import type { HeldDecision, SyncStatus } from './core/sync-status';
import { runtime, t } from './platform';

export type Site = 'gmail' | 'outlook' | 'yahoo' | 'proton';

/** One compose window the extension may reach. `composeId` is stable for that window's life within its tab. */
export interface ComposeWindow {
  tabId: number;
  frameId: number;
  composeId: string;
  site: Site;
  /** The tab's host name, shown beside the compose so the partner sees where the draft goes. */
  host: string;
  subject: string;
  to: string[];
  focused: boolean;
}

/** A reachable tab that carries a webmail's page markers on a host the partner has not confirmed (custom domains). */
export interface UnconfirmedWebmail {
  tabId: number;
  host: string;
  site: Site;
}

export interface FindResult {
  composes: ComposeWindow[];
  /** Offered as "Treat <host> as Outlook": never used until the partner confirms the host (Options lists them). */
  unconfirmed: UnconfirmedWebmail[];
  /** Tabs of a supported webmail where no compose was found: the popup offers a diagnostic report for them. */
  webmailTabs: { tabId: number; host: string; site: Site }[];
  /** Tabs where our content script failed (a bug of ours, or a page that broke it): said as such, not "no compose". */
  failed: { tabId: number; detail: string }[];
}

/** What goes into a compose window: `to` fills the recipient only when it is empty. `html` is renderDraft output. */
export interface ComposeDraft {
  to?: string;
  subject: string;
  html: string;
  text: string;
}

/** Why an insert failed: a code the page words in its own language (ui/invite/insert-failure.ts). */
export type InsertFailure =
  | 'no-compose'
  | 'no-access'
  | 'not-inserted'
  | 'tab-gone'
  | 'unsupported'
  /** Our content script threw or did not start in that tab. */
  | 'content-error';
/** `detail`: the script's or the browser's own error text, when there is one (not translated: it is evidence). */
export type InsertResult =
  | { ok: true; method: string }
  | { ok: false; reason: InsertFailure; detail?: string };

export interface InsertTarget {
  tabId: number;
  frameId?: number;
  composeId?: string;
}

/** The browser engine, which picks the body techniques (Firefox delivers a synthetic paste empty). */
export type Engine = 'chromium' | 'firefox';

/** What the worker passes to the content script with every call. */
export interface ContentContext {
  engine: Engine;
  /** Hosts the partner confirmed as a webmail whose markers the page carries (custom-domain Outlook). */
  confirmedHosts: string[];
}

/** One compose as a frame reports it; the worker adds the tab and frame. */
export type FoundCompose = Omit<ComposeWindow, 'tabId' | 'frameId'>;

/** One frame's answer to `find`: its site (null on a page that is no webmail we know, or not yet confirmed). */
export interface FrameFind {
  site: Site | null;
  host: string;
  /** A site whose markers this page carries on a host not confirmed: offered, never acted on. */
  candidate: Site | null;
  composes: FoundCompose[];
}

/** How the last insert in a frame went, without any content: techniques tried and what each read back. */
export interface InsertTrace {
  recipient: 'filled' | 'kept' | 'failed' | 'none';
  subject: 'filled' | 'kept' | 'reply' | 'none';
  techniques: { technique: string; outcome: 'landed' | 'changed-without-link' | 'no-change' | 'threw' }[];
  /** Input events the body received during the insert (the webmail saves drafts on them). */
  inputEvents: number;
}

export type ContentInsertResult =
  | { ok: true; method: string }
  | { ok: false; reason: Exclude<InsertFailure, 'content-error'> };

/** One frame's diagnosis: how often each selector of its site's adapter matched, and its last insert. */
export interface FrameDiagnosis {
  host: string;
  site: Site | null;
  candidate: Site | null;
  selectors: Record<string, number>;
  lastInsert: InsertTrace | null;
}

export interface SyncReport {
  enabled: boolean;
  status: SyncStatus | null;
  /** Why this worker's last sync, or its start, failed (the error's own text); gone once a sync finishes. */
  failure?: string;
}

/** The Partner Center connection as Options > Partner Center and the popup show it (docs/connect.md). */
export type ConnectView = ConnectStatus & { clientId?: string; checking: boolean };

export interface Protocol {
  /** A page wrote to Dexie: the worker cannot observe that itself (no liveQuery in a service worker). */
  'data.changed': { request: { type: 'data.changed' }; response: { ok: true } };
  /** The sync state for the options page and the popup's indicator; status null before this device's first sync. */
  'sync.status': { request: { type: 'sync.status' }; response: SyncReport };
  /** Sync on or off on this device. */
  'sync.enable': { request: { type: 'sync.enable'; enabled: boolean }; response: SyncReport };
  /** The partner's decision about records sync held aside (docs/sync.md, "Held aside"). */
  'sync.decide': {
    request: { type: 'sync.decide'; keys: string[]; decision: HeldDecision };
    response: SyncReport;
  };
  'compose.find': { request: { type: 'compose.find' }; response: FindResult };
  'compose.insert': {
    request: { type: 'compose.insert'; target: InsertTarget; draft: ComposeDraft };
    response: InsertResult;
  };
  /** A report the partner can send us when a site changed under us: selectors matched, technique, no content. */
  'compose.diagnose': { request: { type: 'compose.diagnose'; tabId: number }; response: { report: string } };
  /** The connection's state; `opened` (the popup) starts a check when the last one is stale. */
  'connect.status': { request: { type: 'connect.status'; opened?: boolean }; response: ConnectView };
  /** Sign in with the partner's own app; the page asked the optional permissions from the click. */
  'connect.signIn': { request: { type: 'connect.signIn'; clientId: string }; response: ConnectView };
  'connect.check': { request: { type: 'connect.check' }; response: ConnectView };
  /** Tokens dropped, checks stopped, permissions released. */
  'connect.disconnect': { request: { type: 'connect.disconnect' }; response: ConnectView };
}

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];
export type AnyRequest = Request<MessageType>;

export type Handlers = { [K in MessageType]: (request: Request<K>) => Promise<Response<K>> };

/**
 * Every request is answered with an object. No answer (a worker that failed to start, a listener that did not take
 * the request) is an error the page words, never `undefined` read as a reply.
 */
export async function send<K extends MessageType>(request: Request<K> & { type: K }): Promise<Response<K>> {
  const reply: unknown = await runtime.sendMessage(request);
  if (typeof reply !== 'object' || reply === null) throw new Error(t('workerNoAnswer'));
  return reply as Response<K>;
}
