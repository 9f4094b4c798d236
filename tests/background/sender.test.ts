import { describe, expect, it } from 'vitest';
import { isExtensionPage } from '../../src/background/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const own = { id: ID, baseUrl: `chrome-extension://${ID}/` };
const page = (path: string) => `chrome-extension://${ID}/${path}`;

describe('isExtensionPage (the worker trusts only its own pages)', () => {
  it('accepts the popup and the options page, also when the page sits in a tab', () => {
    expect(isExtensionPage({ id: ID, url: page('src/popup/index.html') }, own)).toBe(true);
    const tab = { id: 7, index: 0, active: true, highlighted: true, pinned: false, incognito: false };
    const url = page('src/options/index.html#customers');
    expect(isExtensionPage({ id: ID, url, tab: { ...tab, url } }, own)).toBe(true);
  });

  it('refuses another extension, even one naming a URL under ours', () => {
    const other = 'ponmlkjihgfedcbaponmlkjihgfedcba';
    expect(isExtensionPage({ id: other, url: `chrome-extension://${other}/page.html` }, own)).toBe(false);
    expect(isExtensionPage({ id: other, url: page('src/popup/index.html') }, own)).toBe(false);
  });

  it('refuses a content script (our id, but a tab showing a web page)', () => {
    const tab = { id: 3, index: 0, active: true, highlighted: true, pinned: false, incognito: false };
    const url = 'https://mail.google.com/mail/u/0/#inbox';
    expect(isExtensionPage({ id: ID, url, tab: { ...tab, url } }, own)).toBe(false);
    expect(isExtensionPage({ id: ID, tab: { ...tab, url: 'http://intranet.example/' } }, own)).toBe(false);
    expect(isExtensionPage({ id: ID, url: 'https://outlook.office.com/mail/' }, own)).toBe(false);
  });

  it('refuses a sender with no id or no URL, and an id that only starts like ours', () => {
    expect(isExtensionPage({ url: page('src/popup/index.html') }, own)).toBe(false);
    expect(isExtensionPage({ id: ID }, own)).toBe(false);
    const longer = `${ID}x`;
    expect(isExtensionPage({ id: ID, url: `chrome-extension://${longer}/src/popup/index.html` }, own)).toBe(
      false,
    );
  });
});
