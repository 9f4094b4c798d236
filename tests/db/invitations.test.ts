import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { UNDO_WINDOW_MS } from '../../src/core/status';
import { customerTimeline } from '../../src/db/events';
import {
  act,
  bulkMarkAccepted,
  bulkMarkRemoved,
  endRelationship,
  invitationOf,
  invitationsOf,
  markAccepted,
  recordSend,
  reopen,
  type SendInput,
  setAdminAccessRemoved,
  setFollowUp,
  undoLast,
  withdraw,
} from '../../src/db/invitations';
import { advance, DAY, GDAP_LINK, ok, rejection, T0, useDb } from './support';

const ctx = useDb();

const SEND: SendInput = {
  companyName: ' Contoso Ltd ',
  contactName: 'Alex Martin',
  email: 'Alex@Contoso.com',
  linkType: 'reseller',
  language: 'en',
  channel: 'copy',
};

describe('recordSend', () => {
  it('creates the customer and a pending invitation with its event, all at once', async () => {
    const { db } = ctx;
    const sent = ok(await recordSend(db, SEND));
    expect(sent).toMatchObject({ action: 'send', customerCreated: true });
    const customer = await db.customers.get(sent.customerId);
    expect(customer).toMatchObject({
      companyName: 'Contoso Ltd',
      contactName: 'Alex Martin',
      email: 'alex@contoso.com',
      domain: 'contoso.com',
      language: 'en',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.invitations.get(sent.invitationId)).toMatchObject({
      customerId: sent.customerId,
      type: 'reseller',
      status: 'pending',
      sentAt: [T0],
      channel: 'copy',
    });
    expect(await customerTimeline(db, sent.customerId)).toEqual([
      expect.objectContaining({ id: sent.eventId, type: 'sent', at: T0, invitationId: sent.invitationId }),
    ]);
  });

  it('re-sends to the same customer, matched by email in any case', async () => {
    const { db } = ctx;
    const first = ok(await recordSend(db, SEND));
    advance(8 * DAY);
    const again = ok(await recordSend(db, { ...SEND, email: 'ALEX@contoso.com', channel: 'compose' }));
    expect(again).toMatchObject({ action: 'resend', customerCreated: false, customerId: first.customerId });
    expect(again.invitationId).toBe(first.invitationId);
    expect((await db.invitations.get(first.invitationId))?.sentAt).toEqual([T0, T0 + 8 * DAY]);
    expect(await db.customers.count()).toBe(1);
  });

  it('matches a colleague at the same company by domain and fills what the customer lacked', async () => {
    const { db } = ctx;
    const first = ok(await recordSend(db, { ...SEND, contactName: '' }));
    const other = ok(await recordSend(db, { ...SEND, email: 'sam@contoso.com', contactName: 'Sam' }));
    expect(other.customerId).toBe(first.customerId);
    expect(await db.customers.get(first.customerId)).toMatchObject({
      contactName: 'Sam',
      email: 'alex@contoso.com',
    });
  });

  it('matches by tenant ID, and never by a public mail domain', async () => {
    const { db } = ctx;
    const tenantId = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
    const a = ok(await recordSend(db, { ...SEND, email: 'a@gmail.com', tenantId }));
    const b = ok(await recordSend(db, { ...SEND, email: 'b@gmail.com' }));
    expect(b.customerId).not.toBe(a.customerId);
    const c = ok(await recordSend(db, { ...SEND, email: '', tenantId: tenantId.toUpperCase() }));
    expect(c.customerId).toBe(a.customerId);
  });

  it('holds a reseller and a GDAP invitation for one customer', async () => {
    const { db } = ctx;
    const reseller = ok(await recordSend(db, SEND));
    const gdap = ok(
      await recordSend(db, {
        ...SEND,
        linkType: 'gdap',
        gdap: { link: GDAP_LINK, roles: 'User Administrator' },
      }),
    );
    expect(gdap).toMatchObject({ action: 'send', customerId: reseller.customerId, customerCreated: false });
    expect((await invitationsOf(db, reseller.customerId)).map((i) => i.type).sort()).toEqual([
      'gdap',
      'reseller',
    ]);
    expect(await invitationOf(db, reseller.customerId, 'gdap')).toMatchObject({
      gdapRoles: 'User Administrator',
    });
  });

  it('returns invalid customer fields as its problems, writing nothing', async () => {
    const { db } = ctx;
    const error = await recordSend(db, { ...SEND, companyName: '', email: 'not an email' });
    expect(!error.ok && error.problems.map((f) => f.code)).toEqual(['required', 'invalid-email']);
    const mismatch = await recordSend(db, { ...SEND, type: 'gdap' });
    expect(!mismatch.ok && mismatch.problems.map((f) => f.code)).toEqual(['type-mismatch']);
    expect(await db.customers.count()).toBe(0);
  });

  it('returns a refused transition without writing: a bad GDAP link, an accepted customer', async () => {
    const { db } = ctx;
    const bad = await recordSend(db, { ...SEND, linkType: 'gdap', gdap: { link: 'https://example.com' } });
    expect(bad).toMatchObject({ ok: false, problems: [{ code: 'bad-gdap-link' }] });
    expect(await db.customers.count()).toBe(0);
    const sent = ok(await recordSend(db, SEND));
    ok(await markAccepted(db, sent.invitationId));
    const again = await recordSend(db, { ...SEND, contactName: 'Changed' });
    expect(again).toMatchObject({ ok: false, problems: [{ code: 'already-accepted' }] });
    expect((await db.customers.get(sent.customerId))?.contactName).toBe('Alex Martin');
    expect(await db.events.count()).toBe(2);
  });

  it('sends again after a withdrawal, starting a new cycle', async () => {
    const { db } = ctx;
    const sent = ok(await recordSend(db, SEND));
    ok(await withdraw(db, sent.invitationId));
    advance(DAY);
    const again = ok(await recordSend(db, SEND));
    expect(again).toMatchObject({ action: 'send', invitationId: sent.invitationId });
    expect(await db.invitations.get(sent.invitationId)).toMatchObject({
      status: 'pending',
      epoch: 1,
      sentAt: [T0 + DAY],
    });
  });
});

describe('transitions on stored invitations', () => {
  it('runs the whole life of an invitation, one event per transition', async () => {
    const { db } = ctx;
    const { invitationId: id, customerId } = ok(await recordSend(db, SEND));
    ok(await setFollowUp(db, id, T0 + 3 * DAY));
    ok(await markAccepted(db, id));
    ok(await setAdminAccessRemoved(db, id, true));
    ok(await endRelationship(db, id));
    const types = (await customerTimeline(db, customerId)).map((e) => e.type);
    expect(types).toEqual(['sent', 'follow-up', 'accepted', 'admin-access', 'removed']);
    expect(await db.invitations.get(id)).toMatchObject({ status: 'removed', adminAccessRemoved: true });
  });

  it('returns the refusal of an invalid transition and writes nothing', async () => {
    const { db } = ctx;
    const { invitationId: id } = ok(await recordSend(db, SEND));
    expect(await endRelationship(db, id)).toMatchObject({ ok: false, problems: [{ code: 'not-accepted' }] });
    expect(await reopen(db, id)).toMatchObject({ ok: false, problems: [{ code: 'not-accepted' }] });
    expect(await act(db, 'no-such-id', { kind: 'withdraw' })).toMatchObject({
      ok: false,
      problems: [{ code: 'not-found' }],
    });
    expect(await db.events.count()).toBe(1);
  });

  it('writes the invitation and its event in one transaction: a failed event write undoes both', async () => {
    const { db } = ctx;
    const { invitationId: id } = ok(await recordSend(db, SEND));
    const add = vi.spyOn(db.events, 'add').mockRejectedValueOnce(new Error('disk full'));
    await rejection(markAccepted(db, id));
    add.mockRestore();
    expect((await db.invitations.get(id))?.status).toBe('pending');
    expect(await db.events.count()).toBe(1);
  });

  it('marks many accepted or removed at once, listing the ones it does not apply to', async () => {
    const { db } = ctx;
    const a = ok(await recordSend(db, SEND));
    const b = ok(await recordSend(db, { ...SEND, companyName: 'Fabrikam', email: 'x@fabrikam.com' }));
    ok(await withdraw(db, b.invitationId));
    const accepted = await bulkMarkAccepted(db, [a.invitationId, b.invitationId, 'missing']);
    expect(accepted.changed).toEqual([a.invitationId]);
    expect(accepted.rejected.map((r) => `${r.id}:${r.code}`)).toEqual([
      `${b.invitationId}:not-pending`,
      'missing:not-found',
    ]);
    const removed = await bulkMarkRemoved(db, [a.invitationId]);
    expect(removed.changed).toEqual([a.invitationId]);
    expect((await db.invitations.get(a.invitationId))?.status).toBe('removed');
    expect(await db.events.count()).toBe(5);
  });
});

describe('undoLast', () => {
  it('undoes a first send: the invitation, its events and the customer it created go', async () => {
    const { db } = ctx;
    const sent = ok(await recordSend(db, SEND));
    advance(UNDO_WINDOW_MS);
    expect(ok(await undoLast(db, sent.invitationId)).removed).toBe('customer');
    expect(await db.customers.count()).toBe(0);
    expect(await db.invitations.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });

  it('keeps a customer that existed before the undone send', async () => {
    const { db } = ctx;
    const reseller = ok(await recordSend(db, SEND));
    advance(DAY);
    const gdap = ok(await recordSend(db, { ...SEND, linkType: 'gdap', gdap: { link: GDAP_LINK } }));
    expect(ok(await undoLast(db, gdap.invitationId)).removed).toBe('invitation');
    expect(await db.customers.count()).toBe(1);
    expect((await invitationsOf(db, reseller.customerId)).map((i) => i.id)).toEqual([reseller.invitationId]);
    expect((await customerTimeline(db, reseller.customerId)).map((e) => e.type)).toEqual(['sent']);
  });

  it('undoes a re-send, keeping both events and adding an undone one', async () => {
    const { db } = ctx;
    const sent = ok(await recordSend(db, SEND));
    advance(DAY);
    ok(await recordSend(db, SEND));
    advance(2000);
    const undone = ok(await undoLast(db, sent.invitationId));
    expect(undone.removed).toBe('none');
    expect(undone.invitation?.sentAt).toEqual([T0]);
    expect((await customerTimeline(db, sent.customerId)).map((e) => e.type)).toEqual([
      'sent',
      'resent',
      'undone',
    ]);
  });

  it('undoes a mark accepted within 10 seconds, and refuses later or twice', async () => {
    const { db } = ctx;
    const { invitationId: id } = ok(await recordSend(db, SEND));
    advance(DAY);
    ok(await markAccepted(db, id));
    advance(UNDO_WINDOW_MS + 1);
    expect(await undoLast(db, id)).toMatchObject({ ok: false, problems: [{ code: 'undo-expired' }] });
    ok(await reopen(db, id));
    advance(500);
    expect(ok(await undoLast(db, id)).invitation).toMatchObject({ status: 'accepted', epoch: 1 });
    expect(await undoLast(db, id)).toMatchObject({ ok: false, problems: [{ code: 'nothing-to-undo' }] });
    expect(await undoLast(db, 'missing')).toMatchObject({ ok: false, problems: [{ code: 'not-found' }] });
  });
});
