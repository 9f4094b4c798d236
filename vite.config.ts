import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/**
 * One manifest, three builds (`vite build --mode …`):
 * - `production` → dist/: Chrome and Edge, exactly manifest.json.
 * - `firefox` → dist-firefox/: background as event-page `scripts` and a gecko id (Firefox has no MV3 service worker;
 *   storage.sync throws without an id). 140 is the ESR in Debian's main suite: require no more. `identity` moves
 *   from the optional permissions to the required ones (docs/connect.md, "Firefox and the identity permission").
 * - `e2e` → dist-e2e/: as dist/, but the webmail hosts are granted at install, because headless automation gives no
 *   activeTab grant (docs/testing.md, "End-to-end mechanics").
 */
/** Hosts that only the e2e build may script: a custom-domain Outlook and a page that poses as one. */
export const E2E_OTHER_HOSTS = ['https://webmail.fabrikam.example/*', 'https://pages.example.net/*'];

/**
 * The e2e build's fake of Microsoft's sign-in, Partner Center and Graph (tests/connect/fake-microsoft.ts), on
 * loopback only. Only `vite build --mode e2e` (dist-e2e/, never packaged) knows it: src/core/connect-endpoints.ts.
 */
export const E2E_CONNECT_FAKE = 'http://127.0.0.1:47811';

type Mode = 'production' | 'firefox' | 'e2e' | 'development';

export const GECKO_ID = 'reseller-invite@reseller-invite.app';

function manifestFor(mode: Mode): ManifestV3Export {
  const base = { ...manifest, version: pkg.version };
  if (mode === 'firefox') {
    const { service_worker, ...background } = base.background;
    // Firefox's schema takes `identity` only among the required permissions, where it asks nothing at install
    // (toolkit/components/extensions/schemas/identity.json: PermissionNoPrompt, as addons-linter vendors it); as an
    // optional one it is dropped, and a permissions.request naming it throws (parent/ext-permissions.js).
    return {
      ...base,
      permissions: [...base.permissions, 'identity'],
      optional_permissions: base.optional_permissions.filter((p) => p !== 'identity'),
      background: { ...background, scripts: [service_worker] },
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    } as ManifestV3Export;
  }
  // Plus two hosts that are no webmail we know, where tests check that a page posing as Outlook gets nothing.
  // The Partner Center fake and `identity` granted at install too: headless automation cannot answer a prompt.
  if (mode === 'e2e')
    return {
      ...base,
      permissions: [...base.permissions, 'identity'],
      host_permissions: [
        ...(base.optional_host_permissions ?? []),
        ...E2E_OTHER_HOSTS,
        `${E2E_CONNECT_FAKE}/*`,
      ],
    } as ManifestV3Export;
  return base as ManifestV3Export;
}

/**
 * crxjs lists a `?script` import in web_accessible_resources for every site. We inject it with
 * scripting.executeScript, which needs no such entry, and an exposed file lets any page detect the extension.
 */
type ManifestHook = { renderCrxManifest(manifest: { web_accessible_resources?: unknown }): object };

function noWebAccessibleResources(): Plugin & ManifestHook {
  return {
    name: 'no-web-accessible-resources',
    enforce: 'post',
    // A crxjs hook, run on the final manifest after crxjs's own plugins.
    renderCrxManifest(manifest) {
      const { web_accessible_resources: _exposed, ...rest } = manifest;
      return rest;
    },
  };
}

const outDir: Record<Mode, string> = {
  production: 'dist',
  development: 'dist',
  firefox: 'dist-firefox',
  e2e: 'dist-e2e',
};

export default defineConfig(({ mode }) => {
  const m = (mode in outDir ? mode : 'production') as Mode;
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(m), browser: m === 'firefox' ? 'firefox' : 'chrome' }),
      noWebAccessibleResources(),
    ],
    // Only the e2e build points the Partner Center connection at the loopback fake.
    define: { __CONNECT_FAKE__: m === 'e2e' ? JSON.stringify(E2E_CONNECT_FAKE) : 'undefined' },
    build: {
      outDir: outDir[m],
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Vite's polyfill for `<link rel="modulepreload">`, which every browser we support (Chrome 116, Firefox 140)
      // implements: it only added bytes to the popup's first paint.
      modulePreload: { polyfill: false },
    },
    server: { port: 5173, strictPort: true, cors: { origin: [/chrome-extension:\/\//] } },
  };
});
