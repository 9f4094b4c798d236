import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOverdue } from '../../src/core/status';
import { markAccepted, recordSend, type SendInput, setFollowUp, withdraw } from '../../src/db/invitations';
import { pendingList } from '../../src/db/pending';
import { countAcceptedSince, countOverdue, countPending } from './index-counts';
import { advance, clock, countByStatus, DAY, ok, T0, useDb } from './support';

const ctx = useDb();

const send = (company: string, extra: Partial<SendInput> = {}) =>
  recordSend(ctx.db, {
    companyName: company,
    email: `contact@${company.toLowerCase().replace(/\W/g, '')}.example`,
    linkType: 'reseller',
    language: 'en',
    channel: 'copy',
    ...extra,
  }).then(ok);

describe('the reference index counts (index-counts.ts)', () => {
  it('are zero on an empty database', async () => {
    const { db } = ctx;
    expect(await countPending(db)).toBe(0);
    expect(await countOverdue(db, 7)).toBe(0);
    expect(await countAcceptedSince(db, 0)).toBe(0);
    expect(await countByStatus(db)).toEqual({ pending: 0, withdrawn: 0, accepted: 0, removed: 0 });
  });

  it('count pending, overdue from the last send, and accepted since a time', async () => {
    const { db } = ctx;
    const a = await send('Alpha'); // T0
    advance(3 * DAY);
    const b = await send('Bravo'); // T0 + 3d
    advance(DAY);
    const c = await send('Charlie'); // T0 + 4d
    ok(await withdraw(db, c.invitationId));
    advance(4 * DAY); // T0 + 8d: Alpha is 8 days old, Bravo 5
    expect(await countPending(db)).toBe(2);
    expect(await countOverdue(db, 7)).toBe(1);
    expect(await countOverdue(db, 5)).toBe(2);
    expect(await countOverdue(db, 30)).toBe(0);
    await send('Alpha'); // re-send resets Alpha's clock
    expect(await countOverdue(db, 5)).toBe(1);
    ok(await markAccepted(db, b.invitationId));
    expect(await countPending(db)).toBe(1);
    expect(await countAcceptedSince(db, T0 + 8 * DAY)).toBe(1);
    expect(await countAcceptedSince(db, T0 + 8 * DAY + 1)).toBe(0);
    expect(await countByStatus(db)).toEqual({ pending: 1, withdrawn: 1, accepted: 1, removed: 0 });
    expect(a.invitationId).toBeTypeOf('string');
  });

  it('counts a partner-set follow-up date instead of the threshold, like isOverdue', async () => {
    const { db } = ctx;
    const early = await send('Early'); // due by date before the threshold
    const late = await send('Late'); // snoozed past the threshold
    await send('Plain');
    ok(await setFollowUp(db, early.invitationId, T0 + 2 * DAY));
    ok(await setFollowUp(db, late.invitationId, T0 + 20 * DAY));
    const checkAt = async (days: number) => {
      clock.t = T0 + days * DAY;
      const all = await db.invitations.toArray();
      const expected = all.filter((i) => isOverdue(i, clock.t, 7)).length;
      expect(await countOverdue(db, 7), `day ${days}`).toBe(expected);
      return expected;
    };
    expect(await checkAt(1)).toBe(0);
    expect(await checkAt(2)).toBe(1);
    expect(await checkAt(7)).toBe(2);
    expect(await checkAt(20)).toBe(3);
  });
});

describe('pendingList', () => {
  it('reads only index ranges, never a whole table (structural check of the queries)', () => {
    const source = readFileSync('src/db/pending.ts', 'utf8');
    expect(source).toMatch(/byStatus\(/);
    expect(source).not.toMatch(/db\.invitations\.(count|toArray|filter|each|orderBy)\(/);
    expect(source).not.toMatch(/db\.customers\.(count|toArray|filter|each)\(/);
    expect(source).not.toMatch(/toCollection\(/);
    const helper = readFileSync('src/db/invitations.ts', 'utf8');
    expect(helper).toMatch(/where\(`\[status\+\$\{field\}\]`\)\.between/);
  });

  it('lists pending invitations with their customers, longest waiting first, at most `limit`', async () => {
    const { db } = ctx;
    await send('Newest');
    advance(-5 * DAY);
    await send('Oldest');
    advance(2 * DAY);
    const middle = await send('Middle');
    advance(DAY);
    await send('Accepted').then((s) => markAccepted(db, s.invitationId));
    const list = await pendingList(db, 10);
    expect(list.map((p) => p.customer.companyName)).toEqual(['Oldest', 'Middle', 'Newest']);
    expect(list[1]?.invitation.id).toBe(middle.invitationId);
    expect((await pendingList(db, 2)).map((p) => p.customer.companyName)).toEqual(['Oldest', 'Middle']);
  });

  it('searches by company, contact, email or domain prefix, keeping the order', async () => {
    const { db } = ctx;
    await send('Contoso Europe', { contactName: 'Alex Martin' });
    advance(DAY);
    await send('Fabrikam', { contactName: 'Sam Lee', email: 'sam@fabrikam.com' });
    advance(DAY);
    await send('Contoso Asia', { contactName: 'Kim Park' });
    const names = async (q: string) => (await pendingList(db, 10, q)).map((p) => p.customer.companyName);
    expect(await names('cont')).toEqual(['Contoso Europe', 'Contoso Asia']);
    expect(await names('CONTOSO as')).toEqual(['Contoso Asia']);
    expect(await names('alex')).toEqual(['Contoso Europe']);
    expect(await names('sam@fabrik')).toEqual(['Fabrikam']);
    expect(await names('fabrikam.com')).toEqual(['Fabrikam']);
    expect(await names('zzz')).toEqual([]);
    expect(await names('  ')).toHaveLength(3);
    expect(await pendingList(db, 1, 'contoso')).toHaveLength(1);
  });
});
