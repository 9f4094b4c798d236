/**
 * The one owner of the stored templates (settings row `templates`): the partner's own template per language, the
 * shipped default for the others. A stored template that does not read, or no longer renders, falls back to the
 * default for that language only, and the problem is reported so the partner sees why the default shows.
 */
import { defaultTemplate } from './default-templates';
import type { Parsed, Problem } from './problem';
import { isPlainObject, parseObject, type Shape, text } from './shape';
import { checkTemplate } from './template';
import type { Language, Template } from './types';

export type TemplateOverrides = Partial<Record<Language, Template>>;

export const LANGUAGES: readonly Language[] = ['en', 'fr'];
/** A subject line past a few hundred characters is cut by every mail client; a body of pages is not an invitation. */
export const SUBJECT_MAX = 300;
export const BODY_MAX = 20_000;

const TEMPLATE_SHAPE: Shape<Template> = { subject: text(SUBJECT_MAX), body: text(BODY_MAX) };

/** Types and lengths of one template; `field` is the language, so the notice says which one. */
export function parseTemplateShape(value: unknown, lang: Language): Parsed<Template> {
  const r = parseObject(value, TEMPLATE_SHAPE, { what: `${lang} template` });
  if (r.ok) return r;
  return {
    ok: false,
    problems: r.problems.map((p) => ({
      ...p,
      field: lang,
      message: `${lang.toUpperCase()} template: ${p.message}`,
    })),
  };
}

/** One template as it will be used: it reads and it renders (has `{{link}}`, known placeholders). */
export function parseTemplate(value: unknown, lang: Language): Parsed<Template> {
  const shape = parseTemplateShape(value, lang);
  if (!shape.ok) return shape;
  const problems = checkTemplate(shape.value);
  if (problems.length === 0) return shape;
  return {
    ok: false,
    problems: problems.map((p) => ({
      field: lang,
      code: p.code,
      message: `${lang.toUpperCase()} template: ${p.message}`,
    })),
  };
}

export interface ReadOverrides {
  /** The templates that read and render; a language missing here uses the default. */
  overrides: TemplateOverrides;
  /** Why a stored template is not used, one or more per broken language (`field` is the language). */
  problems: Problem[];
}

/** The stored overrides as the pages use them: broken languages left out (default in force) and reported. */
export function readTemplateOverrides(value: unknown): ReadOverrides {
  if (value === undefined || value === null) return { overrides: {}, problems: [] };
  if (!isPlainObject(value)) {
    const message =
      'The stored templates are not readable; the default templates are used until you save or reset.';
    return { overrides: {}, problems: [{ code: 'not-an-object', message }] };
  }
  const overrides: TemplateOverrides = {};
  const problems: Problem[] = [];
  for (const lang of LANGUAGES) {
    if (!Object.hasOwn(value, lang) || value[lang] === null || value[lang] === undefined) continue;
    const r = parseTemplate(value[lang], lang);
    if (r.ok) overrides[lang] = r.value;
    else problems.push(...r.problems);
  }
  return { overrides, problems };
}

/**
 * The whole stored value, for a backup or another browser: every language must read (types and lengths; whether
 * it renders is the reader's concern, which falls back per language). `keepUnknown` keeps a newer version's
 * languages (sync); otherwise only the languages this version knows are kept.
 */
export function parseTemplateOverrides(
  value: unknown,
  options: { keepUnknown?: boolean } = {},
): Parsed<TemplateOverrides> {
  if (!isPlainObject(value)) {
    return { ok: false, problems: [{ code: 'not-an-object', message: 'The templates are not an object.' }] };
  }
  const out: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if ((LANGUAGES as readonly string[]).includes(key)) {
      const r = parseTemplateShape(v, key as Language);
      if (r.ok) out[key] = r.value;
      else problems.push(...r.problems);
    } else if (options.keepUnknown && key !== '__proto__' && key !== 'constructor' && key !== 'prototype') {
      out[key] = v;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out as TemplateOverrides };
}

/** The template in force for a language: the partner's saved one, else the default. */
export function effectiveTemplate(overrides: TemplateOverrides, lang: Language): Template {
  return overrides[lang] ?? defaultTemplate(lang);
}
