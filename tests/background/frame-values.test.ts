/** What the content script may answer: each call's answer as the script gives it reads; any other shape does not. */
import { describe, expect, it } from 'vitest';
import { IS_FRAME_VALUE } from '../../src/background/frame-values';
import type { ContentInsertResult, FrameDiagnosis, FrameFind } from '../../src/messages';

const FIND: FrameFind = {
  site: 'gmail',
  host: 'mail.google.com',
  candidate: null,
  composes: [
    {
      composeId: 'c1',
      site: 'gmail',
      host: 'mail.google.com',
      subject: 'Hello',
      to: ['it@contoso.com'],
      focused: true,
    },
  ],
};
const DIAGNOSIS: FrameDiagnosis = {
  host: 'outlook.office.com',
  site: null,
  candidate: 'outlook',
  selectors: { compose: 1, body: 0 },
  lastInsert: {
    recipient: 'kept',
    subject: 'reply',
    techniques: [{ technique: 'paste', outcome: 'landed' }],
    inputEvents: 3,
  },
};
const INSERTED: ContentInsertResult[] = [
  { ok: true, method: 'paste' },
  { ok: false, reason: 'no-compose' },
];

const compose = FIND.composes[0];

describe('the content script’s answers', () => {
  it('read as the script gives them', () => {
    expect(IS_FRAME_VALUE.find(FIND)).toBe(true);
    expect(IS_FRAME_VALUE.find({ ...FIND, site: null, candidate: 'outlook', composes: [] })).toBe(true);
    expect(IS_FRAME_VALUE.diagnose(DIAGNOSIS)).toBe(true);
    expect(IS_FRAME_VALUE.diagnose({ ...DIAGNOSIS, lastInsert: null, selectors: {} })).toBe(true);
    for (const result of INSERTED) expect(IS_FRAME_VALUE.insert(result)).toBe(true);
  });

  it.each([
    ['no object', null],
    ['a site we do not fill', { ...FIND, site: 'hotmail' }],
    ['composes that are no list', { ...FIND, composes: 'all' }],
    ['a compose without its id', { ...FIND, composes: [{ ...compose, composeId: 3 }] }],
    ['recipients that are no strings', { ...FIND, composes: [{ ...compose, to: [1] }] }],
    ['focus that is no boolean', { ...FIND, composes: [{ ...compose, focused: 'yes' }] }],
    ['no host', { ...FIND, host: undefined }],
  ])('refuse a find answer with %s', (_, value) => {
    expect(IS_FRAME_VALUE.find(value)).toBe(false);
  });

  it.each([
    ['no object', 'ok'],
    ['success without its method', { ok: true }],
    ['a reason the script never gives', { ok: false, reason: 'content-error' }],
    ['an unknown reason', { ok: false, reason: 'tired' }],
    ['no verdict', { method: 'paste' }],
  ])('refuse an insert answer with %s', (_, value) => {
    expect(IS_FRAME_VALUE.insert(value)).toBe(false);
  });

  it.each([
    ['counts that are no counts', { ...DIAGNOSIS, selectors: { compose: '1' } }],
    ['negative counts', { ...DIAGNOSIS, selectors: { compose: -1 } }],
    [
      'an unknown outcome',
      {
        ...DIAGNOSIS,
        lastInsert: { ...DIAGNOSIS.lastInsert, techniques: [{ technique: 'x', outcome: 'maybe' }] },
      },
    ],
    [
      'an unknown recipient state',
      { ...DIAGNOSIS, lastInsert: { ...DIAGNOSIS.lastInsert, recipient: 'sent' } },
    ],
    ['a missing last insert', { ...DIAGNOSIS, lastInsert: undefined }],
  ])('refuse a diagnosis with %s', (_, value) => {
    expect(IS_FRAME_VALUE.diagnose(value)).toBe(false);
  });
});
