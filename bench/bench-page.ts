/** Bench-only extension pages: `bench/<name>-page.ts` bundled into a copy of dist/ as `bench/<name>.html`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** Real src/db code in a page of the extension's own origin, nothing added to the product's bundles. */
export async function addBenchPage(dir: string, name: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(dir, 'bench'),
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: `bench/${name}-page.ts`, formats: ['es'], fileName: () => `${name}-page.js` },
    },
  });
  const html = `<!doctype html><meta charset="utf-8"><body><script type="module" src="${name}-page.js"></script>`;
  writeFileSync(join(dir, `bench/${name}.html`), html);
}
