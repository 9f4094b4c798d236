/**
 * The connection's one way onto the network: a request retried within throttling (core/api-answer.ts) and its
 * answer read as text, never trusted further. `Net` is a port so tests drive it with a fake clock and server.
 */
import { retryDelay } from '../../core/api-answer';

export interface Net {
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export const realNet: Net = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

export type Reply = { status: number; contentType: string | null; text: string; headers: Headers };
/** `offline`: no answer at all (no network, a blocked host); retried like a 503. */
export type Sent = Reply | { status: 0; offline: true };

/** Sends `init` to `url` until the answer is final: 429 and 5xx are retried after Retry-After or a back-off. */
export async function send(net: Net, url: string, init: RequestInit): Promise<Sent> {
  for (let attempt = 1; ; attempt++) {
    let reply: Sent;
    try {
      // No cookies: the bearer token is the only credential, and no sign-in session leaks into API calls.
      const res = await net.fetch(url, {
        ...init,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
      reply = {
        status: res.status,
        contentType: res.headers.get('content-type'),
        text: await res.text(),
        headers: res.headers,
      };
    } catch {
      reply = { status: 0, offline: true };
    }
    const status = reply.status === 0 ? 503 : reply.status;
    const retryAfter = 'headers' in reply ? reply.headers.get('retry-after') : null;
    const wait = retryDelay(status, retryAfter, attempt, net.now());
    if (wait === undefined) return reply;
    await net.sleep(wait);
  }
}

/** JSON.parse without throwing: undefined when the text is not JSON. */
export function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
