/** Named queries on the customers table: recognise, create, edit, search and delete customers. */
import Dexie from 'dexie';
import {
  type Customer,
  type CustomerKeys,
  checkCustomer,
  companyDomain,
  customerWords,
  findCustomerMatch,
  matchesSearch,
  searchTokens,
} from '../core/customer';
import { definedOnly } from '../core/defined-only';
import { InvalidInputError } from '../core/problem';
import { normaliseCompanyName } from '../core/reconcile';
import type { Language } from '../core/types';
import { now } from './clock';
import type { CustomerRow, ResellerDb } from './db';
import { deleteEventsOfCustomers } from './events';
import { newId } from './ids';

/** What a form or an export row gives; missing text is ''. */
export interface CustomerFields extends CustomerKeys {
  companyName: string;
  contactName?: string;
  language?: Language;
  notes?: string;
  servedByAnotherPartner?: boolean;
}

/** The stored form: trimmed, keys lowercase, derived index keys rebuilt. */
export function toRow(c: Customer): CustomerRow {
  const customer: Customer = {
    ...c,
    companyName: c.companyName.trim(),
    contactName: c.contactName.trim(),
    email: c.email.trim().toLowerCase(),
    domain: c.domain.trim().toLowerCase(),
    tenantId: c.tenantId.trim().toLowerCase(),
  };
  return { ...customer, nameKey: normaliseCompanyName(customer.companyName), words: customerWords(customer) };
}

/** The record without its index keys, for backups and sync. */
export function fromRow(row: CustomerRow): Customer {
  const { nameKey: _n, words: _w, ...customer } = row;
  return customer;
}

/** A new customer; the domain comes from a company email when none is given. */
export function newCustomer(f: CustomerFields, at: number, id = newId()): CustomerRow {
  return toRow({
    id,
    companyName: f.companyName,
    contactName: f.contactName ?? '',
    email: f.email ?? '',
    domain: companyDomain(f) ?? '',
    tenantId: f.tenantId ?? '',
    language: f.language ?? 'en',
    notes: f.notes ?? '',
    servedByAnotherPartner: f.servedByAnotherPartner ?? false,
    createdAt: at,
    updatedAt: at,
  });
}

/** Fills the customer's empty contact, email, domain and tenant from a send; undefined when nothing changes. */
export function fillBlanks(c: CustomerRow, f: CustomerFields, at: number): CustomerRow | undefined {
  const patch: Partial<Customer> = {};
  if (!c.contactName && f.contactName?.trim()) patch.contactName = f.contactName;
  if (!c.email && f.email?.trim()) patch.email = f.email;
  const domain = companyDomain(f);
  if (!c.domain && domain) patch.domain = domain;
  if (!c.tenantId && f.tenantId?.trim()) patch.tenantId = f.tenantId;
  return Object.keys(patch).length === 0 ? undefined : toRow({ ...fromRow(c), ...patch, updatedAt: at });
}

/** The customer these keys designate (email, then domain, then tenant ID), read through the indexes. */
export async function findCustomer(db: ResellerDb, keys: CustomerKeys): Promise<CustomerRow | undefined> {
  const lookups: [string, string | undefined][] = [
    ['email', keys.email?.trim().toLowerCase()],
    ['domain', companyDomain(keys)],
    ['tenantId', keys.tenantId?.trim().toLowerCase()],
  ];
  const found = await Promise.all(
    lookups.map(([index, value]) => (value ? db.customers.where(index).equals(value).toArray() : [])),
  );
  return findCustomerMatch(found.flat(), keys)?.customer;
}

/** Edits a customer; the id and creation time never change. Invalid fields throw InvalidInputError. */
export async function updateCustomer(db: ResellerDb, id: string, patch: Partial<CustomerFields>) {
  return db.transaction('rw', db.customers, async () => {
    const current = await db.customers.get(id);
    if (!current)
      throw new InvalidInputError([{ field: 'id', code: 'not-found', message: 'No such customer.' }]);
    const next = { ...fromRow(current), ...definedOnly(patch), id, createdAt: current.createdAt };
    const problems = checkCustomer(next);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const row = toRow({ ...next, updatedAt: now() });
    await db.customers.put(row);
    return row;
  });
}

/**
 * Customers whose words start with every word searched (company, contact, email, domain): the longest word walks
 * the multi-entry `*words` index, the others filter what it finds. Undefined when the search has no word.
 */
function matching(db: ResellerDb, text: string) {
  const tokens = searchTokens(text);
  const longest = [...tokens].sort((a, b) => b.length - a.length)[0];
  if (longest === undefined) return undefined;
  return db.customers
    .where('words')
    .startsWith(longest)
    .distinct()
    .filter((c) => matchesSearch(c.words, tokens));
}

/** The customers the search finds, at most `limit`, by company name (the first `limit` when it has no word). */
export async function searchCustomers(db: ResellerDb, text: string, limit = 50): Promise<CustomerRow[]> {
  const found = matching(db, text);
  if (!found) return db.customers.orderBy('nameKey').limit(limit).toArray();
  return (await found.limit(limit).toArray()).sort((a, b) => a.nameKey.localeCompare(b.nameKey));
}

/**
 * Ids of every customer the search finds, for lists that filter further (the pending list, the customers table);
 * undefined when the search has no word, so nothing is narrowed.
 */
export async function searchCustomerIds(db: ResellerDb, text: string): Promise<string[] | undefined> {
  return matching(db, text)?.primaryKeys();
}

/** Deletes customers with their invitations and events, through ordinary deletes (sync sees each one). */
export async function deleteCustomers(db: ResellerDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.customers, db.invitations, db.events], async () => {
    const invitations = await db.invitations
      .where('[customerId+type]')
      .inAnyRange(
        ids.map((id) => [
          [id, Dexie.minKey],
          [id, Dexie.maxKey],
        ]),
      )
      .primaryKeys();
    await db.invitations.bulkDelete(invitations);
    await deleteEventsOfCustomers(db, ids);
    await db.customers.bulkDelete([...ids]);
  });
}
