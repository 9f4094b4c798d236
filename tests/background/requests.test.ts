/** A page's request as the worker reads it: the protocol's types and fields, or refused with a message. */
import { describe, expect, it } from 'vitest';
import { readRequest } from '../../src/background/requests';
import type { MessageType, Request } from '../../src/messages';

/** One well-formed request of each type: typed against the protocol, so a new type must be added here. */
const VALID: { [K in MessageType]: Request<K> } = {
  'data.changed': { type: 'data.changed' },
  'sync.status': { type: 'sync.status' },
  'sync.enable': { type: 'sync.enable', enabled: false },
  'sync.decide': { type: 'sync.decide', keys: ['customers/c1'], decision: 'keep' },
  'compose.find': { type: 'compose.find' },
  'compose.insert': {
    type: 'compose.insert',
    target: { tabId: 4, frameId: 0, composeId: 'c1' },
    draft: { to: 'it@contoso.com', subject: 'Hello', html: '<p>Hi</p>', text: 'Hi' },
  },
  'compose.diagnose': { type: 'compose.diagnose', tabId: 4 },
  'connect.status': { type: 'connect.status', opened: true },
  'connect.signIn': { type: 'connect.signIn', clientId: '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b' },
  'connect.check': { type: 'connect.check' },
  'connect.disconnect': { type: 'connect.disconnect' },
};

describe('readRequest', () => {
  it('reads each type of the protocol as the pages send it', () => {
    for (const request of Object.values(VALID)) expect(readRequest(request)).toEqual({ request });
    // Optional fields may be absent.
    const bare = { type: 'compose.insert', target: { tabId: 4 }, draft: { subject: '', html: '', text: '' } };
    expect(readRequest(bare)).toEqual({ request: bare });
    expect(readRequest({ type: 'connect.status' })).toEqual({ request: { type: 'connect.status' } });
  });

  it.each([
    ['sync switched by a string', { type: 'sync.enable', enabled: 'false' }],
    [
      'a decision the engine does not know',
      { type: 'sync.decide', keys: ['customers/c1'], decision: 'ignore' },
    ],
    ['keys that are not strings', { type: 'sync.decide', keys: [1], decision: 'keep' }],
    [
      'a draft whose HTML is no string',
      { ...VALID['compose.insert'], draft: { subject: '', html: 1, text: '' } },
    ],
    ['a draft without its text', { ...VALID['compose.insert'], draft: { subject: '', html: '' } }],
    ['a tab that is no tab id', { ...VALID['compose.insert'], target: { tabId: '4' } }],
    ['a negative frame', { ...VALID['compose.insert'], target: { tabId: 4, frameId: -1 } }],
    ['a diagnosis of no tab', { type: 'compose.diagnose' }],
    ['a sign-in without its client ID', { type: 'connect.signIn', clientId: 42 }],
    ['an "opened" that is no boolean', { type: 'connect.status', opened: 1 }],
  ])('refuses %s, naming the request', (_, request) => {
    expect(readRequest(request)).toEqual({
      refused: `The worker refused a ${request.type} request of another shape.`,
    });
  });

  it.each([
    ['no object', 'sync.status'],
    ['null', null],
    ['a type of no protocol', { type: 'tabs.list' }],
    ['a type named after an object key', { type: 'constructor' }],
    ['an array', [{ type: 'sync.status' }]],
  ])('leaves %s unanswered, as no request of ours', (_, value) => {
    expect(readRequest(value)).toBeUndefined();
  });
});
