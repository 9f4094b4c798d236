/**
 * The connection as the messages see it: connect, check, status, disconnect (docs/connect.md). One check at a
 * time; checks every 6 hours while signed in, and when the popup opens on a check older than that.
 */
import { CONNECT_ORIGINS, ENDPOINTS } from '../../core/connect-endpoints';
import { parseClientId } from '../../core/connect-settings';
import type { ConnectStatus } from '../../core/connect-state';
import type { Problem } from '../../core/problem';
import { readConnectSettings, saveClientId } from '../../db/connect-settings';
import { db } from '../../db/db';
import { applyCheck } from '../../db/partner-center';
import { getProfile } from '../../db/settings';
import type { ConnectView } from '../../messages';
import { alarms, clearAlarm, connectPermissions, identity } from '../../platform';
import { signIn } from './auth';
import { type CheckPort, runCheck, SIGNED_OUT, signOut } from './check';
import { launch } from './launcher';
import { realNet } from './net';
import { forgetConnection, connectStore as store } from './store';

export const CONNECT_ALARM = 'partner-center';
export const CHECK_EVERY_MIN = 6 * 60;
const STALE_MS = CHECK_EVERY_MIN * 60_000;

let running: Promise<ConnectStatus> | undefined;

function port(afterWrite: () => Promise<void>): CheckPort {
  return {
    net: realNet,
    endpoints: ENDPOINTS,
    redirectUri: identity.redirectUrl(),
    launch,
    store,
    apply: (rows, relationships) => applyCheck(db, rows, relationships),
    afterWrite,
  };
}

async function view(status?: ConnectStatus): Promise<ConnectView> {
  const [s, { settings }] = await Promise.all([status ?? store.status(), readConnectSettings(db)]);
  const v: ConnectView = { ...s, checking: running !== undefined };
  if (settings.clientId) v.clientId = settings.clientId;
  return v;
}

/** Runs a check, or joins the one under way. */
export function check(afterWrite: () => Promise<void>): Promise<ConnectStatus> {
  running ??= runCheck(port(afterWrite)).finally(() => {
    running = undefined;
  });
  return running;
}

/** The status; `opened` (the popup) starts a check when the last one is older than a period. */
export async function connectStatus(afterWrite: () => Promise<void>, opened = false): Promise<ConnectView> {
  let status = await store.status();
  // storage.session empties when the browser closes: say so at once rather than at the next scheduled check.
  if (status.state === 'connected' && !running && !(await store.tokens()))
    status = await signOut(store, SIGNED_OUT);
  const stale = status.lastCheckedAt === undefined || Date.now() - status.lastCheckedAt >= STALE_MS;
  if (opened && status.state === 'connected' && stale && !running) {
    void check(afterWrite).catch((e: unknown) => console.error('Partner Center check failed', e));
  }
  return view(status);
}

const refuse = async (problem: Problem): Promise<ConnectView> => ({ ...(await view()), problem });

/** Signs in (the page asked the permissions from the click) and runs the first check. */
export async function connect(clientIdInput: string, afterWrite: () => Promise<void>): Promise<ConnectView> {
  const clientId = parseClientId(clientIdInput);
  if (!clientId.ok) return refuse(clientId.problems[0] as Problem);
  const tenant = (await getProfile(db))?.tenantId;
  if (!tenant) {
    const message =
      'Your profile has no tenant ID: sign-in goes to your own tenant. Fill it in under Profile.';
    return refuse({ field: 'tenantId', code: 'no-tenant', message });
  }
  if (!(await connectPermissions.has([...CONNECT_ORIGINS]))) {
    const message =
      'The sign-in and Partner Center permissions were not granted: press Connect and allow them.';
    return refuse({ field: 'permissions', code: 'no-permission', message });
  }
  // A setting like the profile: it syncs, so the partner's other browsers offer it (each signs in for itself).
  if (await saveClientId(db, clientId.value)) await afterWrite();
  const p = port(afterWrite);
  const tokens = await signIn(p, clientId.value, tenant);
  if (!tokens.ok) return refuse(tokens.problems[0] as Problem);
  await store.setTokens(tokens.value);
  const before = await store.status();
  const { problem: _old, ...rest } = before;
  await store.setStatus({ ...rest, state: 'connected' });
  await alarms.every(CONNECT_ALARM, CHECK_EVERY_MIN);
  return view(await check(afterWrite));
}

/** Tokens, status and proposals gone, the schedule stopped, the permissions released. */
export async function disconnect(): Promise<ConnectView> {
  await running?.catch(() => undefined);
  await Promise.all([forgetConnection(), clearAlarm(CONNECT_ALARM)]);
  await connectPermissions.remove([...CONNECT_ORIGINS]);
  return view();
}
