/**
 * Each device's own key `d:<deviceId>` (docs/sync.md, "Device keys, acks and the outbox"): only that device writes it, so it can never lose a
 * server race. It carries
 *   at    the device's wall clock at its last write (activity, and the clock-skew warning of docs/sync.md, "Clocks"),
 *   hw    the latest clock of the device's own edits: an ack `seen[X] = hw(X)` says "I merged X's outbox as of hw",
 *   seen  its acks of every other device,
 *   pend  its outbox: the records it edited whose edits not every active peer has acked yet.
 * When device A wrote a shard and lost the race at the server and then died, A's edit still arrives through pend.
 * `hw` is the latest own-edit clock, not the HLC: the HLC also moves on receive, and acks of it would ping-pong.
 */
import { hlcNode, isHlc, maxHlc } from '../core/sync-clock';
import { lastClock, type SyncRecord } from '../core/sync-merge';
import { type Decoded, memoized, packBlob, readRecords, unpackBlob, versioned, WIRE_VERSION } from './codec';
import { encodeRecords } from './columns';
import { OUR_LIMITS } from './quota';

const DAY = 86_400_000;
/** A device counts as active while it wrote within 60 days; after 180 it is forgotten (docs/sync.md, "Device keys, acks and the outbox"). */
export const ACTIVE_MS = 60 * DAY;
export const FORGET_MS = 180 * DAY;
/** An unchanged device key is still rewritten once a day so that peers keep counting it active. */
export const HEARTBEAT_MS = DAY;

export interface DeviceDoc {
  at: number;
  ver: string;
  hw: string;
  seen: Record<string, string>;
  pend: SyncRecord[];
}

export function encodeDevice(doc: DeviceDoc): string {
  return packBlob({
    v: WIRE_VERSION,
    at: doc.at,
    ver: doc.ver,
    hw: doc.hw,
    seen: doc.seen,
    p: encodeRecords(doc.pend),
  });
}

export const decodeDevice = memoized((value: unknown): Decoded<DeviceDoc> => {
  const blob = unpackBlob(value);
  if (!blob.ok) return blob;
  const doc = versioned(blob.value);
  if (!doc.ok) return doc;
  const { at, ver, hw, seen, p } = doc.value;
  const seenOk =
    typeof seen === 'object' && seen !== null && Object.values(seen).every((c) => c === '' || isHlc(c));
  if (typeof at !== 'number' || typeof ver !== 'string' || !(hw === '' || isHlc(hw)) || !seenOk) {
    return { ok: false, problem: 'corrupt' };
  }
  const pend = readRecords(p ?? {});
  if (!pend.ok) return pend;
  return {
    ok: true,
    value: { at, ver, hw: hw as string, seen: seen as Record<string, string>, pend: pend.value },
  };
});

export function isActive(doc: DeviceDoc, now: number): boolean {
  return doc.at > now - ACTIVE_MS;
}

/** The latest clock of this device's own edits anywhere in the records. */
export function ownHighWater(records: readonly SyncRecord[], me: string): string {
  let hw = '';
  for (const r of records) {
    for (const c of [...Object.values(r.clocks), r.deleted ?? '']) if (c > hw && hlcNode(c) === me) hw = c;
  }
  return hw;
}

/** The latest own-edit clock that every active peer has acked ('' when some peer has acked nothing). */
export function ackedByAll(devices: ReadonlyMap<string, DeviceDoc>, me: string, now: number): string {
  let min: string | undefined;
  for (const [id, doc] of devices) {
    if (id === me || !isActive(doc, now)) continue;
    const seen = doc.seen[me] ?? '';
    if (min === undefined || seen < min) min = seen;
  }
  return min ?? '';
}

function ownLatest(r: SyncRecord, me: string): string {
  let latest = '';
  for (const c of [...Object.values(r.clocks), r.deleted ?? ''])
    if (c > latest && hlcNode(c) === me) latest = c;
  return latest;
}

/**
 * The outbox: records with an own edit later than `acked`, newest first, as many as fit in `capBytes` once encoded.
 * When they do not all fit the oldest drop out; the shards still carry them, so the race protection degrades to
 * plain anti-entropy for those (docs/sync.md, "Device keys, acks and the outbox").
 */
export function selectPending(
  records: readonly SyncRecord[],
  me: string,
  acked: string,
  capBytes: number = OUR_LIMITS.deviceBytes - 300,
): SyncRecord[] {
  const mine = records
    .map((r) => ({ r, at: ownLatest(r, me) }))
    .filter((x) => x.at > acked)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((x) => x.r);
  const fits = (n: number) => packBlob(encodeRecords(mine.slice(0, n))).length <= capBytes;
  if (fits(mine.length)) return mine;
  let lo = 0;
  let hi = mine.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return mine.slice(0, lo);
}

/** Acks after merging the devices read in one snapshot: each peer's hw, never going backwards. */
export function updateAcks(
  acks: Readonly<Record<string, string>>,
  devices: ReadonlyMap<string, DeviceDoc>,
  me: string,
): Record<string, string> {
  const next = { ...acks };
  for (const [id, doc] of devices) if (id !== me) next[id] = maxHlc(next[id], doc.hw);
  return next;
}

/** Whether our device key in the cloud already says what we would write (ignoring `at` until the heartbeat). */
export function sameDevice(a: DeviceDoc | undefined, b: DeviceDoc, now: number): boolean {
  if (!a || a.hw !== b.hw || a.ver !== b.ver || now - a.at >= HEARTBEAT_MS || a.at > now) return false;
  if (JSON.stringify(sortKeys(a.seen)) !== JSON.stringify(sortKeys(b.seen))) return false;
  const ids = (d: DeviceDoc) =>
    d.pend
      .map((r) => `${r.table}/${r.id}@${lastClock(r)}`)
      .sort()
      .join(',');
  return ids(a) === ids(b);
}

function sortKeys(o: Record<string, string>): [string, string][] {
  return Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}
