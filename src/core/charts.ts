/**
 * What the options page's charts show, computed from invitations. Pure: the SVG drawing is the page's.
 *
 * Funnel (invited → accepted → removed) counts the current cycle of each invitation that was sent: "accepted"
 * includes those since removed (a relationship is only removed after being accepted, docs/partner-center.md, "Relationship states"), so each stage is
 * part of the one before. Customers found accepted in Partner Center's export with no invitation recorded were never
 * invited through the extension: they are counted apart rather than inflating the acceptance rate.
 */
import { DAY, type Invitation } from './invitation';

type ChartInvitation = Pick<Invitation, 'status' | 'sentAt' | 'firstSentAt' | 'acceptedAt'>;

export interface FunnelCounts {
  invited: number;
  accepted: number;
  removed: number;
  /** Invited and still waiting, and invited then given up: the funnel's drop-outs, shown as text. */
  pending: number;
  withdrawn: number;
  /** Accepted (or since removed) per the export, never sent from the extension. */
  acceptedWithoutInvitation: number;
}

const wasAccepted = (i: ChartInvitation) => i.status === 'accepted' || i.status === 'removed';

export function funnel(invitations: readonly ChartInvitation[]): FunnelCounts {
  const out: FunnelCounts = {
    invited: 0,
    accepted: 0,
    removed: 0,
    pending: 0,
    withdrawn: 0,
    acceptedWithoutInvitation: 0,
  };
  for (const inv of invitations) {
    if (inv.sentAt.length === 0) {
      if (wasAccepted(inv)) out.acceptedWithoutInvitation++;
      continue;
    }
    out.invited++;
    if (wasAccepted(inv)) out.accepted++;
    if (inv.status === 'removed') out.removed++;
    if (inv.status === 'pending') out.pending++;
    if (inv.status === 'withdrawn') out.withdrawn++;
  }
  return out;
}

/** Histogram buckets in whole days, [from, to); the last is open-ended. */
export const ACCEPT_BUCKETS: readonly { from: number; to?: number }[] = [
  { from: 0, to: 1 },
  { from: 1, to: 3 },
  { from: 3, to: 7 },
  { from: 7, to: 14 },
  { from: 14, to: 30 },
  { from: 30, to: 60 },
  { from: 60 },
];

export interface TimeToAccept {
  buckets: { from: number; to?: number; count: number }[];
  /** Invitations measured: sent, then accepted. */
  total: number;
  /** Median whole days from first send to acceptance; undefined when none. */
  medianDays?: number;
}

/** Days from the first send of the cycle to acceptance, of every sent invitation that was accepted. */
export function timeToAccept(invitations: readonly ChartInvitation[]): TimeToAccept {
  const days: number[] = [];
  for (const inv of invitations) {
    if (!wasAccepted(inv) || inv.acceptedAt === undefined || inv.firstSentAt <= 0) continue;
    days.push(Math.max(0, Math.floor((inv.acceptedAt - inv.firstSentAt) / DAY)));
  }
  const buckets = ACCEPT_BUCKETS.map((b) => ({
    ...b,
    count: days.filter((d) => d >= b.from && (b.to === undefined || d < b.to)).length,
  }));
  const result: TimeToAccept = { buckets, total: days.length };
  const median = medianOf(days);
  if (median !== undefined) result.medianDays = median;
  return result;
}

/** The median, rounded down to a whole day for an even count (the chart speaks in whole days). */
function medianOf(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.floor(value ?? 0);
}
