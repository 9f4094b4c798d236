import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { UNDO_WINDOW_MS } from '../../src/core/status';
import { markAccepted } from '../../src/db/invitations';
import { EMPTY_GDAP } from '../../src/ui/invite/draft';
import {
  formFingerprint,
  type RecordOutcome,
  type RecordRequest,
  recordInvitation,
  requestFor,
  type SentForm,
  undoRecordedSend,
} from '../../src/ui/invite/record';
import { advance, DAY, GDAP_LINK, ok, T0, useDb } from '../db/support';

const ctx = useDb();

const COPY: RecordRequest = {
  channel: 'copy',
  company: 'Contoso Ltd',
  contact: 'Alex Martin',
  email: 'alex@contoso.com',
  language: 'en',
  linkType: 'reseller',
};

describe('recordInvitation', () => {
  it('records a send, then a re-send of the same customer matched by email', async () => {
    const first = ok(await recordInvitation(ctx.db, COPY));
    expect(first.action).toBe('send');
    advance(DAY);
    const again = ok(await recordInvitation(ctx.db, { ...COPY, channel: 'mailto', company: 'Contoso' }));
    expect(again).toEqual({ ok: true, action: 'resend', invitationId: first.invitationId });
    const inv = await ctx.db.invitations.get(first.invitationId);
    expect(inv).toMatchObject({ status: 'pending', sentAt: [T0, T0 + DAY], channel: 'mailto' });
  });

  it('a follow-up re-sends its own invitation, whatever the form now matches', async () => {
    const first = ok(await recordInvitation(ctx.db, { ...COPY, email: '' }));
    const followUp = { ...COPY, email: 'someone@else.example', followUpOf: first.invitationId };
    expect(ok(await recordInvitation(ctx.db, followUp))).toMatchObject({
      action: 'resend',
      invitationId: first.invitationId,
    });
  });

  it('records a GDAP request with its link, roles and duration', async () => {
    const gdap = { link: GDAP_LINK, roles: 'Helpdesk Administrator', duration: '730 days' };
    const sent = ok(await recordInvitation(ctx.db, { ...COPY, linkType: 'gdap', gdap }));
    expect(await ctx.db.invitations.get(sent.invitationId)).toMatchObject({
      type: 'gdap',
      gdapLink: GDAP_LINK,
      gdapRoles: 'Helpdesk Administrator',
      gdapDuration: '730 days',
    });
  });

  it('returns invalid fields and a refused transition as its problems, writing nothing', async () => {
    const codes = (r: RecordOutcome) => (r.ok ? [] : r.problems.map((p) => p.code));
    const bad = await recordInvitation(ctx.db, { ...COPY, email: 'not an email' });
    expect(bad).toMatchObject({ ok: false });
    expect(codes(bad)).toEqual(['invalid-email']);

    const sent = ok(await recordInvitation(ctx.db, COPY));
    ok(await markAccepted(ctx.db, sent.invitationId));
    const again = await recordInvitation(ctx.db, COPY);
    expect(again).toMatchObject({ ok: false });
    expect(codes(again)).toEqual(['already-accepted']);
    const followUp = await recordInvitation(ctx.db, { ...COPY, followUpOf: sent.invitationId });
    expect(followUp).toMatchObject({ ok: false });
    expect(codes(followUp)).toEqual(['not-pending']);
  });
});

describe('undoRecordedSend', () => {
  it('removes a just-recorded send within the window, and refuses after it', async () => {
    const sent = ok(await recordInvitation(ctx.db, COPY));
    expect(await undoRecordedSend(ctx.db, sent.invitationId)).toBeUndefined();
    expect(await ctx.db.invitations.get(sent.invitationId)).toBeUndefined();

    const again = ok(await recordInvitation(ctx.db, COPY));
    advance(UNDO_WINDOW_MS + 1);
    expect(await undoRecordedSend(ctx.db, again.invitationId)).toMatchObject({
      problems: [{ code: 'undo-expired' }],
    });
  });
});

describe('formFingerprint', () => {
  it('is the same for the same form up to case and spaces, different otherwise', () => {
    const a = formFingerprint({ company: 'Contoso ', email: 'Alex@Contoso.com', link: undefined });
    expect(formFingerprint({ company: 'contoso', email: 'alex@contoso.com', link: '' })).toBe(a);
    expect(formFingerprint({ company: 'contoso', email: 'dana@contoso.com', link: '' })).not.toBe(a);
  });
});

describe('requestFor', () => {
  const form: SentForm = {
    customer: { company: 'Contoso Ltd', contact: 'Alex Martin', email: 'alex@contoso.com' },
    language: 'fr',
    mode: 'reseller',
    gdap: { ...EMPTY_GDAP, link: GDAP_LINK, roles: 'Reader' },
    reason: 'reminder',
    resellerType: 'indirect-reseller',
  };

  it('records a reseller draft with the profile’s link type, ignoring GDAP fields left from GDAP mode', () => {
    const { request } = requestFor(form, 'mailto', GDAP_LINK);
    expect(request).toEqual({ ...COPY, channel: 'mailto', language: 'fr', linkType: 'indirect-reseller' });
  });

  it('records a GDAP draft with its checked link, and a follow-up with its invitation', () => {
    const gdap = requestFor({ ...form, mode: 'gdap', followUpOf: 'i1' }, 'copy', GDAP_LINK).request;
    expect(gdap).toMatchObject({ linkType: 'gdap', followUpOf: 'i1' });
    expect(gdap.gdap).toEqual({ link: GDAP_LINK, roles: 'Reader', duration: '' });
  });

  it('keys the form so the same draft sent twice is recorded once, and any change is a new send', () => {
    const { key } = requestFor(form, 'copy', undefined);
    expect(requestFor(form, 'mailto', undefined).key).toBe(key);
    expect(requestFor({ ...form, language: 'en' }, 'copy', undefined).key).not.toBe(key);
    expect(requestFor({ ...form, mode: 'gdap' }, 'copy', GDAP_LINK).key).not.toBe(key);
  });
});
