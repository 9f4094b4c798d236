/**
 * Every schema version, oldest first (docs/decisions.md, "The schema keeps its old versions"). A version stays
 * here while it carries an upgrade, so a browser that skipped releases still upgrades step by step. Ids are
 * random strings (`newId()` in ids.ts; UUIDs on rows from earlier versions): records are merged across browsers
 * later, and auto-increment keys would collide.
 */
import type Dexie from 'dexie';
import { fillCounts } from './counts';
import { stampExistingRows } from './sync-upgrade';

export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    // One row per setting: `profile`, `templates`. Small, read whole, so no secondary index.
    settings: 'key',
  });
  // Version 2 (tracking) only adds tables, so it needs no upgrade function; settings carry over unchanged.
  db.version(2).stores({
    // A partner's customer. email, domain, tenantId: recognising a customer again (lowercase). nameKey (normalised
    // company name) and *words (multi-entry, folded words of company, contact, email, domain): derived on every
    // write, for reconcile's name match and prefix search.
    customers: 'id, email, domain, tenantId, nameKey, *words',
    // One per customer and type (reseller, gdap), several only after a sync race. The [status+…] indexes serve
    // the pending list (firstSentAt), overdue and status counts (lastSentAt, 0 when never sent), explicit
    // follow-up dates (followUpDueAt, absent from the index when unset) and recent acceptances (acceptedAt).
    invitations:
      'id, [customerId+type], [status+firstSentAt], [status+lastSentAt], [status+followUpDueAt], [status+acceptedAt]',
    // The timeline: one append-only row per transition, read per customer in time order.
    events: 'id, [customerId+at]',
  });
  // Version 3 (sync, docs/sync.md, "What syncs", docs/decisions.md, "Clocks stamped by Dexie middleware, in the write's transaction") adds the bookkeeping of the change-tracking middleware
  // (sync-tracking.ts); its upgrade records every existing customer, invitation and synced setting so they sync.
  db.version(3)
    .stores({
      // One per synced record, key 'table/id': fields, field clocks and tombstone clock (sync-meta.ts). A deleted
      // record's row leaves its table; its tombstone stays here until every device has seen it (docs/sync.md, "Tombstones and their collection").
      syncRecords: 'key',
      // One row per bookkeeping value `{ k, v }`: device id, clock, acks, write log, status (sync-meta.ts).
      syncMeta: 'k',
    })
    .upgrade(stampExistingRows);
  // Version 4 adds the counts the popup and the badge read, kept by counts-middleware.ts in every write's transaction
  // (count-buckets.ts says why); its upgrade counts the invitations already there.
  db.version(4)
    .stores({
      // Per kind (age, due, accepted) and day: how many invitations fall in it; totals at day 0.
      countDays: '[kind+day]',
      // The same buckets' times, ascending: read only for the day a count's boundary falls in.
      countTimes: '[kind+day]',
    })
    .upgrade(fillCounts);
}
