/**
 * Bench-only extension page script (bench/connect.ts bundles it into a copy of dist/, never into the product): the
 * Partner Center check's read and match, and a CSV reconcile of the same customers, each timed in the page against
 * the extension's own database, which each run leaves as it found it. Exposed as `globalThis.bench`.
 */
import type { Net } from '../src/background/connect/net';
import { readCustomers } from '../src/background/connect/partner-center';
import { resellerRows } from '../src/core/partner-center';
import { parseCustomerExport } from '../src/core/reconcile';
import { db } from '../src/db/db';
import { applyCheck, unattended } from '../src/db/partner-center';
import { applyReconcile, planFromExport } from '../src/db/reconcile';
import { saveProfile } from '../src/db/settings';
import { restore, snapshot, timed, writtenSince } from './db-restore';

type Profile = Parameters<typeof saveProfile>[1];

const ORIGIN = 'https://api.partnercenter.microsoft.com';

/** Each page's JSON text by the continuation token that asks for it ('' for the first), and the export. */
let pages = new Map<string, string>();
let csv = '';

/** Partner Center's pages as the network hands them over: a fresh Response per request, read as text. */
const net: Net = {
  fetch: async (_url, init) => {
    const token = new Headers(init?.headers).get('MS-ContinuationToken') ?? '';
    const text = pages.get(token);
    if (text === undefined) return new Response('{}', { status: 404 });
    return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  },
  sleep: async () => undefined,
  now: () => Date.now(),
};

/** A run's figures in ms, what it did, and how many records it wrote (the database is restored after). */
export interface Run {
  read: number;
  match: number;
  total: number;
  accepted: number;
  rows: number;
  written: number;
}

async function measured(work: () => Promise<Omit<Run, 'written'>>): Promise<Run> {
  const before = await snapshot();
  const since = Date.now();
  const run = await work();
  const written = await writtenSince(before, since);
  await restore(before, written);
  const count = written.customers.length + written.invitations.length + written.events.length;
  return { ...run, written: count };
}

export const api = {
  saveProfile: (profile: Profile) => saveProfile(db, profile),

  load(pageTexts: [string, string][], exportCsv: string) {
    pages = new Map(pageTexts);
    csv = exportCsv;
  },

  /** The check's customer side: every page read and parsed, reseller rows kept, matched and applied. */
  connect: () =>
    measured(async () => {
      const [read, rows] = await timed(async () => {
        const listed = await readCustomers(net, ORIGIN, 'bench-token');
        if (!listed.ok) throw new Error(listed.problems[0]?.message);
        return resellerRows(listed.value);
      });
      const [match, result] = await timed(() => applyCheck(db, rows, undefined));
      const { accepted } = result.summary;
      return { read, match, total: read + match, accepted, rows: rows.length };
    }),

  /** The export parsed, planned, and the same choice applied as a check makes (unattended: accepts only). */
  csv: () =>
    measured(async () => {
      const [read, parsed] = await timed(async () => parseCustomerExport(csv));
      const [match, result] = await timed(async () =>
        applyReconcile(db, unattended(await planFromExport(db, parsed.rows))),
      );
      const { accepted } = result;
      return { read, match, total: read + match, accepted, rows: parsed.rows.length };
    }),
};

(globalThis as unknown as { bench: typeof api }).bench = api;
document.body.dataset.ready = 'true';
