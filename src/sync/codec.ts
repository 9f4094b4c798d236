/**
 * Wire format (docs/sync.md, "Wire format"). Keys are short because key bytes count against the quota:
 *   `m`            manifest, a small plain object `{ v, fmt, S, gc }`
 *   `s0` … `s15`   record shards (docs/sync.md, "Shards")
 *   `d:<deviceId>` one device's acks and outbox (docs/sync.md, "Device keys, acks and the outbox")
 * Shard and device values are strings: `z2:` + base85(deflateRaw(UTF-8 JSON)), or `j1:` + JSON when that is smaller
 * by Chromium's count. The base-85 alphabet (ALPHABET85) is printable ASCII without `<`, `"`, `\` or space, so its
 * size is the same in Chrome and Firefox (docs/sync.md, "Budgets and quotas"), and it takes 5 characters per 4 bytes where base64 takes 5⅓ (−6%).
 * `z1:` (base64, written by version 1) is still read.
 *
 * Inside: `{ v: 1, n, t }`, the records laid out by columns.ts.
 * Anything this version cannot read is reported as `corrupt` or `newer`, never guessed at (docs/sync.md, "Wire format").
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { BASE62 } from '../core/random-id';
import { isDeviceId } from '../core/sync-clock';
import type { SyncRecord } from '../core/sync-merge';
import { decodeRecords, encodeRecords, Unreadable } from './columns';
import { chromiumStringBytes } from './quota';

/**
 * 2: time columns relative to their field clocks (columns.ts). A reader of version 2 reads version 1 payloads (they
 * never hold a `{ t }` column); a version-1 reader sees `v: 2` and quarantines it as newer (docs/sync.md, "Wire format").
 */
export const WIRE_VERSION = 2;
export const FORMAT = 'z2';
const BASE64 = 'z1';
const PLAIN = 'j1';
export const MANIFEST_KEY = 'm';
export const MAX_SHARDS = 16;

export type OurKey =
  | { kind: 'manifest' }
  | { kind: 'shard'; index: number }
  | { kind: 'device'; deviceId: string };

export function shardKey(index: number): string {
  return `s${index}`;
}

export function deviceKey(deviceId: string): string {
  return `d:${deviceId}`;
}

/** Which of our keys this is; undefined for a key that is not ours (left alone). */
export function parseKey(key: string): OurKey | undefined {
  if (key === MANIFEST_KEY) return { kind: 'manifest' };
  const shard = /^s(0|[1-9]\d{0,2})$/.exec(key);
  if (shard) return { kind: 'shard', index: Number(shard[1]) };
  if (key.startsWith('d:') && isDeviceId(key.slice(2))) return { kind: 'device', deviceId: key.slice(2) };
  return undefined;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: 'corrupt' | 'newer' };

const corrupt = { ok: false, problem: 'corrupt' } as const;
const newer = { ok: false, problem: 'newer' } as const;

function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** 85 printable ASCII characters that no browser escapes in JSON: no `<` (Chromium), `"`, `\`, space or `'`. */
export const ALPHABET85 = `${BASE62}!#$%&()*+,-./:;=>?@[]^_`;
const DIGIT85 = new Map([...ALPHABET85].map((ch, i) => [ch, i]));

/** Each 4 bytes as 5 base-85 digits, most significant first; a last group of n < 4 bytes as n + 1 digits. */
export function toBase85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let value = 0;
    for (let j = 0; j < 4; j++) value = value * 256 + (j < n ? (bytes[i + j] ?? 0) : 0);
    let group = '';
    for (let j = 0; j < 5; j++) {
      group = ALPHABET85[value % 85] + group;
      value = Math.floor(value / 85);
    }
    out += group.slice(0, n + 1);
  }
  return out;
}

export function fromBase85(text: string): Uint8Array | undefined {
  if (text.length % 5 === 1) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 5) {
    const group = text.slice(i, i + 5);
    let value = 0;
    for (let j = 0; j < 5; j++) {
      const digit = j < group.length ? DIGIT85.get(group[j] ?? '') : 84;
      if (digit === undefined) return undefined;
      value = value * 85 + digit;
    }
    if (value >= 2 ** 32) return undefined;
    const four = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
    bytes.push(...four.slice(0, group.length - 1));
  }
  return Uint8Array.from(bytes);
}

const packed = new Map<string, string>();

/** A JSON value as one of our strings: compressed unless plain JSON is smaller by Chromium's count (uBO's rule). */
export function packBlob(value: unknown): string {
  const json = JSON.stringify(value);
  const known = packed.get(json);
  if (known !== undefined) return known;
  const compressed = `${FORMAT}:${toBase85(deflateSync(strToU8(json), { level: 9 }))}`;
  const plain = `${PLAIN}:${json}`;
  const result = chromiumStringBytes(plain) < compressed.length + 2 ? plain : compressed;
  if (packed.size >= 64) packed.delete(packed.keys().next().value ?? '');
  packed.set(json, result);
  return result;
}

/**
 * The most a value may inflate to: far above any honest shard (one item is at most 8 KB deflated, a shard of real
 * records inflates to tens of KB), far below what deflate can expand 8 KB to (about 8 MB). fflate writes into the
 * fixed buffer and drops the rest, so a hostile value costs at most this much memory (docs/sync.md, "Held aside").
 */
export const MAX_INFLATED_BYTES = 1024 * 1024;

let inflated: Uint8Array | undefined;

function inflateText(body: string, tag: string): string | undefined {
  const bytes = tag === BASE64 ? fromBase64(body) : fromBase85(body);
  if (!bytes) return undefined;
  try {
    // One byte more than the cap: a result that fills it was cut, so the value is too large. The buffer is
    // reused (inflating is synchronous, and only bytes written by this call are read back).
    inflated ??= new Uint8Array(MAX_INFLATED_BYTES + 1);
    const out = inflateSync(bytes, { out: inflated });
    return out.length > MAX_INFLATED_BYTES ? undefined : strFromU8(out);
  } catch {
    return undefined;
  }
}

/** The JSON inside one of our strings; `newer` for a format this version does not know (e.g. `z2:`). */
export function unpackBlob(value: unknown): Decoded<unknown> {
  if (typeof value !== 'string') return corrupt;
  const prefix = /^([a-z])(\d{1,3}):/.exec(value);
  if (!prefix) return corrupt;
  const tag = `${prefix[1]}${prefix[2]}`;
  if (tag !== FORMAT && tag !== BASE64 && tag !== PLAIN) return newer;
  const body = value.slice(prefix[0].length);
  const text = tag === PLAIN ? body : inflateText(body, tag);
  if (text === undefined) return corrupt;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return corrupt;
  }
}

/** Checks the payload version: a higher one is a newer format, anything malformed is corrupt. */
export function versioned(value: unknown): Decoded<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return corrupt;
  const v = (value as { v?: unknown }).v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return corrupt;
  return v > WIRE_VERSION ? newer : { ok: true, value: value as Record<string, unknown> };
}

/** Records from a payload, as a `Decoded` (the layout itself is in columns.ts). */
export function readRecords(payload: unknown): Decoded<SyncRecord[]> {
  try {
    return { ok: true, value: decodeRecords(payload) };
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, problem: error.problem };
    throw error;
  }
}

export function encodeShard(records: readonly SyncRecord[]): string {
  return packBlob({ v: WIRE_VERSION, ...encodeRecords(records) });
}

/**
 * Each sync reads every key, and most values are the ones it read last time: decode each distinct string once.
 * Results are shared between calls, so callers treat them as read-only (merging builds new records anyway).
 */
export function memoized<T>(decode: (value: unknown) => T, size = 64): (value: unknown) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (typeof value !== 'string') return decode(value);
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    const result = decode(value);
    if (cache.size >= size) cache.delete(cache.keys().next().value ?? '');
    cache.set(value, result);
    return result;
  };
}

export const decodeShard = memoized((value: unknown): Decoded<SyncRecord[]> => {
  const blob = unpackBlob(value);
  if (!blob.ok) return blob;
  const payload = versioned(blob.value);
  return payload.ok ? readRecords(payload.value) : payload;
});
