/**
 * Records inside a shard or an outbox (docs/sync.md, "Wire format"), laid out for deflate: per table, column by column, so
 * that similar strings sit together (measured: −5% against row-major), with fields named in a header so that
 * fields a newer version added travel by name and survive a round trip through this one (docs/sync.md, "Merge rules").
 *
 *   payload = { n: [device ids], t: { <table code>: block } }
 *   block   = { c: [field names], i: [ids], b: [base clock], d?: [del], s?: [sparse], v: [column…] }
 *   clock   = 12 chars of time and counter + the index of its device in `n` (base 36): the device id, 6 chars
 *             repeated in every clock, is written once;
 *   base    = the clock most of a record's fields share; del = 0 (alive), 1 (tombstone at base) or a clock;
 *   sparse  = 0, or `{ column: clock }` where a field's clock differs from base, `{ column: 0 }` if it is absent;
 *   column  = the values, or `{ g: base64 }` when every value is a lowercase GUID (tenant ids, customer ids:
 *             16 bytes instead of 36 hex characters, −15% per customer), `z`/`e` listing rows holding null/''.
 *   The id column `i` is packed the same way when every id is a GUID (`crypto.randomUUID()`, ids before 12-char ids).
 *   Since wire version 2 a column may also be `{ t: [delta…] }` (times): every non-null cell is an integer or a list
 *   of integers, written relative to the physical time of that cell's own field clock (a list: its first element
 *   so, each next one relative to the one before). Exact (integers both ways); chosen only when its JSON is shorter.
 *   A field stamped when it was written (`createdAt`, `updatedAt`, the last send time) becomes 0.
 */
import { isHlc } from '../core/sync-clock';
import { SYNC_TABLES, type SyncRecord, type SyncTable } from '../core/sync-merge';

const TABLE_CODES: Record<SyncTable, string> = { customers: 'c', invitations: 'i', settings: 's' };
const CODE_TABLES = new Map(SYNC_TABLES.map((t) => [TABLE_CODES[t], t]));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Block {
  c: string[];
  /** Ids, or `{ g }` when they are all GUIDs (`crypto.randomUUID()`). */
  i: unknown;
  b: string[];
  d?: (0 | 1 | string)[];
  s?: (0 | Record<string, string | 0>)[];
  v: unknown[];
}
export interface Payload {
  n: string[];
  t: Partial<Record<string, Block>>;
}

/** Thrown inside decoding; turned into `corrupt` or `newer` at the edge. */
export class Unreadable extends Error {
  constructor(readonly problem: 'corrupt' | 'newer') {
    super(problem);
  }
}

function baseClock(r: SyncRecord): string {
  const counts = new Map<string, number>();
  for (const c of Object.values(r.clocks)) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best = r.deleted ?? '';
  let bestCount = 0;
  for (const [c, n] of counts) {
    if (n > bestCount || (n === bestCount && c > best)) [best, bestCount] = [c, n];
  }
  return best;
}

/** A column of lowercase GUIDs (and empty or null cells) as their bytes: `{ g, z?: null rows, e?: '' rows }`. */
function packGuids(values: unknown[]): unknown {
  const present = values.filter((v) => v !== null && v !== '');
  if (present.length === 0 || !present.every((v) => typeof v === 'string' && GUID.test(v))) return values;
  const hex = present.map((v) => (v as string).replace(/-/g, '')).join('');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const rows = (cell: unknown) => values.flatMap((v, i) => (v === cell ? [i] : []));
  const [z, e] = [rows(null), rows('')];
  return { g: btoa(String.fromCharCode(...bytes)), ...(z.length ? { z } : {}), ...(e.length ? { e } : {}) };
}

function unpackGuids(column: unknown, rows: number): unknown[] {
  if (Array.isArray(column)) {
    if (column.length !== rows) throw new Unreadable('corrupt');
    return column;
  }
  const { g, z = [], e = [] } = (column ?? {}) as { g?: unknown; z?: unknown; e?: unknown };
  if (typeof g !== 'string' || !Array.isArray(z) || !Array.isArray(e) || !/^[A-Za-z0-9+/]*={0,2}$/.test(g)) {
    throw new Unreadable('corrupt');
  }
  const hex = [...atob(g)].map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  const [nulls, empties] = [new Set(z), new Set(e)];
  if (hex.length !== 32 * (rows - nulls.size - empties.size)) throw new Unreadable('corrupt');
  let next = 0;
  return Array.from({ length: rows }, (_, i) => {
    if (nulls.has(i)) return null;
    if (empties.has(i)) return '';
    const h = hex.slice(32 * next, 32 * ++next);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  });
}

/** Physical milliseconds of a clock (its first 9 base-36 characters, sync-clock.ts). */
function clockMs(clock: string): number {
  return Number.parseInt(clock.slice(0, 9), 36);
}

const isInt = (x: unknown): x is number => Number.isSafeInteger(x);

/** A column of times as `{ t: deltas }` (see the file comment), or undefined when it is not one or not shorter. */
function packTimes(cells: unknown[], clocks: (string | undefined)[]): { t: unknown[] } | undefined {
  const deltas: unknown[] = [];
  for (const [k, v] of cells.entries()) {
    const clock = clocks[k];
    if (v === null) deltas.push(null);
    else if (clock === undefined) return undefined;
    else if (isInt(v)) deltas.push(v - clockMs(clock));
    else if (Array.isArray(v) && v.every(isInt)) {
      deltas.push(v.map((x, j) => x - (j === 0 ? clockMs(clock) : (v[j - 1] as number))));
    } else return undefined;
  }
  const ok = deltas.every((d) => d === null || (Array.isArray(d) ? d.every(isInt) : isInt(d)));
  if (!ok || !cells.some((v) => v !== null)) return undefined;
  const packed = { t: deltas };
  return JSON.stringify(packed).length < JSON.stringify(cells).length ? packed : undefined;
}

/** The times of a `{ t }` column back, once each record has its clocks; a cell without a clock is corrupt. */
function unpackTimes(records: SyncRecord[], name: string, deltas: unknown[]): void {
  for (const [k, record] of records.entries()) {
    const d = deltas[k];
    if (d === null || d === undefined) continue;
    const clock = record.clocks[name];
    if (clock === undefined) throw new Unreadable('corrupt');
    const t = clockMs(clock);
    let value: unknown;
    if (isInt(d)) value = t + d;
    else if (Array.isArray(d) && d.every(isInt)) {
      let at = t;
      value = d.map((x, j) => (at = j === 0 ? t + x : at + x));
    } else throw new Unreadable('corrupt');
    const ints = Array.isArray(value) ? value.every(isInt) : isInt(value);
    if (!ints) throw new Unreadable('corrupt');
    record.fields[name] = value;
  }
}

const timeColumn = (column: unknown): column is { t: unknown[] } =>
  typeof column === 'object' && column !== null && !Array.isArray(column) && 't' in column;

class Nodes {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  pack(clock: string): string {
    if (clock === '') return '';
    const node = clock.slice(12);
    let i = this.index.get(node);
    if (i === undefined) {
      i = this.list.push(node) - 1;
      this.index.set(node, i);
    }
    return clock.slice(0, 12) + i.toString(36);
  }
}

function encodeBlock(rows: SyncRecord[], nodes: Nodes): Block {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.clocks)))].sort();
  const bases = rows.map(baseClock);
  const sparse = rows.map((r, k) => {
    const out: Record<string, string | 0> = {};
    columns.forEach((name, i) => {
      const clock = r.clocks[name];
      if (clock === undefined) out[i] = 0;
      else if (clock !== bases[k]) out[i] = nodes.pack(clock);
    });
    return Object.keys(out).length ? out : 0;
  });
  const dels = rows.map((r, k) => (!r.deleted ? 0 : r.deleted === bases[k] ? 1 : nodes.pack(r.deleted)));
  const ids = rows.map((r) => r.id);
  const block: Block = {
    c: columns,
    i: ids.every((id) => GUID.test(id)) ? packGuids(ids) : ids,
    b: [],
    v: [],
  };
  block.b = bases.map((b) => nodes.pack(b));
  if (dels.some((d) => d !== 0)) block.d = dels;
  if (sparse.some((s) => s !== 0)) block.s = sparse;
  block.v = columns.map((name) => {
    const cells = rows.map((r) => (name in r.clocks ? (r.fields[name] ?? null) : null));
    return (
      packTimes(
        cells,
        rows.map((r) => r.clocks[name]),
      ) ?? packGuids(cells)
    );
  });
  return block;
}

/** Records as per-table column blocks; rows sorted by id, so equal sets encode identically. */
export function encodeRecords(records: readonly SyncRecord[]): Payload {
  const nodes = new Nodes();
  const payload: Payload = { n: nodes.list, t: {} };
  for (const table of SYNC_TABLES) {
    const rows = records
      .filter((r) => r.table === table)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (rows.length > 0) payload.t[TABLE_CODES[table]] = encodeBlock(rows, nodes);
  }
  return payload;
}

function unpackClock(packed: unknown, nodes: readonly unknown[]): string {
  if (packed === '') return '';
  if (typeof packed !== 'string' || packed.length < 13) throw new Unreadable('corrupt');
  const node = nodes[Number.parseInt(packed.slice(12), 36)];
  const clock = packed.slice(0, 12) + String(node);
  if (typeof node !== 'string' || !isHlc(clock)) throw new Unreadable('corrupt');
  return clock;
}

function stringArray(value: unknown, length?: number): string[] {
  const ok = Array.isArray(value) && value.every((x) => typeof x === 'string');
  if (!ok || (length !== undefined && value.length !== length)) throw new Unreadable('corrupt');
  return value as string[];
}

function decodeRow(
  block: Block,
  ids: string[],
  k: number,
  table: SyncTable,
  columns: unknown[][],
  nodes: unknown[],
): SyncRecord {
  const id = ids[k];
  if (!id) throw new Unreadable('corrupt');
  const base = unpackClock(block.b[k], nodes);
  const sparse = block.s?.[k] ?? 0;
  if (sparse !== 0 && (typeof sparse !== 'object' || sparse === null || Array.isArray(sparse))) {
    throw new Unreadable('corrupt');
  }
  const record: SyncRecord = { id, table, fields: {}, clocks: {} };
  block.c.forEach((name, i) => {
    const own = sparse === 0 ? undefined : sparse[i];
    if (own === 0) return;
    record.clocks[name] = own === undefined ? base : unpackClock(own, nodes);
    record.fields[name] = columns[i]?.[k] ?? null;
  });
  const del = block.d?.[k] ?? 0;
  if (del === 1) record.deleted = base;
  else if (del !== 0) record.deleted = unpackClock(del, nodes);
  return record;
}

/** Rows in a packed id column (ids are never null or empty). */
function guidCount(column: unknown): number {
  const g = (column as { g?: unknown } | null)?.g;
  if (typeof g !== 'string') throw new Unreadable('corrupt');
  const bytes = (g.length * 3) / 4 - (g.endsWith('==') ? 2 : g.endsWith('=') ? 1 : 0);
  if (!Number.isInteger(bytes / 16)) throw new Unreadable('corrupt');
  return bytes / 16;
}

function decodeBlock(raw: unknown, table: SyncTable, nodes: unknown[]): SyncRecord[] {
  if (typeof raw !== 'object' || raw === null) throw new Unreadable('corrupt');
  const block = raw as Block;
  const ids = stringArray(Array.isArray(block.i) ? block.i : unpackGuids(block.i, guidCount(block.i)));
  stringArray(block.c);
  const rows = ids.length;
  if (!Array.isArray(block.b) || block.b.length !== rows || !Array.isArray(block.v))
    throw new Unreadable('corrupt');
  if (block.v.length !== block.c.length) throw new Unreadable('corrupt');
  for (const extra of [block.d, block.s]) {
    if (extra !== undefined && (!Array.isArray(extra) || extra.length !== rows))
      throw new Unreadable('corrupt');
  }
  const times = new Map<number, unknown[]>();
  const columns = block.v.map((column, i) => {
    if (!timeColumn(column)) return unpackGuids(column, rows);
    if (!Array.isArray(column.t) || column.t.length !== rows) throw new Unreadable('corrupt');
    times.set(i, column.t);
    return Array.from({ length: rows }, () => null);
  });
  const records = ids.map((_, k) => decodeRow(block, ids, k, table, columns, nodes));
  for (const [i, deltas] of times) unpackTimes(records, block.c[i] ?? '', deltas);
  return records;
}

/** Records from a payload; a table code this version does not know means a newer format (never dropped). */
export function decodeRecords(payload: unknown): SyncRecord[] {
  if (typeof payload !== 'object' || payload === null) throw new Unreadable('corrupt');
  const { n = [], t = {} } = payload as { n?: unknown; t?: unknown };
  const nodes = stringArray(n);
  if (typeof t !== 'object' || t === null || Array.isArray(t)) throw new Unreadable('corrupt');
  const records: SyncRecord[] = [];
  for (const [code, block] of Object.entries(t)) {
    const table = CODE_TABLES.get(code);
    if (!table) throw new Unreadable('newer');
    records.push(...decodeBlock(block, table, nodes));
  }
  return records;
}
