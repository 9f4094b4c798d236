/**
 * Renders a message template into an email draft: a plain-text subject, an escaped HTML body and its plain-text twin.
 * Placeholders are `{{name}}` or `{{name|fallback}}`; values are always text, never markup, and never re-expanded.
 */
import { type Problem, TemplateError } from './problem';
import type { Draft, DraftValues, Template } from './types';

export const PLACEHOLDERS = ['customerName', 'contactName', 'partnerName', 'senderName', 'link'] as const;

export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/**
 * Problems of a template name their `field`, `subject` or `body` (codes empty, missing-link, unknown-placeholder,
 * unclosed-placeholder; the message names the placeholder); a value missing for a draft (missing-value) names the
 * value's placeholder as its `field`.
 */
type Where = 'subject' | 'body';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use both between tags and inside a double- or single-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

type Token = { kind: 'text'; text: string } | { kind: 'slot'; name: PlaceholderName; fallback?: string };

interface Scan {
  tokens: Token[];
  problems: Problem[];
}

function isPlaceholder(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function unknownProblem(where: Where, name: string): Problem {
  // A case slip (`{{Link}}`) is the likeliest mistake, so name the intended placeholder.
  const near = PLACEHOLDERS.find((p) => p.toLowerCase() === name.toLowerCase());
  const hint = near ? ` Did you mean {{${near}}}?` : ` Known placeholders: ${PLACEHOLDERS.join(', ')}.`;
  return {
    field: where,
    code: 'unknown-placeholder',
    message: `The ${where} uses an unknown placeholder {{${name}}}.${hint}`,
  };
}

function unclosedProblem(where: Where, source: string, at: number): Problem {
  const snippet = source.slice(at, at + 20);
  return {
    field: where,
    code: 'unclosed-placeholder',
    message: `The ${where} has a "{{" that is never closed with "}}" (near "${snippet}").`,
  };
}

/** Splits one line into literal text and placeholders. A placeholder never spans lines or nests. */
function scanLine(source: string, where: Where): Scan {
  const tokens: Token[] = [];
  const problems: Problem[] = [];
  let textStart = 0;
  let i = 0;
  for (let open = source.indexOf('{{', i); open >= 0; open = source.indexOf('{{', i)) {
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      // `{{{link}}}`: the extra brace is literal text, not an unclosed placeholder.
      if (nextOpen !== open + 1) problems.push(unclosedProblem(where, source, open));
      i = open + 1;
      continue;
    }
    const inner = source.slice(open + 2, close);
    const bar = inner.indexOf('|');
    const name = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    i = close + 2;
    if (!isPlaceholder(name)) {
      problems.push(unknownProblem(where, name));
      continue;
    }
    tokens.push({ kind: 'text', text: source.slice(textStart, open) });
    tokens.push(
      bar < 0 ? { kind: 'slot', name } : { kind: 'slot', name, fallback: inner.slice(bar + 1).trim() },
    );
    textStart = i;
  }
  tokens.push({ kind: 'text', text: source.slice(textStart) });
  return { tokens, problems };
}

function normaliseNewlines(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/** The subject is one line: line breaks in the template become spaces. */
function subjectLine(subject: string): string {
  return normaliseNewlines(subject)
    .replace(/[^\S\n]*\n\s*/g, ' ')
    .trim();
}

/** Paragraphs are separated by one or more blank (empty or whitespace-only) lines; each is a list of lines. */
function paragraphs(body: string): string[][] {
  return normaliseNewlines(body)
    .split(/\n(?:[^\S\n]*\n)+/)
    .map((p) => p.split('\n').map((line) => line.trimEnd()));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.code}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Everything wrong with a template, for the editor to show live. An empty list means it renders. */
export function checkTemplate(template: Template): Problem[] {
  const problems: Problem[] = [];
  const subject = subjectLine(template.subject ?? '');
  if (subject === '') problems.push({ field: 'subject', code: 'empty', message: 'The subject is empty.' });
  problems.push(...scanLine(subject, 'subject').problems);

  const body = template.body ?? '';
  if (body.trim() === '') problems.push({ field: 'body', code: 'empty', message: 'The body is empty.' });
  let hasLink = false;
  for (const line of paragraphs(body).flat()) {
    const scan = scanLine(line, 'body');
    problems.push(...scan.problems);
    if (scan.tokens.some((t) => t.kind === 'slot' && t.name === 'link')) hasLink = true;
  }
  if (!hasLink) {
    problems.push({
      field: 'body',
      code: 'missing-link',
      message: 'The body must contain {{link}}: the invitation cannot be accepted without it.',
    });
  }
  return dedupe(problems);
}

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** A draft is never produced without its link or the names it is addressed between. */
function checkValues(values: DraftValues): Problem[] {
  const problems: Problem[] = [];
  const required: [PlaceholderName, string][] = [
    ['link', 'the invitation link'],
    ['customerName', "the customer's name"],
    ['partnerName', "the partner's name"],
  ];
  for (const [name, label] of required) {
    if (blank(values[name])) {
      problems.push({ field: name, code: 'missing-value', message: `No value for ${label}.` });
    }
  }
  // Escaping stops markup, not a script URL in href: only web links (or scheme-less text, a relative href) become
  // anchors. The scheme is read by a URL parser, as the browser reads the href, so `java\tscript:` (the parser
  // drops tabs and line breaks) is caught too.
  const scheme = linkScheme(values.link ?? '');
  if (scheme !== undefined && scheme !== 'https:' && scheme !== 'http:') {
    problems.push({
      field: 'link',
      code: 'missing-value',
      message: `The invitation link must be a web address, not a "${scheme}" link.`,
    });
  }
  return problems;
}

/** The scheme a browser would give this href (`https:`), or undefined when it is not an absolute URL at all. */
function linkScheme(link: string): string | undefined {
  try {
    return new URL(link.trim()).protocol.toLowerCase();
  } catch {
    return undefined;
  }
}

type Segment = { kind: 'text'; text: string } | { kind: 'link'; url: string };

interface Resolved {
  link: string;
  text: Partial<Record<PlaceholderName, string>>;
}

/** Names are one-line text; a blank optional value counts as missing so its fallback applies. */
function resolveValues(values: DraftValues): Resolved {
  const text: Partial<Record<PlaceholderName, string>> = {};
  for (const name of PLACEHOLDERS) {
    const raw = values[name];
    if (name === 'link' || typeof raw !== 'string') continue;
    const clean = raw.replace(/\s+/g, ' ').trim();
    if (clean !== '') text[name] = clean;
  }
  return { link: values.link.trim(), text };
}

function segments(tokens: Token[], values: Resolved): Segment[] {
  return tokens.map((t): Segment => {
    if (t.kind === 'text') return t;
    if (t.name === 'link') return { kind: 'link', url: values.link };
    return { kind: 'text', text: values.text[t.name] ?? t.fallback ?? '' };
  });
}

function plain(segs: Segment[]): string {
  return segs.map((s) => (s.kind === 'text' ? s.text : s.url)).join('');
}

function html(segs: Segment[]): string {
  return segs
    .map((s) => {
      if (s.kind === 'text') return escapeHtml(s.text);
      const url = escapeHtml(s.url);
      return `<a href="${url}">${url}</a>`;
    })
    .join('');
}

/** Renders the body; a line (or paragraph) left empty by a missing optional value is dropped, not kept blank. */
function renderBody(body: string, values: Resolved): { html: string; text: string } {
  const htmlParas: string[] = [];
  const textParas: string[] = [];
  for (const para of paragraphs(body)) {
    const lines = para
      .map((line) => segments(scanLine(line, 'body').tokens, values))
      .filter((segs) => plain(segs).trim() !== '');
    if (lines.length === 0) continue;
    htmlParas.push(`<p>${lines.map(html).join('<br>')}</p>`);
    textParas.push(lines.map((segs) => plain(segs).trimEnd()).join('\n'));
  }
  return { html: htmlParas.join('\n'), text: textParas.join('\n\n') };
}

/** Renders a draft, or throws a `TemplateError` listing every problem with the template and the values. */
export function renderDraft(template: Template, values: DraftValues): Draft {
  const problems = [...checkTemplate(template), ...checkValues(values)];
  if (problems.length > 0) throw new TemplateError(problems);
  const resolved = resolveValues(values);
  // Only line breaks are collapsed: a no-break space (French ' :') must survive.
  const subject = plain(segments(scanLine(subjectLine(template.subject), 'subject').tokens, resolved))
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  return { subject, ...renderBody(template.body, resolved) };
}
