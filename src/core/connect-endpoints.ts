/**
 * Where the Partner Center connection signs in and reads (docs/connect.md). The e2e build (vite.config.ts) defines
 * `__CONNECT_FAKE__` as a loopback origin where tests serve a fake of all three; every other build leaves it
 * undefined, so the real hosts are the only ones a shipped build knows.
 */
declare const __CONNECT_FAKE__: string | undefined;

const fake = typeof __CONNECT_FAKE__ === 'string' ? __CONNECT_FAKE__ : undefined;

export interface Endpoints {
  login: string;
  partnerCenter: string;
  graph: string;
}

export const ENDPOINTS: Endpoints = fake
  ? { login: fake, partnerCenter: fake, graph: fake }
  : {
      login: 'https://login.microsoftonline.com',
      partnerCenter: 'https://api.partnercenter.microsoft.com',
      graph: 'https://graph.microsoft.com',
    };

/** The optional host permissions asked at Connect (manifest.json lists the real ones). */
export const CONNECT_ORIGINS: readonly string[] = [...new Set(Object.values(ENDPOINTS))].map((o) => `${o}/*`);

/** True only in the e2e build: the sign-in window is replaced by a request to the fake (background/connect/launcher.ts). */
export const FAKE_SIGN_IN = fake !== undefined;
