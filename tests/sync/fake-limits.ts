/**
 * What the fake browser enforces on a write, per browser (docs/testing.md, "What storage.sync does"): Chromium's exact
 * size rule and error strings in both spellings, its fixed rate windows; Firefox's size rules and its single message.
 */
import {
  CHROME_LIMITS,
  firefoxItemBytes,
  firefoxTotalBytes,
  itemBytes,
  totalBytes,
} from '../../src/sync/quota';

export type Mode = 'chrome' | 'firefox';
/** Older Chrome builds print `QUOTA_BYTES quota exceeded`, newer ones `Resource::kQuotaBytes quota exceeded`. */
export type Spelling = 'old' | 'new';

export const FIREFOX_QUOTA_MESSAGE =
  'QuotaExceededError: storage.sync API call exceeded its quota limitations.';
export const UNAVAILABLE_MESSAGE = '"sync" is not available in this instance of Chrome';

const NAMES = {
  old: { total: 'QUOTA_BYTES', item: 'QUOTA_BYTES_PER_ITEM', items: 'MAX_ITEMS' },
  new: { total: 'Resource::kQuotaBytes', item: 'Resource::kQuotaBytesPerItem', items: 'Resource::kMaxItems' },
} as const;

function chromeSizeError(next: Record<string, unknown>, items: Record<string, unknown>, spelling: Spelling) {
  const names = NAMES[spelling];
  // settings_storage_quota_enforcer.cc: per item inside the loop, then the total and the count.
  for (const [key, value] of Object.entries(items)) {
    if (itemBytes(key, value) > CHROME_LIMITS.QUOTA_BYTES_PER_ITEM) return `${names.item} quota exceeded`;
  }
  if (totalBytes(next) > CHROME_LIMITS.QUOTA_BYTES) return `${names.total} quota exceeded`;
  if (Object.keys(next).length > CHROME_LIMITS.MAX_ITEMS) return `${names.items} quota exceeded`;
  return undefined;
}

function firefoxSizeError(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
  items: Record<string, unknown>,
) {
  for (const [key, value] of Object.entries(items)) {
    if (firefoxItemBytes(key, value) >= CHROME_LIMITS.QUOTA_BYTES_PER_ITEM) return FIREFOX_QUOTA_MESSAGE;
  }
  if (firefoxTotalBytes(next) > CHROME_LIMITS.QUOTA_BYTES) return FIREFOX_QUOTA_MESSAGE;
  const added = Object.keys(items).filter((k) => !(k in current)).length;
  if (added > 0 && Object.keys(current).length + added > CHROME_LIMITS.MAX_ITEMS - 1)
    return FIREFOX_QUOTA_MESSAGE;
  return undefined;
}

/** The error a `set()` of `items` onto `current` gets, or undefined when it fits. */
export function sizeError(
  mode: Mode,
  spelling: Spelling,
  current: Record<string, unknown>,
  items: Record<string, unknown>,
): string | undefined {
  const next = { ...current, ...items };
  return mode === 'chrome' ? chromeSizeError(next, items, spelling) : firefoxSizeError(current, next, items);
}

/**
 * Chrome's `TimedLimit` buckets (quota_service.cc): the first call opens a fixed window with all its tokens, each
 * call takes one, and the next call after the window ends starts a new one. Per minute is checked first.
 */
export class FixedWindow {
  private start = Number.NEGATIVE_INFINITY;
  private tokens = 0;

  constructor(
    private readonly size: number,
    private readonly windowMs: number,
  ) {}

  /** Whether a call at `now` may proceed; it takes a token if so. */
  take(now: number): boolean {
    if (now >= this.start + this.windowMs) {
      this.start = now;
      this.tokens = this.size;
    }
    if (this.tokens <= 0) return false;
    this.tokens--;
    return true;
  }
}

export class ChromeRateLimiter {
  private readonly minute = new FixedWindow(CHROME_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE, 60_000);
  private readonly hour = new FixedWindow(CHROME_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR, 3_600_000);

  /** The rate error for a write call at `now`, or undefined. */
  check(now: number): string | undefined {
    if (!this.minute.take(now)) return 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    if (!this.hour.take(now)) return 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.';
    return undefined;
  }
}
