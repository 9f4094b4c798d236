/**
 * The dependency rule of docs/architecture.md ("Layers", "The dependency rule, and why"), checked on every test run
 * rather than remembered: the table in that document is the rule, read here row by row, so the document and the
 * check cannot drift apart. Every import counts: static, dynamic `import()`, re-exports and side-effect imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';

interface Rule {
  layers: string[];
  packages: string[];
  /** Whether the layer may import a built file by path (`?script`): a build step, not a code link. */
  scripts: boolean;
}

/** The "Layers" table of docs/architecture.md: each row's layer, and what its last cell names in backticks. */
function rules(): Record<string, Rule> {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Layers'), doc.indexOf('## The dependency rule'));
  const rows = section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const names = rows.map((cells) => (cells[1] ?? '').replace(/`/g, '').replace(/\.ts$/, ''));
  return Object.fromEntries(
    rows.map((cells, i) => {
      const cell = cells[cells.length - 2] ?? '';
      // Parentheses only explain (`liveQuery` only, `dexie-store.ts`): they name no layer or package.
      const named = [...cell.replace(/\([^)]*\)/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
      const rule: Rule = {
        layers: named.filter((n) => names.includes(n)),
        packages: named.filter((n) => !names.includes(n)),
        scripts: cell.includes('`?script`'),
      };
      return [names[i] as string, rule];
    }),
  );
}

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

const IMPORTS = [
  /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm, // import … from, export … from
  /^\s*import\s+['"]([^'"]+)['"]/gm, // import 'side-effect'
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('dynamic')
];

function imports(text: string): string[] {
  return IMPORTS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ''));
}

const packageOf = (spec: string): string =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? '');

const RULES = rules();
const sources = files(SRC);

describe('dependency direction', () => {
  it('reads a rule for every layer, and every folder of src/ is a layer with a rule', () => {
    expect(Object.keys(RULES).sort()).toEqual(
      [
        'background',
        'content',
        'core',
        'db',
        'messages',
        'options',
        'platform',
        'popup',
        'sync',
        'ui',
      ].sort(),
    );
    expect([...new Set(sources.map(layer))].sort()).toEqual(Object.keys(RULES).sort());
    expect(RULES.core).toEqual({ layers: ['core'], packages: [], scripts: false });
    expect(RULES.platform?.packages).toEqual(['webextension-polyfill']);
  });

  it('sees every kind of import', () => {
    const text = [
      "import { a } from '../core/a';",
      "import type { B } from './b';",
      "export * from '../db/c';",
      "import './d.css';",
      "const e = () => import('../ui/e');",
    ].join('\n');
    expect(imports(text).sort()).toEqual(['../core/a', '../db/c', '../ui/e', './b', './d.css'].sort());
  });

  it('nothing imports popup, options or background', () => {
    for (const [from, rule] of Object.entries(RULES)) {
      for (const top of ['popup', 'options', 'background']) {
        if (from !== top) expect(rule.layers, `${from} may import ${top}`).not.toContain(top);
      }
    }
  });

  for (const file of sources) {
    it(`${file} imports only what its layer may`, () => {
      const rule = RULES[layer(file)];
      if (!rule) throw new Error(`no rule for ${file}`);
      for (const spec of imports(readFileSync(file, 'utf8'))) {
        if (spec.includes('?script')) {
          expect(rule.scripts, `${file} imports a built script ${spec}`).toBe(true);
        } else if (spec.startsWith('.')) {
          const target = layer(normalize(join(dirname(file), spec)));
          expect(rule.layers, `${file} imports ${spec}`).toContain(target);
        } else {
          expect(rule.packages, `${file} imports package ${spec}`).toContain(packageOf(spec));
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
