/** The pages' one way to ask the worker: a reply that is no object is refused with a message, not read as one. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../src/messages';

const sendMessage = vi.fn<(request: unknown) => Promise<unknown>>();

vi.mock('../../src/platform', () => ({
  runtime: { sendMessage: (request: unknown) => sendMessage(request) },
  t: (key: string) => `«${key}»`,
}));

describe('send', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('resolves with the worker’s reply, having sent the request as given', async () => {
    sendMessage.mockResolvedValue({ ok: true });
    await expect(send({ type: 'data.changed' })).resolves.toEqual({ ok: true });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'data.changed' });
  });

  it.each([undefined, null, 'ok', 3])('refuses a reply of %j with the page’s message', async (reply) => {
    sendMessage.mockResolvedValue(reply);
    await expect(send({ type: 'sync.status' })).rejects.toThrow('«workerNoAnswer»');
  });

  it('passes on the worker’s own failure', async () => {
    const failure = new Error('Could not establish connection. Receiving end does not exist.');
    sendMessage.mockImplementation(() => Promise.reject(failure));
    await expect(send({ type: 'connect.check' })).rejects.toBe(failure);
  });
});
