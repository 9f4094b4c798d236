/**
 * The sample portfolio `npm start` and `npm run screenshots` show: a partner profile and a few hundred customers in
 * every state, built by core's real status machine (BackupBuilder) from a seeded pseudo-random stream, so every run
 * gets the same customers and only the dates move with today. It lives with the demo scripts and reaches the
 * extension only as a backup file imported through Options > Backup & data, never through a build.
 */
import type { Backup } from '../../../src/core/backup';
import { BackupBuilder } from './tracking-data';

/** mulberry32: small, fast and good enough to spread demo data; the same seed gives the same portfolio. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Microsoft's own fictitious company names, so no real business appears in a screenshot.
const NAMES = [
  'Adatum',
  'Adventure Works',
  'Alpine Ski House',
  'Bellows College',
  'Best For You Organics',
  'Blue Yonder Airlines',
  'City Power & Light',
  'Coho Vineyard',
  'Consolidated Messenger',
  'Fabrikam Residences',
  'First Up Consultants',
  'Fourth Coffee',
  'Graphic Design Institute',
  'Humongous Insurance',
  'Lamna Healthcare',
  'Litware',
  'Lucerne Publishing',
  'Margie’s Travel',
  'Munson’s Pickles',
  'Nod Publishers',
  'Northwind Traders',
  'Proseware',
  'Relecloud',
  'School of Fine Art',
  'Southridge Video',
  'Tailspin Toys',
  'Trey Research',
  'VanArsdel',
  'Wide World Importers',
  'Wingtip Toys',
  'Woodgrove Bank',
];
const PLACES = ['', 'Lyon', 'Seattle', 'Leeds', 'Montréal', 'Berlin', 'Lille', 'Dublin', 'Nantes', 'Austin'];
const SUFFIXES = ['Ltd', 'Inc', 'SAS', 'GmbH', 'LLC', 'SARL'];
const FIRST = [
  'Alex',
  'Sam',
  'Camille',
  'Jordan',
  'Noor',
  'Léa',
  'Chris',
  'Mina',
  'Hugo',
  'Priya',
  'Yann',
  'Ana',
];
const LAST = ['Martin', 'Bernard', 'Nguyen', 'Okafor', 'Dubois', 'Schmidt', 'Garcia', 'Walsh', 'Kowalski'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const hex = (r: () => number, n: number) =>
  Array.from({ length: n }, () => pick(r, [...'0123456789abcdef'])).join('');
const guid = (r: () => number) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-8${hex(r, 3)}-${hex(r, 12)}`;

export const SAMPLE_SEED = 20_251_009;

/**
 * `count` customers sent over the last 180 days (more of them recent): recent ones mostly still pending, some of
 * those overdue for follow-up and some re-sent; older ones mostly accepted after a few days to a few weeks; a tenth
 * withdrawn, a few removed. About one in seven also has a GDAP request out, several of them days from Microsoft's 90-day
 * expiry and a few past it.
 */
export function samplePortfolio(count = 320, now = Date.now(), seed = SAMPLE_SEED): Backup {
  const r = seeded(seed);
  // Dates fall on whole minutes a minute ago, so nothing is "in the future" for a page that reads the clock later.
  const b = new BackupBuilder(Math.floor(now / 60_000) * 60_000 - 60_000).withProfile();
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    let company = '';
    while (!company || taken.has(company)) {
      const place = pick(r, PLACES);
      company = [pick(r, NAMES), place, pick(r, SUFFIXES)].filter(Boolean).join(' ');
    }
    taken.add(company);
    const slug = company
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '');
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    // Squared: the portfolio grows, so recent months hold more invitations than older ones.
    const sent = Math.floor((1 - Math.sqrt(r())) * 180);
    const id = b.customer(
      {
        companyName: company,
        contactName: `${first} ${last}`,
        email: `${first
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}@${slug}.example`,
        domain: `${slug}.example`,
        tenantId: r() < 0.6 ? guid(r) : '',
        language: r() < 0.35 ? 'fr' : 'en',
        servedByAnotherPartner: r() < 0.03,
      },
      sent,
    );
    const inv = b.send(id, sent);
    const fate = r();
    const stillPending = sent < 7 ? 0.9 : sent < 21 ? 0.5 : 0.06;
    if (fate < stillPending) {
      if (sent > 14 && r() < 0.35) b.act(inv, { kind: 'resend', channel: 'compose' }, sent - 7);
    } else if (fate < stillPending + (1 - stillPending) * 0.8 && sent > 0) {
      // Most accept within days, a few take weeks: the time-to-accept chart has a long tail.
      b.act(inv, { kind: 'accept', source: 'manual' }, sent - Math.min(sent, Math.floor(r() ** 2 * 45)));
    } else if (fate < stillPending + (1 - stillPending) * 0.92 && sent > 3) {
      b.act(inv, { kind: 'withdraw' }, sent - 3);
    } else if (sent > 30) {
      b.act(inv, { kind: 'accept', source: 'manual' }, sent - 5);
      b.act(inv, { kind: 'end' }, sent - 30);
    }
    if (r() < 0.15) gdap(b, id, r);
  }
  return b.build();
}

/** A GDAP request: about a third close to (or past) its 90-day expiry, the rest recent; older ones mostly approved. */
function gdap(b: BackupBuilder, customerId: string, r: () => number): void {
  const near = r() < 0.35;
  const sent = near ? 78 + Math.floor(r() * 16) : Math.floor(r() * 60);
  const inv = b.send(customerId, sent, 'gdap');
  if (!near && sent > 10 && r() < 0.5) b.act(inv, { kind: 'accept', source: 'manual' }, sent - 4);
}
