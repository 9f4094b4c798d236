/** Yahoo Mail end to end in real Chromium (dist-e2e, fixtures served at https://mail.yahoo.com). */
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { chromiumPath } from './support/chromium';
import { describeWebmail } from './support/webmail';

const chips = (page: Page) =>
  page.$$eval('[data-test-id="compose"]:first-child [data-test-id="pill-text"]', (els) =>
    els.map((el) => el.textContent),
  );

describe.skipIf(!chromiumPath)('Yahoo Mail compose (Chromium, dist-e2e)', () => {
  describeWebmail({
    site: 'yahoo',
    body: '[data-test-id="rte"]',
    signature: 'class="signature"',
    quote: 'Could you send me the link',
    subjectInput: 'input[data-test-id="compose-subject"]',
    chips,
    method: 'execCommand',
  });
});
