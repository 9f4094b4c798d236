/**
 * What storage.sync will accept, measured the way the browsers measure it (docs/sync.md, "Budgets and quotas"), and what an
 * error from it means. Our own margins sit below the browsers' limits (docs/sync.md, "Budgets and quotas").
 */

/** Chromium `extensions/common/api/storage.json`; Firefox uses the same three size limits (docs/sync.md, "Budgets and quotas"). */
export const CHROME_LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;

/** Ours: shards ≤ 7,000 bytes (docs/sync.md, "Shards"), all our keys ≤ 90% of the quota, 20 writes a minute and 600 an hour (docs/sync.md, "Budgets and quotas"). */
export const OUR_LIMITS = {
  shardBytes: 7_000,
  totalBytes: Math.floor(CHROME_LIMITS.QUOTA_BYTES * 0.9),
  /** A device key (acks + outbox, docs/sync.md, "Device keys, acks and the outbox"): small enough that four devices fit beside the shards. */
  deviceBytes: 2_500,
  writesPerMinute: 20,
  writesPerHour: 600,
} as const;

/** The degradation states by bytes in use over QUOTA_BYTES (docs/sync.md, "Degradation states"). */
export const NEAR_FULL_RATIO = 0.7;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** One code point as Chromium's JSON writer escapes it (`base/json/string_escape.cc`). */
function escapedLength(cp: number): number {
  if (cp === 0x22 || cp === 0x5c) return 2; // \" and \\
  if (cp === 0x08 || cp === 0x0c || cp === 0x0a || cp === 0x0d || cp === 0x09) return 2; // \b \f \n \r \t
  if (cp === 0x3c || cp === 0x2028 || cp === 0x2029) return 6; // \u003C, \u2028, \u2029
  if (cp < 0x20) return 6; // \u00XX
  if (cp >= 0xd800 && cp <= 0xdfff) return 3; // a lone surrogate becomes U+FFFD
  return utf8Length(cp);
}

/** Bytes of a JSON string literal as Chromium writes it, quotes included. */
export function chromiumStringBytes(s: string): number {
  let n = 2;
  for (const ch of s) n += escapedLength(ch.codePointAt(0) ?? 0);
  return n;
}

/**
 * Chromium's JSONWriter: a number that fits int32 is an integer; any other becomes a double and is written with
 * ".0" when it has no fraction or exponent (Chromium base/json/json_writer.cc): stick to integers.
 */
function chromiumNumberBytes(n: number): number {
  if (!Number.isFinite(n)) return 4; // null
  if (Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31) return String(n).length;
  const s = String(n);
  return /[.e]/.test(s) ? s.length : s.length + 2;
}

/** Bytes of `value` serialised by Chromium's JSONWriter. */
export function chromiumJsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return chromiumStringBytes(value);
  if (typeof value === 'number') return chromiumNumberBytes(value);
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (Array.isArray(value)) {
    return 2 + Math.max(0, value.length - 1) + value.reduce((n: number, v) => n + chromiumJsonBytes(v), 0);
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  let n = 2 + Math.max(0, entries.length - 1);
  for (const [k, v] of entries) n += chromiumStringBytes(k) + 1 + chromiumJsonBytes(v);
  return n;
}

export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp >= 0xd800 && cp <= 0xdfff ? 3 : utf8Length(cp);
  }
  return n;
}

/** docs/sync.md, "Budgets and quotas" Chrome: `key.size() + JSONWriter(value).size()`, both UTF-8 bytes. The item limit is `>` 8,192. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + chromiumJsonBytes(value);
}

/** docs/sync.md, "Budgets and quotas" Chrome: the sum of every item. */
export function totalBytes(items: Readonly<Record<string, unknown>>): number {
  let n = 0;
  for (const [k, v] of Object.entries(items)) if (v !== undefined) n += itemBytes(k, v);
  return n;
}

/** docs/sync.md, "Budgets and quotas" Firefox: `key + value.to_string()` in UTF-8, rejected when `>=` 8,192. */
export function firefoxItemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? 'null');
}

/** docs/sync.md, "Budgets and quotas" Firefox: the whole map serialised once, compared with 102,400. */
export function firefoxTotalBytes(items: Readonly<Record<string, unknown>>): number {
  return utf8Bytes(JSON.stringify(items));
}

export type SyncErrorKind =
  | 'quota-total'
  | 'quota-item'
  | 'quota-items'
  /** Firefox and Safari: over some quota, not saying which (docs/sync.md, "Budgets and quotas"). */
  | 'quota'
  | 'rate-minute'
  | 'rate-hour'
  | 'unavailable'
  | 'unknown';

/**
 * docs/sync.md, "Budgets and quotas": both Chrome spellings (`QUOTA_BYTES …` in older builds, `Resource::kQuotaBytes …` in newer ones), Firefox's
 * single message, Safari's, and the "not available" family. Order matters: "per item" names contain "QuotaBytes".
 */
const PATTERNS: readonly [RegExp, SyncErrorKind][] = [
  [/QUOTA_BYTES_PER_ITEM quota exceeded|kQuotaBytesPerItem quota exceeded/, 'quota-item'],
  [/QUOTA_BYTES quota exceeded|kQuotaBytes quota exceeded/, 'quota-total'],
  [/MAX_ITEMS quota exceeded|kMaxItems quota exceeded/, 'quota-items'],
  [/MAX_WRITE_OPERATIONS_PER_MINUTE/, 'rate-minute'],
  [/MAX_WRITE_OPERATIONS_PER_HOUR/, 'rate-hour'],
  [/QuotaExceededError|exceeded its quota limitations|Storage quota exceeded/i, 'quota'],
  [
    /"sync" is not available|not available in this instance|temporary addon ID|storage\.sync is (undefined|null)/,
    'unavailable',
  ],
];

export function classifySyncError(error: unknown): SyncErrorKind {
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, kind] of PATTERNS) if (pattern.test(message)) return kind;
  return 'unknown';
}

export function isQuotaError(kind: SyncErrorKind): boolean {
  return kind === 'quota' || kind === 'quota-total' || kind === 'quota-item' || kind === 'quota-items';
}
