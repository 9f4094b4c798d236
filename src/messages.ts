/**
 * The one typed message protocol between extension pages and the background (DESIGN.md, style 8). Each entry maps
 * a message type to its request and response; `background/handlers.ts` must satisfy `Handlers`, so an unknown or
 * mistyped message is a compile error, not a silent no-op.
 */
import { runtime } from './platform';

export interface Protocol {
  /** A page wrote to Dexie: the worker cannot observe that itself (no liveQuery in a service worker). */
  'data.changed': { request: { type: 'data.changed' }; response: { ok: true } };
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
