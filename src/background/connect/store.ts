/**
 * The connection's storage on this browser (docs/connect.md, "What is stored"): the last check's status and the
 * proposals in `storage.local`, the tokens in `storage.session` only. (The client id is a synced setting:
 * db/connect-settings.ts.) Every read is parsed; a value that does not read counts as absent (tokens: signed out;
 * status: never checked), and is reported.
 */
import {
  CONNECT_KEYS,
  type ConnectStatus,
  NEVER,
  type Proposal,
  parseConnectStatus,
  parseSessionTokens,
} from '../../core/connect-state';
import { describeProblems } from '../../core/shape';
import { localArea, removeLocal, sessionArea } from '../../platform';
import type { ConnectStore } from './check';

function read<T>(
  what: string,
  parsed: { ok: true; value: T } | { ok: false; problems: { message: string }[] },
  fallback: T,
): T {
  if (parsed.ok) return parsed.value;
  console.warn(`Stored ${what} does not read: ${describeProblems(parsed.problems as never)}`);
  return fallback;
}

export const connectStore: ConnectStore = {
  async tokens() {
    const v = await sessionArea.get(CONNECT_KEYS.tokens);
    return v === undefined ? undefined : read('sign-in', parseSessionTokens(v), undefined);
  },
  setTokens: (tokens) => sessionArea.set(CONNECT_KEYS.tokens, tokens),
  clearTokens: () => sessionArea.remove(CONNECT_KEYS.tokens),
  async status() {
    return read<ConnectStatus>(
      'connection status',
      parseConnectStatus(await localArea.get(CONNECT_KEYS.status)),
      NEVER,
    );
  },
  setStatus: (status) => localArea.set(CONNECT_KEYS.status, status),
  setProposals: (proposals: Proposal[]) => localArea.set(CONNECT_KEYS.proposals, proposals),
};

/** Disconnect: nothing of the connection is left but the client id (a setting), which is no secret and saves retyping. */
export async function forgetConnection(): Promise<void> {
  await Promise.all([
    sessionArea.remove(CONNECT_KEYS.tokens),
    removeLocal(CONNECT_KEYS.status),
    removeLocal(CONNECT_KEYS.proposals),
  ]);
}
