/**
 * The one typed message protocol between extension pages and the background (DESIGN.md, style 8). Each entry maps
 * a message type to its request and response; `background/handlers.ts` must satisfy `Handlers`, so an unknown or
 * mistyped message is a compile error, not a silent no-op. Tests kept outside the repository use these shapes.
 */

import type { SyncStatus } from './core/sync-status';
import { runtime } from './platform';

export type Site = 'gmail' | 'outlook' | 'yahoo' | 'proton';

/** One compose window the extension may reach. `composeId` is stable for that window's life within its tab. */
export interface ComposeWindow {
  tabId: number;
  frameId: number;
  composeId: string;
  site: Site;
  subject: string;
  to: string[];
  focused: boolean;
}

/** What goes into a compose window: `to` fills the recipient only when it is empty. `html` is renderDraft output. */
export interface ComposeDraft {
  to?: string;
  subject: string;
  html: string;
  text: string;
}

export type InsertFailure = 'no-compose' | 'no-access' | 'not-inserted' | 'tab-gone' | 'unsupported';
export type InsertResult =
  | { ok: true; method: string }
  | { ok: false; reason: InsertFailure; message: string };

export interface InsertTarget {
  tabId: number;
  frameId?: number;
  composeId?: string;
}

export interface SyncReport {
  enabled: boolean;
  status: SyncStatus | null;
}

export interface Protocol {
  /** A page wrote to Dexie: the worker cannot observe that itself (no liveQuery in a service worker). */
  'data.changed': { request: { type: 'data.changed' }; response: { ok: true } };
  /** The sync state for the options page and the popup's indicator; status null before this device's first sync. */
  'sync.status': { request: { type: 'sync.status' }; response: SyncReport };
  /** Sync on or off on this device. */
  'sync.enable': { request: { type: 'sync.enable'; enabled: boolean }; response: SyncReport };
  'compose.find': { request: { type: 'compose.find' }; response: ComposeWindow[] };
  'compose.insert': {
    request: { type: 'compose.insert'; target: InsertTarget; draft: ComposeDraft };
    response: InsertResult;
  };
}

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];
export type AnyRequest = Request<MessageType>;

export type Handlers = { [K in MessageType]: (request: Request<K>) => Promise<Response<K>> };

export function send<K extends MessageType>(request: Request<K> & { type: K }): Promise<Response<K>> {
  return runtime.sendMessage(request) as Promise<Response<K>>;
}

export function isRequest(value: unknown, types: readonly string[]): value is AnyRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    types.includes((value as { type?: unknown }).type as string)
  );
}
