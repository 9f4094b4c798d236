import { describe, expect, it } from 'vitest';
import { type PlanEntry, planReconcile, type ReconcilePlan } from '../../src/core/reconcile';
import {
  changeKey,
  isChange,
  reviewGroups,
  selectedCount,
  setAddition,
  setGroup,
  setMatch,
} from '../../src/options/reconcile-review';

const T1 = '11111111-aaaa-4aaa-8aaa-111111111111';
const T2 = '22222222-bbbb-4bbb-8bbb-222222222222';
const T3 = '33333333-cccc-4ccc-8ccc-333333333333';
const T4 = '44444444-dddd-4ddd-8ddd-444444444444';
const row = (tenantId: string, companyName: string, domain = '') => ({
  tenantId,
  companyName,
  domain,
  relationship: 'Cloud Reseller',
});

/** Contoso pending (tenant), Fabrikam already accepted (domain, no tenant), Litware by name only, one new row. */
const plan: ReconcilePlan = planReconcile({
  rows: [row(T1, 'Contoso'), row(T2, 'Fabrikam', 'fabrikam.com'), row(T3, 'Litware Inc.'), row(T4, 'New Co')],
  customers: [
    { id: 'c', companyName: 'Contoso', tenantId: T1 },
    { id: 'f', companyName: 'Fabrikam', domain: 'fabrikam.com' },
    { id: 'l', companyName: 'Litware' },
    { id: 'x', companyName: 'Up To Date', tenantId: T4 },
  ],
  invitations: [
    { id: 'ic', customerId: 'c', type: 'reseller', status: 'pending' },
    { id: 'if', customerId: 'f', type: 'reseller', status: 'accepted' },
    { id: 'il', customerId: 'l', type: 'reseller', status: 'pending' },
    { id: 'ix', customerId: 'x', type: 'reseller', status: 'accepted' },
  ],
});
const byCustomer = (id: string) => plan.matches.find((m) => m.customerId === id) as PlanEntry;

describe('reconcile review', () => {
  it('lists as changes only the matches that write something', () => {
    expect(isChange(byCustomer('c'))).toBe(true);
    expect(isChange(byCustomer('f'))).toBe(true); // stores the tenant ID it lacked
    expect(isChange(byCustomer('x'))).toBe(false);
    const { changes, unchanged } = reviewGroups(plan);
    expect(changes.map((i) => plan.matches[i]?.customerId).sort()).toEqual(['c', 'f', 'l']);
    expect(unchanged).toBe(1);
  });

  it('says what each change does', () => {
    expect(changeKey(byCustomer('c'))).toBe('changeAccept');
    expect(changeKey(byCustomer('f'))).toBe('changeFill');
    expect(changeKey({ ...byCustomer('c'), action: 'create' })).toBe('changeCreate');
  });

  it('counts what Apply will write, name matches unticked by default', () => {
    expect(byCustomer('l').apply).toBe(false);
    expect(selectedCount(plan)).toBe(2);
    const index = plan.matches.indexOf(byCustomer('l'));
    const ticked = setMatch(plan, index, true);
    expect(selectedCount(ticked)).toBe(3);
    expect(plan.matches[index]?.apply).toBe(false); // the plan is not mutated
    expect(selectedCount(setAddition(plan, 0, false))).toBe(2);
  });

  it('ticks or unticks a whole group, never the unchanged matches', () => {
    expect(selectedCount(setGroup(plan, 'matches', false))).toBe(0);
    const all = setGroup(plan, 'matches', true);
    expect(selectedCount(all)).toBe(3);
    expect(all.matches.find((m) => m.customerId === 'x')?.apply).toBe(false);
    expect(selectedCount(setGroup(plan, 'additions', false))).toBe(2);
  });
});
