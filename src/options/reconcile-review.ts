/**
 * The reconcile review screen's model: which planned entries are changes to show, what each change says, and the
 * partner's ticks applied to the plan (immutably: the plan in state is what Apply writes). Pure.
 */
import type { PlanEntry, ReconcilePlan } from '../core/reconcile';

/** A match changes something when it accepts, records an acceptance, or stores a key the customer lacked. */
export const isChange = (e: PlanEntry): boolean => e.action !== 'none' || Object.keys(e.fill).length > 0;

/** Indexes into `plan.matches` of the changes to review; the rest are already up to date. */
export function reviewGroups(plan: ReconcilePlan): { changes: number[]; unchanged: number } {
  const changes: number[] = [];
  plan.matches.forEach((e, i) => {
    if (isChange(e)) changes.push(i);
  });
  return { changes, unchanged: plan.matches.length - changes.length };
}

/** The message key saying what applying the entry does. */
export function changeKey(e: PlanEntry): string {
  if (e.action === 'accept') return 'changeAccept';
  if (e.action === 'create') return 'changeCreate';
  return 'changeFill';
}

/** How many writes Apply will make: ticked changes and ticked additions. */
export function selectedCount(plan: ReconcilePlan): number {
  return (
    plan.matches.filter((e) => e.apply && isChange(e)).length + plan.additions.filter((a) => a.apply).length
  );
}

export function setMatch(plan: ReconcilePlan, index: number, apply: boolean): ReconcilePlan {
  return { ...plan, matches: plan.matches.map((e, i) => (i === index ? { ...e, apply } : e)) };
}

export function setAddition(plan: ReconcilePlan, index: number, apply: boolean): ReconcilePlan {
  return { ...plan, additions: plan.additions.map((a, i) => (i === index ? { ...a, apply } : a)) };
}

/** Ticks or unticks every change (or every addition) at once. */
export function setGroup(plan: ReconcilePlan, group: 'matches' | 'additions', apply: boolean): ReconcilePlan {
  if (group === 'additions') return { ...plan, additions: plan.additions.map((a) => ({ ...a, apply })) };
  return { ...plan, matches: plan.matches.map((e) => (isChange(e) ? { ...e, apply } : e)) };
}
