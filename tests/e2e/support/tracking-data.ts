/**
 * Backups built for end-to-end tests and screenshots of the options page: customers with invitations and events
 * produced by core's real status machine (so they are exactly what the extension would store), written out as a
 * backup file the page imports through its own UI.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../../src/core/backup';
import type { Customer } from '../../../src/core/customer';
import { EMPTY_PROFILE } from '../../../src/core/profile';
import {
  type Action,
  DAY,
  type Invitation,
  type InvitationEvent,
  transition,
} from '../../../src/core/status';
import type { LinkType } from '../../../src/core/types';

export const PARTNER_TENANT = '4f1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const GDAP_LINK =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/' +
  '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

export class BackupBuilder {
  readonly customers: Customer[] = [];
  readonly invitations = new Map<string, Invitation>();
  readonly events: InvitationEvent[] = [];
  settings: { key: string; value: unknown }[] = [];
  private seq = 0;

  constructor(readonly now: number) {}

  withProfile(partnerName = 'Fabrikam Cloud'): this {
    this.settings.push({
      key: 'profile',
      value: { ...EMPTY_PROFILE, partnerName, senderName: 'Dana Smith', tenantId: PARTNER_TENANT },
    });
    return this;
  }

  customer(fields: Partial<Customer> & { companyName: string }, daysAgo = 0): string {
    const at = this.now - daysAgo * DAY;
    const id = `c-${String(++this.seq).padStart(6, '0')}`;
    this.customers.push({
      id,
      contactName: '',
      email: '',
      domain: '',
      tenantId: '',
      language: 'en',
      notes: '',
      servedByAnotherPartner: false,
      createdAt: at,
      updatedAt: at,
      ...fields,
    });
    return id;
  }

  /** Sends an invitation `daysAgo`; returns its id. */
  send(customerId: string, daysAgo: number, linkType: LinkType = 'reseller'): string {
    const id = `i-${String(++this.seq).padStart(6, '0')}`;
    const action: Action = {
      kind: 'send',
      channel: 'copy',
      linkType,
      language: 'en',
      create: { id, customerId },
      ...(linkType === 'gdap' ? { gdap: { link: GDAP_LINK, roles: 'Helpdesk agent' } } : {}),
    };
    this.apply(undefined, action, daysAgo);
    return id;
  }

  act(invitationId: string, action: Action, daysAgo: number): this {
    this.apply(this.invitations.get(invitationId), action, daysAgo);
    return this;
  }

  private apply(current: Invitation | undefined, action: Action, daysAgo: number): void {
    const r = transition(current, action, this.now - daysAgo * DAY);
    if (!r.ok) throw new Error(`${action.kind}: ${r.problems[0]?.message}`);
    const { previous: _undo, ...invitation } = r.invitation;
    this.invitations.set(invitation.id, invitation);
    this.events.push({ id: `e-${String(++this.seq).padStart(8, '0')}`, ...r.event });
  }

  build(): Backup {
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: this.now,
      customers: this.customers,
      invitations: [...this.invitations.values()],
      events: this.events,
      settings: this.settings,
    };
  }
}

const NAMES = [
  'Contoso',
  'Northwind Traders',
  'Adventure Works',
  'Tailspin Toys',
  'Wingtip Toys',
  'Litware',
  'Proseware',
  'Fourth Coffee',
  'Alpine Ski House',
  'Blue Yonder Airlines',
  'Coho Winery',
  'Lamna Healthcare',
  'Margie’s Travel',
  'Relecloud',
  'Trey Research',
  'Woodgrove Bank',
  'Wide World Importers',
  'Humongous Insurance',
  'Graphic Design Institute',
  'Lucerne Publishing',
];
const SUFFIXES = ['Ltd', 'Inc', 'SAS', 'GmbH', 'LLC', 'SARL'];
const FIRST = ['Alex', 'Sam', 'Camille', 'Jordan', 'Noor', 'Léa', 'Chris', 'Mina', 'Hugo', 'Priya'];

/**
 * `count` customers in a spread of states (pending of every age, accepted after various delays, withdrawn,
 * removed, GDAP ones, one served by another partner), deterministic so screenshots and timings repeat.
 */
export function sampleBackup(count: number, now: number): Backup {
  const b = new BackupBuilder(now).withProfile();
  for (let i = 0; i < count; i++) {
    const base = NAMES[i % NAMES.length] as string;
    const round = Math.floor(i / NAMES.length);
    const company = round === 0 ? base : `${base} ${SUFFIXES[round % SUFFIXES.length]} ${round}`;
    const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const contact = FIRST[i % FIRST.length] as string;
    const sentDaysAgo = (i * 7) % 120;
    const id = b.customer(
      {
        companyName: company,
        contactName: `${contact} Martin`,
        email: `${contact.toLowerCase().replace('é', 'e')}@${slug}.com`,
        domain: `${slug}.com`,
        servedByAnotherPartner: i % 17 === 5,
        language: i % 3 === 0 ? 'fr' : 'en',
      },
      sentDaysAgo,
    );
    const inv = b.send(id, sentDaysAgo);
    const fate = i % 10;
    if (fate <= 3 && sentDaysAgo > 0)
      b.act(inv, { kind: 'accept', source: 'manual' }, Math.max(0, sentDaysAgo - (i % 23)));
    else if (fate === 4 && sentDaysAgo > 10) b.act(inv, { kind: 'withdraw' }, sentDaysAgo - 10);
    else if (fate === 5 && sentDaysAgo > 20) {
      b.act(inv, { kind: 'accept', source: 'manual' }, sentDaysAgo - 3);
      b.act(inv, { kind: 'end' }, sentDaysAgo - 20);
    } else if (fate === 6 && sentDaysAgo > 8)
      b.act(inv, { kind: 'resend', channel: 'compose' }, sentDaysAgo - 8);
    if (i % 9 === 2) b.send(id, (i * 13) % 110, 'gdap');
  }
  return b.build();
}
