/** Helpers of the reconcile benches (tracking.ts, connect.ts): what Partner Center lists, its export, and number formatting. */
import type { Seed } from '../tests/e2e/support/seed';

export const ms = (n: number): string => `${n.toFixed(1)} ms`;
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

const quote = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** A customer as Partner Center lists it, in its export and in its API alike. */
export interface ListedCustomer {
  tenantId: string;
  companyName: string;
  domain: string;
}

/**
 * The `size` customers Partner Center lists for a partner with `seed`'s data: every seeded customer whose reseller
 * invitation is pending or accepted (the pending ones get accepted, those without a tenant ID match by domain and
 * get it filled), then companies unknown locally (offered as additions).
 */
export function listedCustomers(seed: Seed, size: number): ListedCustomer[] {
  const status = new Map(
    seed.invitations.filter((i) => i.type === 'reseller').map((i) => [i.customerId, i.status]),
  );
  const listed: ListedCustomer[] = [];
  for (const c of seed.customers) {
    if (listed.length >= size) break;
    const s = status.get(c.id);
    if (s !== 'pending' && s !== 'accepted') continue;
    listed.push({
      tenantId: c.tenantId || crypto.randomUUID(),
      companyName: c.companyName,
      domain: c.domain,
    });
  }
  for (let i = 0; listed.length < size; i++) {
    const companyName = `Unlisted Partner Customer ${i}, Inc.`;
    listed.push({ tenantId: crypto.randomUUID(), companyName, domain: `unlisted-${i}.example` });
  }
  return listed;
}

/** Partner Center's Customers export (docs/partner-center.md, "Reading Partner Center's customer export") of `listed`, as a spreadsheet saves it (BOM, CRLF). */
export function exportCsvOf(listed: readonly ListedCustomer[]): string {
  const lines = ['Microsoft ID,Company name,Primary domain name,Relationship'];
  for (const c of listed) lines.push([c.tenantId, quote(c.companyName), c.domain, 'Reseller'].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The export of `size` rows for `seed` (see listedCustomers). */
export const exportCsv = (seed: Seed, size: number): string => exportCsvOf(listedCustomers(seed, size));
