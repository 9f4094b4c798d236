/** The ids this extension mints, from the browser's cryptographic random source (core/random-id.ts). */
import { randomBase62 } from '../core/random-id';

const cryptoBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/**
 * Ids of every record: 12 random base-62 characters (about 71 bits, so two browsers never mint the same one), about
 * half the synced bytes of a UUID (docs/decisions.md, "Short random ids"). Ids are opaque: rows made with
 * `crypto.randomUUID()` by earlier versions keep theirs.
 */
export function newId(): string {
  return randomBase62(12, cryptoBytes);
}

/** 6 base-62 characters, made once per install; it ends every clock this device issues (core/sync-clock.ts). */
export function newDeviceId(): string {
  return randomBase62(6, cryptoBytes);
}
