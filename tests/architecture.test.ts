/**
 * The dependency direction of DESIGN.md, checked on every test run rather than remembered:
 * core ← db ← sync ← background; core + platform/messages ← content; core + db + platform ← popup, options (and ui,
 * which they share). Only platform.ts imports webextension-polyfill; nothing imports popup, options or background.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  db: ['core', 'db'],
  sync: ['core', 'db', 'sync', 'platform'],
  background: ['core', 'db', 'sync', 'background', 'platform', 'messages'],
  content: ['core', 'content', 'platform', 'messages'],
  ui: ['core', 'db', 'ui', 'platform', 'messages'],
  popup: ['core', 'db', 'ui', 'popup', 'platform', 'messages'],
  options: ['core', 'db', 'ui', 'options', 'platform', 'messages'],
  platform: [],
  // messages names the sync status type of `sync.status` (a type-only import).
  messages: ['platform', 'core'],
};
const PACKAGES: Record<string, string[]> = {
  core: [],
  content: [],
  db: ['dexie'],
  platform: ['webextension-polyfill'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** The layer of a source file: its first folder under src/, or its name for top-level files. */
function layer(path: string): string {
  const [first = ''] = relative(SRC, path).split(/[\\/]/);
  return first.replace(/\.tsx?$/, '');
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
}

const sources = files(SRC);

describe('dependency direction', () => {
  it('finds the layers it checks', () => {
    expect([...new Set(sources.map(layer))]).toEqual(
      expect.arrayContaining(['core', 'db', 'popup', 'options']),
    );
  });

  for (const file of sources) {
    it(`${file} imports only what its layer may`, () => {
      const from = layer(file);
      const allowed = ALLOWED[from];
      expect(allowed, `no rule for layer ${from}`).toBeDefined();
      for (const spec of imports(file)) {
        // `?script` imports yield a built file's path for scripting.executeScript: a build step, not a code link.
        if (spec.includes('?script')) continue;
        if (spec.startsWith('.')) {
          const target = layer(normalize(join(dirname(file), spec)));
          expect(allowed, `${file} imports ${spec}`).toContain(target);
        } else if (from in PACKAGES) {
          const name = spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : (spec.split('/')[0] ?? '');
          expect(PACKAGES[from], `${file} imports package ${spec}`).toContain(name);
        } else {
          expect(spec, `${file}: only platform.ts may import the polyfill`).not.toBe('webextension-polyfill');
        }
      }
    });
  }
});

describe('pages take the database from ui/page-db.ts', () => {
  // Loading page-db.ts tells the worker of every write: a page that took `db` from db/db.ts could write unseen.
  const pages = sources.filter((f) => ['ui', 'popup', 'options'].includes(layer(f)));
  for (const file of pages.filter((f) => !f.endsWith(join('ui', 'page-db.ts')))) {
    it(`${file} imports no value from db/db.ts`, () => {
      const text = readFileSync(file, 'utf8');
      const values = [...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
        .map((m) => m[1] ?? '')
        .filter(
          (spec) => spec.startsWith('.') && normalize(join(dirname(file), spec)) === join(SRC, 'db', 'db'),
        );
      expect(values, `${file} imports db/db.ts`).toEqual([]);
    });
  }
});
