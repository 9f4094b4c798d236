/**
 * `npm start`: Chromium with the extension, the Gmail, Outlook, Yahoo and Proton compose pages at their real
 * addresses (served from tests/fixtures, nothing goes online) and a sample portfolio of a few hundred customers.
 * - With a display: the production build (dist/), so the partner clicks the toolbar icon on the Gmail tab and the
 *   popup reaches it through that click (activeTab), as in real use.
 * - `--headless`, or no display: the e2e build (dist-e2e/, the webmail hosts granted, since automation cannot click
 *   the toolbar) walks the same path and writes a screenshot of each step into artifacts/.
 * - `--empty`: no profile and no customers, as a first install.
 */
import { startDemo, walk } from './demo';

const headless =
  process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY);
const empty = process.argv.includes('--empty');

const demo = await startDemo({ dist: headless ? 'dist-e2e' : 'dist', headless, empty, lang: 'en' });
console.log(
  `Reseller Invite ${demo.browser.extensionId} loaded, ${empty ? 'empty' : 'with a sample portfolio'}.`,
);

if (headless) {
  const shots = await walk(demo, 'artifacts');
  console.log('No display: the walk-through is in artifacts/:');
  for (const shot of shots) console.log(`  artifacts/${shot.name}.png  ${shot.shows}`);
  await demo.browser.close();
} else {
  console.log(
    [
      'The Gmail tab has a new message open. Click the Reseller Invite toolbar icon (pin it from the puzzle-piece',
      'menu), fill in a customer and press "Insert into Gmail". Outlook, Yahoo Mail and Proton Mail are in the',
      'next tabs. Close the browser window (or press Ctrl+C) to stop.',
    ].join('\n'),
  );
}
