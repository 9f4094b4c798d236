/**
 * Hybrid logical clock (docs/sync.md, "Clocks"; Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014).
 *
 * A clock is physical milliseconds plus a counter plus the device that made it. Its string form is fixed-width
 * base 36 (`pt` 9 chars, counter 3 chars) followed by the device id, so plain string comparison is the total order
 * and the device id breaks ties. Pure: the caller passes `now` and persists the clock (in Dexie, docs/sync.md, "Clocks", so every
 * extension context shares one monotonic clock).
 */

export interface Hlc {
  /** Physical part, ms since the epoch (never behind any clock this device has seen). */
  readonly pt: number;
  /** Logical counter within one `pt`. */
  readonly c: number;
  /** The device id: [0-9A-Za-z], 1–16 chars. */
  readonly node: string;
}

const PT_WIDTH = 9;
const C_WIDTH = 3;
/** 36^9 ms reaches the year 5138. */
export const MAX_PT = 36 ** PT_WIDTH - 1;
export const MAX_COUNTER = 36 ** C_WIDTH - 1;
/** docs/sync.md, "Clocks": beyond one hour ahead, tell the user that a device's clock is far off (TopGun tolerates 60 s silently). */
export const SKEW_WARN_MS = 60 * 60 * 1000;
/**
 * How far ahead of this device's wall clock a clock may be and still be adopted (docs/sync.md, "Held aside"). An
 * honest device a few days fast stays within it; a clock beyond it is held aside with its record, never adopted,
 * so one forged clock cannot win every later edit nor push this device's clock to the format's end.
 */
export const MAX_AHEAD_MS = 7 * 86_400_000;

const NODE = /^[0-9A-Za-z]{1,16}$/;
const HLC = /^([0-9a-z]{9})([0-9a-z]{3})([0-9A-Za-z]{1,16})$/;

export function formatHlc(h: Hlc): string {
  return h.pt.toString(36).padStart(PT_WIDTH, '0') + h.c.toString(36).padStart(C_WIDTH, '0') + h.node;
}

/** The clock a string encodes, or undefined for anything that is not one (data from sync is untrusted). */
export function parseHlc(s: unknown): Hlc | undefined {
  if (typeof s !== 'string') return undefined;
  const m = HLC.exec(s);
  if (!m) return undefined;
  return { pt: Number.parseInt(m[1] ?? '', 36), c: Number.parseInt(m[2] ?? '', 36), node: m[3] ?? '' };
}

export function isHlc(s: unknown): s is string {
  return parseHlc(s) !== undefined;
}

export function isDeviceId(s: unknown): s is string {
  return typeof s === 'string' && NODE.test(s);
}

/** The starting clock of a device that has seen nothing yet. */
export function zeroHlc(node: string): Hlc {
  if (!isDeviceId(node)) throw new Error(`invalid device id ${JSON.stringify(node)}`);
  return { pt: 0, c: 0, node };
}

function wall(now: number): number {
  return Math.min(MAX_PT, Math.max(0, Math.floor(Number.isFinite(now) ? now : 0)));
}

/** Keeps the counter in its 3 chars: on overflow borrow the next millisecond, which keeps the clock monotonic. */
function settle(pt: number, c: number, node: string): Hlc {
  return c > MAX_COUNTER ? { pt: Math.min(MAX_PT, pt + 1), c: 0, node } : { pt, c, node };
}

/** The latest physical time this device's clock may reach at wall time `now` (docs/sync.md, "Held aside"). */
export function ceilingAt(now: number): number {
  return Math.min(MAX_PT - 1, wall(now) + MAX_AHEAD_MS);
}

/** Whether a clock string is further ahead of `now` than any clock this device adopts. */
export function beyondBound(clock: string, now: number): boolean {
  const h = parseHlc(clock);
  return h !== undefined && h.pt > ceilingAt(now);
}

/**
 * A local event (an edit): strictly greater than every clock this device has issued or received. It moves the clock
 * no further than the wall clock; only receiving moves it ahead, and never past the bound (`advanceClock`). A clock
 * that has reached the format's end (adopted by an earlier version) restarts at the bound rather than stop moving.
 */
export function tick(local: Hlc, now: number): Hlc {
  const pt = Math.max(local.pt, wall(now));
  const c = pt === local.pt ? local.c + 1 : 0;
  if (pt >= MAX_PT && c > MAX_COUNTER) return { pt: ceilingAt(now), c: 0, node: local.node };
  return settle(pt, c, local.node);
}

/**
 * A clock received from another device; callers pass clocks within `ceilingAt(now)` only (a clock beyond it is
 * held aside, docs/sync.md "Held aside"; `advanceClock` caps a released one at the bound). The paper's rule: the result exceeds both clocks, so any edit made after
 * seeing a value sorts after it even when the sender's wall clock is ahead. A future clock within the bound is adopted, never
 * clamped: clamping would let an edit made after seeing it lose to it (docs/sync.md, "Clocks").
 */
export function receive(local: Hlc, remote: Hlc, now: number): Hlc {
  const pt = Math.max(local.pt, remote.pt, wall(now));
  let c = 0;
  if (pt === local.pt && pt === remote.pt) c = Math.max(local.c, remote.c) + 1;
  else if (pt === local.pt) c = local.c + 1;
  else if (pt === remote.pt) c = remote.c + 1;
  return settle(pt, c, local.node);
}

/** How far a clock is ahead of this device's wall clock, in ms (0 when not ahead). */
export function aheadBy(remote: Hlc, now: number): number {
  return Math.max(0, remote.pt - wall(now));
}

/** Whether a received clock says its device's wall clock is far off (docs/sync.md, "Clocks": warn, never reject). */
export function isFarAhead(remote: Hlc, now: number): boolean {
  return aheadBy(remote, now) > SKEW_WARN_MS;
}

/** Order of two clock strings; '' (no clock) sorts before every clock. */
export function compareHlc(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function maxHlc(a: string | undefined, b: string | undefined): string {
  const x = a ?? '';
  const y = b ?? '';
  if (x < y) return y;
  return x;
}

/** The device that issued a clock string ('' if it is not one). */
export function hlcNode(s: string): string {
  return parseHlc(s)?.node ?? '';
}

/**
 * The smallest clock string at a wall time, whatever the device: `x < hlcAt(t)` means "x was issued before t".
 * Used for time-based thresholds such as the tombstone age of docs/sync.md, "Tombstones and their collection".
 */
export function hlcAt(ms: number): string {
  return wall(ms).toString(36).padStart(PT_WIDTH, '0');
}
