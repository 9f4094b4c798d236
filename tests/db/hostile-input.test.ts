/**
 * Hostile input at the two doors a partner opens by hand: a backup file and the forms. Whatever arrives, no
 * exception but a refusal escapes, a refusal changes nothing stored, and text never becomes markup.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT } from '../../src/core/backup';
import { parseCustomer } from '../../src/core/customer-record';
import { parseEvent, parseInvitation } from '../../src/core/invitation-record';
import { InvalidInputError } from '../../src/core/problem';
import { EMPTY_PROFILE } from '../../src/core/profile';
import { parseSetting } from '../../src/core/settings-record';
import { exportAll, importBackup } from '../../src/db/backup';
import { updateCustomer } from '../../src/db/customers';
import { recordSend } from '../../src/db/invitations';
import { saveProfile, saveTemplate } from '../../src/db/settings';
import { saveTrackingSettings } from '../../src/db/tracking-settings';
import { addCustomer, useDb } from './support';

const ctx = useDb();
const T = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';

async function seed() {
  await saveProfile(ctx.db, { ...EMPTY_PROFILE, partnerName: 'Contoso IT', tenantId: T });
  await recordSend(ctx.db, {
    companyName: 'Alpha',
    email: 'a@alpha.example',
    linkType: 'reseller',
    language: 'en',
    channel: 'copy',
  });
}

async function snapshot() {
  const { exportedAt: _e, ...rest } = await exportAll(ctx.db);
  return rest;
}

/** Runs `write`; a refusal must be an InvalidInputError and must leave the database as it was. */
async function refusedOrDone(write: () => Promise<unknown>): Promise<'refused' | 'done'> {
  const before = await snapshot();
  try {
    await write();
    return 'done';
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(await snapshot()).toEqual(before);
    return 'refused';
  }
}

/** Every stored row still reads through its owner's parser: nothing of the wrong shape got in. */
async function everythingStoredParses() {
  for (const c of await ctx.db.customers.toArray()) expect(parseCustomer(c).ok).toBe(true);
  for (const i of await ctx.db.invitations.toArray()) expect(parseInvitation(i).ok).toBe(true);
  for (const e of await ctx.db.events.toArray()) expect(parseEvent(e).ok).toBe(true);
  for (const s of await ctx.db.settings.toArray()) expect(parseSetting(s.key, s.value).ok).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'junk',
  'id',
  'companyName',
  'key',
);
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ maxLength: 300 }),
    fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER, '', ' ', '\u0000', 'x'.repeat(3000)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('backup import under random JSON', () => {
  it('never throws anything but a refusal, and a refusal changes nothing', async () => {
    await seed();
    await fc.assert(
      fc.asyncProperty(
        hostileJson,
        fc.constantFrom('merge', 'replace') as fc.Arbitrary<'merge' | 'replace'>,
        async (json, mode) => {
          await refusedOrDone(() => importBackup(ctx.db, json, mode));
          await refusedOrDone(() => importBackup(ctx.db, JSON.stringify(json) ?? 'undefined', mode));
        },
      ),
      { numRuns: 40 },
    );
    await everythingStoredParses();
  });

  it('refuses or cleanly imports a real backup with one field replaced by anything, prototype keys included', async () => {
    await seed();
    const backup = await exportAll(ctx.db);
    const tables = ['customers', 'invitations', 'events', 'settings'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...tables),
        fc.oneof(hostileKey, fc.constantFrom('email', 'sentAt', 'status', 'value', 'detail', 'notes')),
        hostileJson,
        async (table, field, value) => {
          const rows = backup[table].map((r) => ({ ...(r as object) })) as Record<string, unknown>[];
          const first = rows[0];
          if (first)
            Object.defineProperty(first, field, {
              value,
              enumerable: true,
              configurable: true,
              writable: true,
            });
          const text = JSON.stringify({ ...backup, format: BACKUP_FORMAT, [table]: rows });
          await refusedOrDone(() => importBackup(ctx.db, text, 'replace'));
          await everythingStoredParses();
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Text from anywhere: any code point, long runs, markup, formula starts, control and invisible characters. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 60, unit: 'binary' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '=1+1',
    '＝1',
    '\u200B',
    ' '.repeat(5),
  ),
  fc.string({ minLength: 190, maxLength: 2100 }),
);

describe('forms under random strings', () => {
  it('a customer: refused with problems and nothing stored, or stored in a shape that parses', async () => {
    await seed();
    await fc.assert(
      fc.asyncProperty(
        hostileText,
        hostileText,
        fc.oneof(fc.constant(''), fc.emailAddress(), hostileText),
        fc.oneof(fc.constant(''), fc.domain(), hostileText),
        hostileText,
        async (company, contact, email, domain, notes) => {
          const outcome = await refusedOrDone(() =>
            addCustomer(ctx.db, { companyName: company, contactName: contact, email, domain, notes }),
          );
          if (outcome === 'done') await everythingStoredParses();
          const [c] = await ctx.db.customers.toArray();
          if (c) await refusedOrDone(() => updateCustomer(ctx.db, c.id, { notes, contactName: contact }));
        },
      ),
      { numRuns: 40 },
    );
    await everythingStoredParses();
  });

  it('the profile, templates and reminders: refused with nothing changed, or saved in a shape that parses', async () => {
    await seed();
    await fc.assert(
      fc.asyncProperty(
        hostileText,
        hostileText,
        hostileText,
        hostileText,
        fc.double(),
        async (name, sender, link, body, days) => {
          await refusedOrDone(() =>
            saveProfile(ctx.db, { ...EMPTY_PROFILE, partnerName: name, senderName: sender, tenantId: T }),
          );
          await refusedOrDone(() =>
            saveProfile(ctx.db, {
              ...EMPTY_PROFILE,
              partnerName: 'P',
              source: 'pasted',
              pastedLink: link,
              confirmedHost: link,
            }),
          );
          await refusedOrDone(() =>
            saveTemplate(ctx.db, 'en', { subject: name, body: `${body}\n\n{{link}}` }),
          );
          await refusedOrDone(() => saveTrackingSettings(ctx.db, { followUpDays: days }));
          await everythingStoredParses();
        },
      ),
      { numRuns: 40 },
    );
  });
});
