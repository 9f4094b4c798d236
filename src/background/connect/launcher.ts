/**
 * Who shows Microsoft's sign-in. The browser's own window (identity.launchWebAuthFlow), except in the e2e build,
 * where the fake's authorize endpoint answers with the redirect address itself: whether launchWebAuthFlow can
 * reach a loopback page in headless Chromium is unproven, and the fake's answer stands in for the window.
 */
import { FAKE_SIGN_IN } from '../../core/connect-endpoints';
import { identity } from '../../platform';

async function fakeLaunch(url: string): Promise<string> {
  const reply = await fetch(url, { credentials: 'omit' });
  if (!reply.ok) throw new Error(`Sign-in refused (${reply.status})`);
  return reply.text();
}

export const launch: (url: string) => Promise<string> = FAKE_SIGN_IN ? fakeLaunch : identity.launch;
