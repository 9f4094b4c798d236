/**
 * Random ids: record ids and device ids (docs/decisions.md, "Short random ids"). Pure: the caller passes the source
 * of random bytes (`crypto.getRandomValues` in the extension, src/db/ids.ts).
 */

/** The characters of every id we mint, in the order base-85 (sync's codec) extends. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `n` random bytes. */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * `length` random characters of BASE62, each equally likely: a byte of 248 (4 × 62) or more is drawn again rather
 * than folded onto the first characters.
 */
export function randomBase62(length: number, randomBytes: RandomBytes): string {
  let id = '';
  while (id.length < length) {
    for (const byte of randomBytes(length + 4)) {
      if (byte < 248 && id.length < length) id += BASE62[byte % 62];
    }
  }
  return id;
}
