import { describe, expect, it } from 'vitest';
import {
  type GdapInvitation,
  type GdapRelationship,
  type GdapStatus,
  gdapOutcome,
  parseRelationshipPage,
  planGdap,
  relationshipIdOf,
} from '../../src/core/gdap';

const LIST = 'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships';
const ID = '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';
const LINK = `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${ID}`;

/** An item as on https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships. */
const item = (status: string, extra: Record<string, unknown> = {}) => ({
  '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
  id: ID,
  displayName: 'Contoso admin relationship',
  duration: 'P730D',
  customer: { tenantId: '4C9F17B0-7D58-4B5B-9E0F-2A1B3C4D5E6F', displayName: 'Contoso Inc' },
  status,
  autoExtendDuration: 'PT0S',
  createdDateTime: '2022-02-10T11:24:42.3148266Z',
  activatedDateTime: '2022-02-10T11:26:44.9941884Z',
  lastModifiedDateTime: '2022-02-10T11:26:44.9941884Z',
  endDateTime: '2024-02-10T11:26:44.9941884Z',
  ...extra,
});

describe('parseRelationshipPage', () => {
  it('reads the sample', () => {
    const r = parseRelationshipPage({ value: [item('active')] }, LIST);
    expect(r).toEqual({
      ok: true,
      value: {
        relationships: [
          {
            id: ID,
            status: 'active',
            customerTenantId: '4c9f17b0-7d58-4b5b-9e0f-2a1b3c4d5e6f',
            customerName: 'Contoso Inc',
            activatedAt: Date.parse('2022-02-10T11:26:44.9941884Z'),
            endsAt: Date.parse('2024-02-10T11:26:44.9941884Z'),
          },
        ],
      },
    });
  });

  it("reads Graph's zero date as not reached", () => {
    const r = parseRelationshipPage(
      { value: [item('approvalPending', { activatedDateTime: '0001-01-01T00:00:00Z' })] },
      LIST,
    );
    expect(r.ok && r.value.relationships[0]?.activatedAt).toBeUndefined();
  });

  it('follows a next link on the same list only', () => {
    const same = parseRelationshipPage(
      { value: [], '@odata.nextLink': `${LIST}?$top=300&$skiptoken=X` },
      LIST,
    );
    expect(same.ok && same.value.next).toBe(`${LIST}?$top=300&$skiptoken=X`);
    for (const bad of [
      'https://evil.example/v1.0/tenantRelationships/delegatedAdminRelationships',
      'https://graph.microsoft.com/v1.0/me',
      'not a url',
      42,
    ]) {
      const r = parseRelationshipPage({ value: [], '@odata.nextLink': bad }, LIST);
      expect(r.ok ? '' : r.problems[0]?.code).toBe('bad-next-link');
    }
  });

  it.each([
    ['no value', {}, 'bad-shape'],
    ['a relationship without id', { value: [item('active', { id: undefined })] }, 'bad-id'],
    ['an id that is no GUID pair', { value: [item('active', { id: 'x' })] }, 'bad-id'],
    ['an unknown status', { value: [item('paused')] }, 'unknown-status'],
    ['a relationship that is not an object', { value: ['active'] }, 'bad-relationship'],
  ])('refuses %s', (_what, body, code) => {
    const r = parseRelationshipPage(body, LIST);
    expect(r.ok ? '' : r.problems[0]?.code).toBe(code);
  });
});

describe('gdapOutcome (docs/connect.md, "GDAP states")', () => {
  const rel = (status: GdapStatus, activatedAt?: number): GdapRelationship =>
    activatedAt === undefined ? { id: ID, status } : { id: ID, status, activatedAt };
  it.each([
    ['created', 'pending'],
    ['approvalPending', 'pending'],
    ['approved', 'pending'],
    ['activating', 'pending'],
    ['active', 'accepted'],
    ['expiring', 'accepted'],
    ['terminationRequested', 'accepted'],
    ['terminating', 'accepted'],
    ['terminated', 'access-removed'],
  ] as const)('%s → %s', (status, outcome) => {
    expect(gdapOutcome(rel(status))).toBe(outcome);
  });
  it('expired: unanswered without activation, access removed after it', () => {
    expect(gdapOutcome(rel('expired'))).toBe('expired-unanswered');
    expect(gdapOutcome(rel('expired', 1))).toBe('access-removed');
  });
});

describe('relationshipIdOf', () => {
  it('reads the id of a GDAP link, one GUID or two', () => {
    expect(relationshipIdOf(LINK)).toBe(ID);
    expect(relationshipIdOf(LINK.replace(ID, ID.slice(0, 36).toUpperCase()))).toBe(ID.slice(0, 36));
  });
  it('is undefined for another link or none', () => {
    expect(
      relationshipIdOf('https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship'),
    ).toBeUndefined();
    expect(relationshipIdOf(undefined)).toBeUndefined();
  });
});

describe('planGdap', () => {
  const gdap = (status: GdapInvitation['status'], link = LINK): GdapInvitation => ({
    id: 'g1',
    customerId: 'c1',
    type: 'gdap',
    status,
    gdapLink: link,
    adminAccessRemoved: false,
  });
  const reseller = (status: GdapInvitation['status'], adminAccessRemoved = false): GdapInvitation => ({
    id: 'r1',
    customerId: 'c1',
    type: 'reseller',
    status,
    adminAccessRemoved,
  });
  const rel = (status: GdapStatus, extra: Partial<GdapRelationship> = {}): GdapRelationship => ({
    id: ID,
    status,
    ...extra,
  });

  it('accepts a pending invitation whose relationship is active', () => {
    expect(planGdap([rel('active')], [gdap('pending')], []).steps).toEqual([
      { invitationId: 'g1', relationshipId: ID, action: { kind: 'accept', source: 'partner-center' } },
    ]);
  });

  it('accepts an expiring one with its end date, and notes the date', () => {
    const plan = planGdap([rel('expiring', { endsAt: 99 })], [gdap('pending')], []);
    expect(plan.steps[0]?.action).toEqual({ kind: 'accept', source: 'partner-center', endsAt: 99 });
    expect(plan.notes).toEqual([{ customerId: 'c1', relationshipId: ID, outcome: 'expiring', at: 99 }]);
  });

  it('leaves a still-pending relationship alone and notes one expired unanswered', () => {
    expect(planGdap([rel('approvalPending')], [gdap('pending')], [])).toEqual({ steps: [], notes: [] });
    const expired = planGdap([rel('expired', { endsAt: 5 })], [gdap('pending')], []);
    expect(expired).toEqual({
      steps: [],
      notes: [{ customerId: 'c1', relationshipId: ID, outcome: 'expired-unanswered', at: 5 }],
    });
  });

  it('ends an accepted invitation whose relationship was terminated, and notes admin access removed', () => {
    const plan = planGdap([rel('terminated')], [gdap('accepted')], [reseller('accepted')]);
    expect(plan.steps.map((s) => [s.invitationId, s.action])).toEqual([
      ['g1', { kind: 'end' }],
      ['r1', { kind: 'admin-access', removed: true }],
    ]);
  });

  it('does not note admin access twice, nor on a reseller invitation that is not accepted', () => {
    expect(planGdap([rel('terminated')], [gdap('removed')], [reseller('accepted', true)]).steps).toEqual([]);
    expect(planGdap([rel('terminated')], [gdap('removed')], [reseller('pending')]).steps).toEqual([]);
  });

  it('matches by the relationship id in the stored link only', () => {
    const other = LINK.replace(ID, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    expect(planGdap([rel('active')], [gdap('pending', other)], []).steps).toEqual([]);
    expect(planGdap([rel('active', { customerTenantId: 'c1' })], [gdap('pending', '')], []).steps).toEqual(
      [],
    );
  });
});
