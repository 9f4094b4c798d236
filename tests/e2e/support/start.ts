/**
 * `npm start`: launch Chromium with the built extension (dist/) on a local demo page, plus the popup in a tab.
 * Headed when there is a display; `npm start -- --headless` (or no display) takes screenshots instead and exits.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchExtension } from './chromium';

const headless =
  process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY);
const demo = readFileSync('tests/fixtures/demo.html');
const server = createServer((_, res) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demo),
);
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await launchExtension('dist', { headless });
const page = await browser.context.newPage();
await page.goto(url);
const popup = await browser.openPage('src/popup/index.html');
console.log(`Reseller Invite ${browser.extensionId} loaded; demo page ${url}`);

if (headless) {
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.screenshot({ path: 'artifacts/popup.png' });
  await page.screenshot({ path: 'artifacts/demo.png' });
  console.log('No display: screenshots written to artifacts/popup.png and artifacts/demo.png.');
  await browser.close();
  server.close();
} else {
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  browser.context.on('close', () => server.close());
}
