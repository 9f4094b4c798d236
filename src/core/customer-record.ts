/**
 * The one owner of a stored customer: `parseCustomer` turns whatever IndexedDB, a backup, a CSV reconcile or another
 * browser holds into a `Customer` or the problems that keep it out; `checkCustomer` (customer.ts) validates what
 * the partner types before it is written. Absent text reads as '' (the record's own convention), a wrong type or an
 * over-long value is a problem, never a silent default.
 */
import { CUSTOMER_LIMITS, type Customer } from './customer';
import type { Parsed } from './problem';
import { bool, num, type ObjectOptions, oneOf, parseObject, requiredText, type Shape, text } from './shape';

/** Record ids: 12 base62 characters today, a UUID from earlier versions; 64 leaves room and stops a huge key. */
export const ID_MAX = 64;

const CUSTOMER_SHAPE: Shape<Customer> = {
  id: requiredText(ID_MAX),
  companyName: text(CUSTOMER_LIMITS.companyName),
  contactName: text(CUSTOMER_LIMITS.contactName, ''),
  email: text(CUSTOMER_LIMITS.email, ''),
  domain: text(CUSTOMER_LIMITS.domain, ''),
  tenantId: text(CUSTOMER_LIMITS.tenantId, ''),
  language: oneOf(['en', 'fr'], 'en'),
  notes: text(CUSTOMER_LIMITS.notes, ''),
  servedByAnotherPartner: bool(false),
  createdAt: num(0),
  updatedAt: num(0),
};

/** A customer from a file or a stored row: fields this version does not know are dropped. */
export function parseCustomer(
  value: unknown,
  options: Pick<ObjectOptions, 'keepUnknown'> = {},
): Parsed<Customer> {
  return parseObject(value, CUSTOMER_SHAPE, { ...options, what: 'customer' });
}

/**
 * A customer arriving through sync: same rules, but fields a newer version added are kept (typed as unknown extra
 * properties) so they survive the round trip back to that version (docs/sync.md).
 */
export function parseSyncedCustomer(value: unknown): Parsed<Customer & Record<string, unknown>> {
  return parseCustomer(value, { keepUnknown: true }) as Parsed<Customer & Record<string, unknown>>;
}
