/**
 * The backup file: every record as plain JSON, checked whole before anything is written, so a corrupt or foreign
 * file changes nothing. Pure. Derived index keys and undo snapshots are not part of it: they are rebuilt.
 */
import type { Customer } from './customer';
import type { Invitation, InvitationEvent } from './status';
import type { Finding } from './types';

export const BACKUP_FORMAT = 'reseller-invite-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  customers: Customer[];
  invitations: Invitation[];
  events: InvitationEvent[];
  settings: { key: string; value: unknown }[];
}

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const opt =
  (c: Check): Check =>
  (v) =>
    v === undefined || c(v);
const oneOf =
  (...xs: string[]): Check =>
  (v) =>
    typeof v === 'string' && xs.includes(v);
const nums: Check = (v) => Array.isArray(v) && v.every(num);
const detail: Check = (v) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => str(x) || num(x) || bool(x));

const LANGUAGE = oneOf('en', 'fr');
const CUSTOMER: Record<keyof Customer, Check> = {
  id: str,
  companyName: str,
  contactName: str,
  email: str,
  domain: str,
  tenantId: str,
  language: LANGUAGE,
  notes: str,
  servedByAnotherPartner: bool,
  createdAt: num,
  updatedAt: num,
};
const INVITATION: Record<Exclude<keyof Invitation, 'previous'>, Check> = {
  id: str,
  customerId: str,
  type: oneOf('reseller', 'gdap'),
  linkType: oneOf('reseller', 'indirect-reseller', 'gdap'),
  gdapLink: opt(str),
  gdapRoles: opt(str),
  gdapDuration: opt(str),
  gdapSince: opt(num),
  language: LANGUAGE,
  status: oneOf('pending', 'accepted', 'withdrawn', 'removed'),
  sentAt: nums,
  firstSentAt: num,
  lastSentAt: num,
  acceptedAt: opt(num),
  endedAt: opt(num),
  followUpDueAt: opt(num),
  adminAccessRemoved: bool,
  channel: oneOf('copy', 'mailto', 'compose', 'export'),
  epoch: num,
  changedAt: num,
  lastAction: str,
  updatedAt: num,
};
const EVENT: Record<keyof InvitationEvent, Check> = {
  id: str,
  customerId: str,
  invitationId: str,
  at: num,
  type: str,
  detail,
};
const SETTING: Record<'key', Check> = { key: str };

/** The first field of `record` that fails its check, or a message when it is not an object. */
function badField(record: unknown, shape: Record<string, Check>): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'is not an object';
  const r = record as Record<string, unknown>;
  const field = Object.keys(shape).find((k) => !shape[k]?.(r[k]));
  return field === undefined ? undefined : `has a missing or invalid ${field}`;
}

const finding = (code: string, message: string): Finding => ({ field: 'file', code, message });

function checkTable(name: string, rows: unknown, shape: Record<string, Check>, out: string[]): void {
  if (!Array.isArray(rows)) {
    out.push(`"${name}" is not a list.`);
    return;
  }
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const bad = badField(row, shape);
    const id = (row as { id?: string; key?: string } | null)?.id ?? (row as { key?: string } | null)?.key;
    if (bad) out.push(`${name}[${i}] ${bad}.`);
    else if (ids.has(id as string)) out.push(`${name}[${i}] repeats the id ${id}.`);
    else ids.add(id as string);
  });
}

function checkReferences(b: Backup, out: string[]): void {
  const customers = new Set(b.customers.map((c) => c.id));
  b.invitations.forEach((inv, i) => {
    if (!customers.has(inv.customerId)) out.push(`invitations[${i}] refers to a customer not in the file.`);
  });
  b.events.forEach((e, i) => {
    if (!customers.has(e.customerId)) out.push(`events[${i}] refers to a customer not in the file.`);
  });
}

/** The backup in `json` (text or parsed), or findings saying why it is refused; at most 5 problems are listed. */
export function checkBackup(
  json: unknown,
): { ok: true; backup: Backup } | { ok: false; findings: Finding[] } {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch {
      return {
        ok: false,
        findings: [finding('not-json', 'This file is not a backup: it is not valid JSON.')],
      };
    }
  }
  const b = data as Partial<Backup> | null;
  if (typeof b !== 'object' || b === null || b.format !== BACKUP_FORMAT) {
    const message = 'This file is not a Reseller Invite backup (no "format": "reseller-invite-backup").';
    return { ok: false, findings: [finding('foreign', message)] };
  }
  if (typeof b.version !== 'number' || b.version > BACKUP_VERSION || b.version < 1) {
    const message = `This backup has version ${String(b.version)}; this version of the extension reads version ${BACKUP_VERSION}. Update the extension first.`;
    return { ok: false, findings: [finding('unsupported-version', message)] };
  }
  const problems: string[] = [];
  checkTable('customers', b.customers, CUSTOMER, problems);
  checkTable('invitations', b.invitations, INVITATION, problems);
  checkTable('events', b.events, EVENT, problems);
  checkTable('settings', b.settings, SETTING, problems);
  if (problems.length === 0) checkReferences(b as Backup, problems);
  if (problems.length === 0) return { ok: true, backup: b as Backup };
  const shown = problems.slice(0, 5).join(' ');
  const more = problems.length > 5 ? ` (${problems.length - 5} more problems)` : '';
  return {
    ok: false,
    findings: [finding('corrupt', `This backup is damaged, nothing was imported: ${shown}${more}`)],
  };
}
