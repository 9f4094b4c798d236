/**
 * Proton Mail end to end in real Chromium: the editor is the real RoosterJS, running in the page and editing a div
 * inside a srcless, script-less iframe, reached from the top frame (spec/webmail.md §1c).
 */
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { chromiumPath } from './support/chromium';
import { describeWebmail } from './support/webmail';

const chips = (page: Page) =>
  page.$$eval('section.composer:first-child [data-testid^="composer-addresses-item"]', (els) =>
    els.map((el) => el.textContent),
  );

describe.skipIf(!chromiumPath)('Proton Mail compose (Chromium, dist-e2e, RoosterJS in an iframe)', () => {
  describeWebmail({
    site: 'proton',
    frame: 'iframe[data-testid="rooster-iframe"]',
    body: '#rooster-editor',
    plainBody: { body: 'textarea[data-testid="editor-textarea"]' },
    // RoosterJS's model keeps no class names, so the signature is known by its text.
    signature: 'Sent with Proton Mail secure email.',
    quote: 'Could you send me the link',
    subjectInput: 'input[data-testid="composer:subject"]',
    chips,
    method: 'paste',
    model: (page, index) => page.evaluate((i) => window.roosterHtml(i), index),
  });
});
