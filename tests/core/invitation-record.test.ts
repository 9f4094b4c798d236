import { describe, expect, it } from 'vitest';
import {
  parseEvent,
  parseInvitation,
  parseSyncedInvitation,
  SENDS_MAX,
} from '../../src/core/invitation-record';

const GOOD = {
  id: 'i1',
  customerId: 'c1',
  type: 'reseller',
  epoch: 0,
  linkType: 'reseller',
  language: 'en',
  status: 'pending',
  sentAt: [10, 20],
  firstSentAt: 10,
  lastSentAt: 20,
  adminAccessRemoved: false,
  channel: 'copy',
  changedAt: 20,
  lastAction: 'resend',
  updatedAt: 20,
};

const codes = (r: { ok: boolean; problems?: { field?: string; code: string }[] }) =>
  r.problems?.map((p) => `${p.field}:${p.code}`) ?? [];

describe('parseInvitation', () => {
  it('returns a well-formed invitation as it is', () => {
    expect(parseInvitation(GOOD)).toEqual({ ok: true, value: GOOD });
  });

  it('rebuilds the send index keys from sentAt rather than trusting them', () => {
    const r = parseInvitation({ ...GOOD, firstSentAt: 999, lastSentAt: undefined });
    expect(r.ok && [r.value.firstSentAt, r.value.lastSentAt]).toEqual([10, 20]);
    const never = parseInvitation({ ...GOOD, sentAt: [] });
    expect(never.ok && [never.value.firstSentAt, never.value.lastSentAt]).toEqual([0, 0]);
  });

  it('keeps an undo snapshot: null and a parsed state', () => {
    const created = parseInvitation({ ...GOOD, previous: null });
    expect(created.ok && created.value.previous).toBeNull();
    const state = { ...GOOD, status: 'pending', sentAt: [10], lastAction: 'send' };
    const r = parseInvitation({ ...GOOD, previous: state });
    expect(r.ok && r.value.previous).toMatchObject({ sentAt: [10], firstSentAt: 10, lastSentAt: 10 });
    expect(codes(parseInvitation({ ...GOOD, previous: { status: 'pending' } }))[0]).toMatch(/^previous:/);
  });

  it('refuses wrong types, unknown statuses and absurd send lists', () => {
    expect(codes(parseInvitation({ ...GOOD, status: 'lost', sentAt: ['10'] }))).toEqual([
      'status:not-allowed',
      'sentAt[0]:not-number',
    ]);
    expect(codes(parseInvitation({ ...GOOD, sentAt: Array(SENDS_MAX + 1).fill(1) }))).toEqual([
      'sentAt:too-many',
    ]);
    expect(codes(parseInvitation({ ...GOOD, changedAt: Number.POSITIVE_INFINITY }))).toEqual([
      'changedAt:not-number',
    ]);
    expect(codes(parseInvitation({ ...GOOD, gdapLink: 'x'.repeat(5000) }))).toEqual(['gdapLink:too-long']);
  });

  it('drops unknown fields from files and keeps them from sync', () => {
    const withExtra = { ...GOOD, futureField: 'x' };
    expect(
      parseInvitation(withExtra).ok &&
        'futureField' in (parseInvitation(withExtra) as { value: object }).value,
    ).toBe(false);
    const synced = parseSyncedInvitation(withExtra);
    expect(synced.ok && synced.value.futureField).toBe('x');
  });
});

describe('parseEvent', () => {
  const EVENT = {
    id: 'e1',
    customerId: 'c1',
    invitationId: 'i1',
    at: 5,
    type: 'sent',
    detail: { channel: 'copy' },
  };

  it('returns a well-formed event and refuses a nested or unknown one', () => {
    expect(parseEvent(EVENT)).toEqual({ ok: true, value: EVENT });
    expect(codes(parseEvent({ ...EVENT, detail: { x: { y: 1 } } }))).toEqual(['detail:bad-detail']);
    expect(codes(parseEvent({ ...EVENT, type: 'exploded' }))).toEqual(['type:not-allowed']);
  });

  it('never keeps a prototype key of the detail', () => {
    const r = parseEvent({ ...EVENT, detail: JSON.parse('{"__proto__":{"p":1},"a":1}') });
    expect(r.ok && Object.keys(r.value.detail)).toEqual(['a']);
  });
});
