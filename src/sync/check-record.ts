/**
 * The parse step of sync apply (docs/sync.md, "Held aside"): whether one copy of a record read from storage.sync
 * may be merged into this browser's data. Another browser's copy is untrusted input: what does not pass is refused
 * and listed, never merged, and the rest of the snapshot goes on.
 *
 * A record carries only some fields (a cleared field is null, a tombstone blanks them), so the check asks that every
 * field present passes the stored kind's own parser (customer-record.ts, invitation-record.ts), over a base that
 * fills what is absent. Fields a newer version added are kept as they are (they must survive the round trip), but
 * no record may carry prototype keys, nest deeper than a stored value ever does, or be larger than any real one.
 */
import { parseSyncedCustomer } from '../core/customer-record';
import { parseSyncedInvitation } from '../core/invitation-record';
import type { Problem } from '../core/problem';
import { FORBIDDEN_KEYS } from '../core/shape';
import { isHlc } from '../core/sync-clock';
import { CONFIRMED_FIELD, MERGED_FIELD, type SyncRecord } from '../core/sync-merge';

/** Limits no honest record reaches: a customer is about 3 KB at its longest, an invitation with 1,000 sends 20 KB. */
export const RECORD_LIMITS = {
  idChars: 64,
  fields: 200,
  fieldNameChars: 64,
  depth: 16,
  jsonChars: 64 * 1024,
};

/** Values for the fields the kind's parser requires, so that an absent field is not a problem (rowOf fills it). */
const BASES: Record<'customers' | 'invitations', Record<string, unknown>> = {
  customers: { companyName: '' },
  invitations: {
    customerId: 'absent',
    type: 'reseller',
    linkType: 'reseller',
    status: 'pending',
    sentAt: [],
    channel: 'copy',
    changedAt: 0,
    lastAction: 'send',
  },
};

const problem = (code: string, message: string, field?: string): Problem =>
  field === undefined ? { code, message } : { field, code, message };

/**
 * Prototype keys at any depth, nesting deeper than the limit, or more text than any real record holds (checked in
 * one walk without recursion, so a hostile value cannot exhaust the stack).
 */
function shapeProblem(fields: Record<string, unknown>): Problem | undefined {
  const stack: [unknown, number, string][] = Object.entries(fields).map(([k, v]) => [v, 1, k]);
  let chars = 0;
  while (stack.length > 0) {
    const [value, depth, field] = stack.pop() as [unknown, number, string];
    chars += typeof value === 'string' ? value.length + 2 : 8;
    if (chars > RECORD_LIMITS.jsonChars)
      return problem('too-large', `The record holds more than ${RECORD_LIMITS.jsonChars} characters.`, field);
    if (value === null || typeof value !== 'object') continue;
    if (depth > RECORD_LIMITS.depth)
      return problem('too-deep', `${field} nests deeper than ${RECORD_LIMITS.depth} levels.`, field);
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        return problem('forbidden-key', `${field} holds the key "${key}", which no record may carry.`, field);
      chars += key.length + 4;
      stack.push([(value as Record<string, unknown>)[key], depth + 1, field]);
    }
  }
  return undefined;
}

function structure(r: SyncRecord): Problem[] {
  if (typeof r.id !== 'string' || r.id === '' || r.id.length > RECORD_LIMITS.idChars)
    return [
      problem('bad-id', `The record id is missing or longer than ${RECORD_LIMITS.idChars} characters.`),
    ];
  // A `__proto__` field decoded from the wire replaces the object's prototype instead of becoming a field.
  for (const part of [r.fields, r.clocks]) {
    if (Object.getPrototypeOf(part) !== Object.prototype)
      return [problem('forbidden-key', 'The record holds a "__proto__" field.')];
  }
  const names = Object.keys(r.fields);
  if (names.length > RECORD_LIMITS.fields)
    return [
      problem(
        'too-many-fields',
        `The record has ${names.length} fields; the most is ${RECORD_LIMITS.fields}.`,
      ),
    ];
  for (const name of names) {
    // A name `Object.prototype` already has (`toString`, `constructor`) reads as inherited wherever a record lacks it.
    if (FORBIDDEN_KEYS.has(name) || name in Object.prototype || name.length > RECORD_LIMITS.fieldNameChars)
      return [
        problem('bad-field-name', `The record has a field named "${name.slice(0, 40)}".`, name.slice(0, 40)),
      ];
  }
  const shape = shapeProblem(r.fields);
  if (shape) return [shape];
  const into = r.fields[MERGED_FIELD];
  if (
    into !== undefined &&
    into !== null &&
    (typeof into !== 'string' || into.length > RECORD_LIMITS.idChars)
  )
    return [problem('bad-marker', 'The record names a survivor that is not an id.', MERGED_FIELD)];
  const marker = r.fields[CONFIRMED_FIELD];
  if (marker !== undefined && marker !== null && !isHlc(marker))
    return [
      problem(
        'bad-marker',
        'The record carries a deletion confirmation that is not a clock.',
        CONFIRMED_FIELD,
      ),
    ];
  return [];
}

/** The fields the record holds a value for (null is absent: a cleared field, or a tombstone's blanked one). */
function present(r: SyncRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(r.fields))
    if (value !== null && value !== undefined) out[name] = value;
  return out;
}

/**
 * The parse of one record's fields by its kind's parser. One call, so the parser of each kind can change without
 * touching the engine. Settings rows (profile, templates, tracking, connect) are checked for structure only here; their
 * values are parsed where they are read (a wrong one falls back to the default with a notice).
 */
function kindProblems(r: SyncRecord): Problem[] {
  if (r.table === 'settings') return [];
  return rowProblems(r.table, { ...BASES[r.table], ...present(r), id: r.id });
}

/**
 * The problems of a whole row of `table` by its kind's parser, as sync applies them. One exception: an invitation
 * status this version does not know is a newer version's (sync-merge.ts ranks it above the known ones), so it merges and
 * survives the round trip, as fields a newer version added do.
 */
export function rowProblems(table: 'customers' | 'invitations', value: Record<string, unknown>): Problem[] {
  const parsed = table === 'customers' ? parseSyncedCustomer(value) : parseSyncedInvitation(value);
  if (parsed.ok) return [];
  const newer = (p: Problem) =>
    table === 'invitations' &&
    p.field === 'status' &&
    typeof value.status === 'string' &&
    NEWER_STATUS.test(value.status);
  return parsed.problems.filter((p) => !newer(p));
}

/** What a status from a newer version looks like: a short lowercase word. */
export const NEWER_STATUS = /^[a-z][a-z-]{0,31}$/;

const memo = new WeakMap<SyncRecord, Problem[]>();

/**
 * Why a copy read from storage.sync may not be merged ([] when it may). Decoded shards are memoised (codec.ts), so
 * each distinct copy is checked once however many syncs read it.
 */
export function checkRecord(r: SyncRecord): Problem[] {
  const known = memo.get(r);
  if (known) return known;
  const problems = structure(r);
  const result = problems.length > 0 ? problems : kindProblems(r);
  memo.set(r, result);
  return result;
}
