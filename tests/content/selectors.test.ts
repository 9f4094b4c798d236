// @vitest-environment happy-dom
/**
 * The selector data, walked as data (docs/webmail.md, "When a site changes"): every adapter is registered, every
 * selector names its public evidence and matches in at least one fixture of its site, and every fixture says what it
 * was built from. When a site changes, docs/webmail.md and these files are what a maintainer updates together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Selector } from '../../src/content/adapter';
import { ADAPTERS } from '../../src/content/index';
import { loadHtml, URLS } from './load';

const FIXTURES = 'tests/fixtures/webmail';
const SITES = Object.keys(URLS) as (keyof typeof URLS)[];

const files = (site: string, ext: string): string[] =>
  readdirSync(join(FIXTURES, site)).filter((f) => f.endsWith(ext));

/** The page, and the editor-frame documents a fixture keeps in `<template data-frame>` for its script to write. */
function documents(site: keyof typeof URLS, file: string): { page: Document; frames: ParentNode[] } {
  const page = loadHtml(URLS[site], readFileSync(join(FIXTURES, site, file), 'utf8'));
  const frames = [...page.querySelectorAll<HTMLTemplateElement>('template[data-frame]')].map(
    (t) => t.content,
  );
  return { page, frames };
}

function matches(site: keyof typeof URLS, selector: Selector): number {
  return files(site, '.html').reduce((n, file) => {
    const { page, frames } = documents(site, file);
    const roots: ParentNode[] = selector.frame ? frames : [page];
    return n + roots.reduce((m, root) => m + root.querySelectorAll(selector.css).length, 0);
  }, 0);
}

describe('webmail adapters as data', () => {
  it('registers one adapter per supported site, and every adapter file in src/content', () => {
    expect(ADAPTERS.map((a) => a.site).sort()).toEqual([...SITES].sort());
    const declared = readdirSync('src/content').filter((f) =>
      /satisfies WebmailAdapter/.test(readFileSync(join('src/content', f), 'utf8')),
    );
    expect(declared.map((f) => f.replace('.ts', '')).sort()).toEqual(ADAPTERS.map((a) => a.site).sort());
  });

  describe.each(ADAPTERS.map((a) => [a.site, a] as const))('%s', (site, adapter) => {
    const entries = Object.entries(adapter.selectors).concat(
      adapter.markers ? [['markers', adapter.markers]] : [],
    );

    it('names the public evidence and a confidence for every selector', () => {
      for (const [name, selector] of entries) {
        expect(selector.source.length, `${site}.${name} source`).toBeGreaterThan(10);
        expect(['high', 'medium', 'low'], `${site}.${name} confidence`).toContain(selector.confidence);
        expect(selector.source, `${site}.${name} cites our own model`).not.toMatch(/unverified|spec\//);
      }
    });

    it.each(entries)('selector %s matches in at least one fixture', (_, selector) => {
      if (selector === adapter.markers) return; // custom-domain markers are checked in tests/e2e/webmail-security
      expect(matches(site, selector)).toBeGreaterThan(0);
    });
  });

  it.each(SITES.flatMap((site) => [...files(site, '.html'), ...files(site, '.js')].map((f) => [site, f])))(
    '%s/%s opens with a comment naming what it was built from',
    (site, file) => {
      const text = readFileSync(join(FIXTURES, site, file), 'utf8');
      const head = text.slice(0, 2500);
      const comment = file.endsWith('.js')
        ? head.match(/^(\/\/[^\n]*\n)+|^\/\*[\s\S]*?\*\//)?.[0]
        : head.match(/<!--(?![^>]*biome-ignore)[\s\S]*?-->/)?.[0];
      expect(comment ?? '').toMatch(/Built from:/);
    },
  );
});
