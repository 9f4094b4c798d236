import { describe, expect, it } from 'vitest';
import {
  CHROME_LIMITS,
  chromiumJsonBytes,
  classifySyncError,
  firefoxItemBytes,
  firefoxTotalBytes,
  itemBytes,
  OUR_LIMITS,
  totalBytes,
} from '../../src/sync/quota';
import { FIREFOX_QUOTA_MESSAGE, sizeError } from './fake-limits';

describe("Chromium's byte count (chromium/chromium base/json/string_escape.cc)", () => {
  it.each([
    ['plain ASCII', 'abc', 5],
    ['< becomes \\u003C', '<', 8],
    ['> stays one byte', '>', 3],
    ['" and \\ take two', '"\\', 6],
    ['\\n \\t \\r \\b \\f take two', '\n\t\r\b\f', 12],
    ['other control characters take six', '\u0001\u001f', 14],
    ['DEL (0x7F) is written raw', '\u007f', 3],
    ['U+2028 and U+2029 take six', '\u2028\u2029', 14],
    ['é is two UTF-8 bytes', 'é', 4],
    ['€ is three', '€', 5],
    ['an emoji is four', '😀', 6],
    ['a lone surrogate becomes U+FFFD (three)', '\ud800', 5],
  ])('%s', (_label, value, bytes) => {
    expect(chromiumJsonBytes(value)).toBe(bytes);
  });

  it('counts numbers as JSONWriter writes them: int32 plain, other numbers as doubles with ".0"', () => {
    expect(chromiumJsonBytes(42)).toBe(2);
    expect(chromiumJsonBytes(-7)).toBe(2);
    expect(chromiumJsonBytes(1_793_491_200_000)).toBe('1793491200000.0'.length);
    expect(chromiumJsonBytes(1.5)).toBe(3);
  });

  it('counts objects and arrays with their punctuation', () => {
    expect(chromiumJsonBytes({ a: 1, b: [true, null] })).toBe('{"a":1,"b":[true,null]}'.length);
    expect(chromiumJsonBytes([])).toBe(2);
    expect(chromiumJsonBytes({})).toBe(2);
  });

  it('adds the key in UTF-8 for one item and sums the items for the total', () => {
    expect(itemBytes('s0', 'abc')).toBe(7);
    expect(itemBytes('é', 'abc')).toBe(7);
    expect(totalBytes({ s0: 'abc', s1: '<' })).toBe(7 + 10);
  });

  it('differs from JSON.stringify(...).length, which undercounts non-ASCII and < (why Dark Reader is wrong)', () => {
    const note = 'Zürich <VIP> — 日本';
    expect(JSON.stringify(note).length).toBeLessThan(chromiumJsonBytes(note));
  });

  it('Firefox counts key + serde JSON in UTF-8 and the whole map once', () => {
    expect(firefoxItemBytes('k', '<')).toBe(4);
    expect(firefoxTotalBytes({ a: 'x', b: 'y' })).toBe('{"a":"x","b":"y"}'.length);
  });
});

describe('size rules at their exact boundaries', () => {
  const fill = (n: number) => 'x'.repeat(n);
  const key = 's0';
  const atLimit = fill(CHROME_LIMITS.QUOTA_BYTES_PER_ITEM - key.length - 2);

  it('Chrome accepts an item of exactly 8,192 bytes and refuses 8,193 (`>`)', () => {
    expect(itemBytes(key, atLimit)).toBe(8_192);
    expect(sizeError('chrome', 'new', {}, { [key]: atLimit })).toBeUndefined();
    expect(sizeError('chrome', 'new', {}, { [key]: `${atLimit}x` })).toBe(
      'Resource::kQuotaBytesPerItem quota exceeded',
    );
    expect(sizeError('chrome', 'old', {}, { [key]: `${atLimit}x` })).toBe(
      'QUOTA_BYTES_PER_ITEM quota exceeded',
    );
  });

  it('Firefox refuses an item of exactly 8,192 bytes (`>=`)', () => {
    expect(sizeError('firefox', 'new', {}, { [key]: atLimit })).toBe(FIREFOX_QUOTA_MESSAGE);
    expect(sizeError('firefox', 'new', {}, { [key]: atLimit.slice(1) })).toBeUndefined();
  });

  it('Chrome refuses a total above 102,400 bytes, even when the set shrinks a key', () => {
    const items: Record<string, unknown> = {};
    for (let i = 0; i < 14; i++) items[`k${String(i).padStart(2, '0')}`] = fill(8_000);
    expect(totalBytes(items)).toBeGreaterThan(CHROME_LIMITS.QUOTA_BYTES);
    expect(sizeError('chrome', 'old', items, { k00: 'small' })).toBe('QUOTA_BYTES quota exceeded');
  });

  it('our margins sit under the limits', () => {
    expect(OUR_LIMITS.shardBytes).toBeLessThan(CHROME_LIMITS.QUOTA_BYTES_PER_ITEM - 1);
    expect(OUR_LIMITS.totalBytes).toBe(92_160);
    expect(OUR_LIMITS.writesPerMinute * 6).toBe(CHROME_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE);
  });
});

describe('classifySyncError (both spellings)', () => {
  it.each([
    ['QUOTA_BYTES quota exceeded', 'quota-total'],
    ['Resource::kQuotaBytes quota exceeded', 'quota-total'],
    ['QUOTA_BYTES_PER_ITEM quota exceeded', 'quota-item'],
    ['Resource::kQuotaBytesPerItem quota exceeded', 'quota-item'],
    ['MAX_ITEMS quota exceeded', 'quota-items'],
    ['Resource::kMaxItems quota exceeded', 'quota-items'],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', 'rate-minute'],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.', 'rate-hour'],
    [FIREFOX_QUOTA_MESSAGE, 'quota'],
    ['Storage quota exceeded.', 'quota'],
    ['"sync" is not available in this instance of Chrome', 'unavailable'],
    [
      'The storage API will not work with a temporary addon ID. Please add an explicit addon ID to your manifest.',
      'unavailable',
    ],
    ['An unexpected error occurred', 'unknown'],
  ])('%s → %s', (message, kind) => {
    expect(classifySyncError(new Error(message))).toBe(kind);
    expect(classifySyncError(message)).toBe(kind);
  });
});
