/**
 * `npm run screenshots`: the README's pictures, in English and French, taken by the same walk as
 * `npm start -- --headless` (support/demo.ts) with the sample portfolio, into docs/images/<language>/.
 */
import { type Lang, startDemo, walk } from './demo';

for (const lang of ['en', 'fr'] as Lang[]) {
  const demo = await startDemo({ dist: 'dist-e2e', headless: true, empty: false, lang });
  try {
    for (const shot of await walk(demo, `docs/images/${lang}`))
      console.log(`docs/images/${lang}/${shot.name}.png  ${shot.shows}`);
  } finally {
    await demo.browser.close();
  }
}
