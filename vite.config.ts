import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
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

function manifestFor(mode: Mode, built: boolean): ManifestV3Export {
  // A build leaves the popup to `popupOwnBuild`; the dev server serves it through crxjs.
  const { default_popup, ...action } = manifest.action;
  const base = { ...manifest, version: pkg.version, action: built ? action : { ...action, default_popup } };
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

/**
 * The popup is built on its own, after crxjs has built everything else, so that its first paint is one script with
 * its stylesheets inlined: built with the other pages, it shares their chunks and waits for six scripts and two
 * stylesheets, each a request (docs/decisions.md, "The popup is built on its own"). Modules it shares with other
 * pages are copied, not shared: every page runs its own copy of a module anyway. crxjs never sees the popup
 * (`manifestFor` leaves `default_popup` out of a build); `renderCrxManifest` puts it back.
 */
const POPUP = 'src/popup/index.html';

/** What both builds share. */
interface Shared {
  define: Record<string, string>;
  build: { outDir: string; target: string; sourcemap: false; modulePreload: { polyfill: false } };
}

function popupOwnBuild(mode: Mode, shared: Shared): Plugin & ManifestHook {
  return {
    name: 'popup-own-build',
    apply: 'build',
    enforce: 'post',
    renderCrxManifest(manifest) {
      const { action } = manifest as { action?: object };
      return { ...manifest, action: { ...action, default_popup: POPUP } };
    },
    async closeBundle() {
      await build({
        configFile: false,
        mode,
        logLevel: 'warn',
        publicDir: false,
        define: shared.define,
        plugins: [preact(), inlineStylesheets()],
        build: {
          ...shared.build,
          emptyOutDir: false,
          rolldownOptions: {
            input: POPUP,
            output: {
              // Every module of the first paint in the entry's chunk: left to itself, Rolldown moves those the lazy
              // chunks share into a chunk of their own, a second script before the first paint.
              codeSplitting: { groups: [{ name: 'popup', tags: ['$initial'] }] },
              entryFileNames: 'assets/popup-[hash].js',
              chunkFileNames: 'assets/popup-[name]-[hash].js',
            },
          },
        },
      });
    },
  };
}

/** The page's stylesheets into the page, so its script does not wait for them to load. */
function inlineStylesheets(): Plugin {
  const inlined = new Set<string>();
  return {
    name: 'inline-stylesheets',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g, (_, file: string) => {
          const asset = bundle?.[file];
          if (asset?.type !== 'asset') throw new Error(`inline-stylesheets: ${file} is not in the bundle`);
          inlined.add(file);
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
    generateBundle(_, bundle) {
      for (const file of inlined) {
        const used = Object.values(bundle).some((c) => c.type === 'chunk' && c.code.includes(file));
        if (used) throw new Error(`inline-stylesheets: a script still loads ${file}`);
        delete bundle[file];
      }
    },
  };
}

const outDir: Record<Mode, string> = {
  production: 'dist',
  development: 'dist',
  firefox: 'dist-firefox',
  e2e: 'dist-e2e',
};

export default defineConfig(({ mode, command }) => {
  const m = (mode in outDir ? mode : 'production') as Mode;
  const shared: Shared = {
    // Only the e2e build points the Partner Center connection at the loopback fake.
    define: { __CONNECT_FAKE__: m === 'e2e' ? JSON.stringify(E2E_CONNECT_FAKE) : 'undefined' },
    build: {
      outDir: outDir[m],
      target: 'es2022',
      sourcemap: false,
      // Vite's polyfill for `<link rel="modulepreload">`, which every browser we support (Chrome 116, Firefox 140)
      // implements: it only added bytes to the popup's first paint.
      modulePreload: { polyfill: false },
    },
  };
  return {
    plugins: [
      preact(),
      crx({ manifest: manifestFor(m, command === 'build'), browser: m === 'firefox' ? 'firefox' : 'chrome' }),
      noWebAccessibleResources(),
      popupOwnBuild(m, shared),
    ],
    define: shared.define,
    build: {
      ...shared.build,
      emptyOutDir: true,
      // The popup's lazy imports (popupOwnBuild) are of modules the options page loads at once anyway.
      rolldownOptions: { checks: { ineffectiveDynamicImport: false } },
    },
    server: { port: 5173, strictPort: true, cors: { origin: [/chrome-extension:\/\//] } },
  };
});
