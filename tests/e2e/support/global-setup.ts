import { existsSync } from 'node:fs';
import { findChromium, findFirefox } from './browsers';

/**
 * Checks what every end-to-end test needs before any starts. In CI a missing browser or build fails the run;
 * locally the tests that need the missing browser are skipped and this says exactly what to install.
 */
export default function setup(): void {
  for (const dir of ['dist', 'dist-firefox']) {
    if (!existsSync(`${dir}/manifest.json`)) throw new Error(`${dir}/ is missing: run npm run build first.`);
  }
  for (const found of [findChromium(), findFirefox()]) {
    if (found.path) continue;
    if (process.env.CI) throw new Error(found.install);
    console.warn(`\n*** ${found.install}\n*** The end-to-end tests that need it are skipped.\n`);
  }
}
