/**
 * `npm run bench`: every figure the work items ask for, each section measured in one run of its own browser.
 * Build first (the npm script does); sections print as they finish.
 */
import { benchConnect } from './connect';
import { benchInsert } from './insert';
import { benchStartup } from './startup';
import { benchSync } from './sync';
import { benchTracking } from './tracking';

const sections: [string, () => Promise<string[]>][] = [
  ['Popup start-up and bundle sizes', benchStartup],
  ['Insert into compose', benchInsert],
  ['Tracking at 10,000 and 100,000 customers', benchTracking],
  ['Sync through storage.sync', benchSync],
  ['Partner Center connection at 10,000 customers', benchConnect],
];

// `npm run bench -- tracking`: only the sections whose title contains one of the words given.
const only = process.argv.slice(2).map((w) => w.toLowerCase());
for (const [title, run] of sections) {
  if (only.length > 0 && !only.some((w) => title.toLowerCase().includes(w))) continue;
  console.log(`\n## ${title}`);
  for (const line of await run()) console.log(line);
}
