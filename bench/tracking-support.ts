/** Helpers of bench/tracking.ts: the export it reconciles and number formatting. */
import type { Seed } from '../tests/e2e/support/seed';

export const ms = (n: number): string => `${n.toFixed(1)} ms`;
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

const quote = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * A Partner Center Customers export (docs/partner-center.md, "Reading Partner Center's customer export") of `size`
 * rows, as a spreadsheet saves it (BOM, CRLF): every seeded customer whose reseller invitation is pending or accepted
 * (the pending ones get accepted, those without a tenant ID match by domain and get it filled), then companies unknown
 * locally (offered as additions).
 */
export function exportCsv(seed: Seed, size: number): string {
  const status = new Map(
    seed.invitations.filter((i) => i.type === 'reseller').map((i) => [i.customerId, i.status]),
  );
  const lines = ['Microsoft ID,Company name,Primary domain name,Relationship'];
  for (const c of seed.customers) {
    if (lines.length > size) break;
    const s = status.get(c.id);
    if (s !== 'pending' && s !== 'accepted') continue;
    lines.push([c.tenantId || crypto.randomUUID(), quote(c.companyName), c.domain, 'Reseller'].join(','));
  }
  for (let i = 0; lines.length <= size; i++) {
    const name = `Unlisted Partner Customer ${i}, Inc.`;
    lines.push([crypto.randomUUID(), quote(name), `unlisted-${i}.example`, 'Reseller'].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
