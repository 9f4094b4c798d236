import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { type Problem, TemplateError } from '../../src/core/problem';
import { checkTemplate, escapeHtml, PLACEHOLDERS, renderDraft } from '../../src/core/template';
import type { DraftValues, Template } from '../../src/core/types';

const LINK =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship' +
  '&partnerId=0b9b5b4e-1c7b-4f0e-9a55-2f0f7d0c8a11&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

const values: DraftValues = {
  customerName: 'Fabrikam Ltd',
  contactName: 'Jane Doe',
  partnerName: 'Contoso Partners',
  senderName: 'Sam Smith',
  link: LINK,
};

const simple: Template = { subject: 'Invite for {{customerName}}', body: 'Hi {{contactName}},\n\n{{link}}' };

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "' onmouseover='x", 'A & B'];

/** Reads an attribute value the way a browser does for the five entities escapeHtml emits. */
function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => {
    expect(m[2]).toBe(m[1]);
    return unescapeHtml(m[1] ?? '');
  });
}

/** The placeholder a problem's message names first (`{{name}}`). */
const named = (message: string) => /\{\{([^}]*)\}\}/.exec(message)?.[1];

function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    expect(e).toBeInstanceOf(Error);
    return (e as TemplateError).problems;
  }
  throw new Error('expected a TemplateError');
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes an existing entity again instead of trusting it', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves other text alone', () => {
    expect(escapeHtml('Société Générale — 100 %')).toBe('Société Générale — 100 %');
  });
});

describe('PLACEHOLDERS', () => {
  it('lists exactly the five placeholder names', () => {
    expect([...PLACEHOLDERS].sort()).toEqual([
      'contactName',
      'customerName',
      'link',
      'partnerName',
      'senderName',
    ]);
  });
});

describe('renderDraft: values', () => {
  it('fills every placeholder in subject, html and text', () => {
    const t: Template = {
      subject: '{{partnerName}} for {{customerName}} ({{contactName}}, {{senderName}})',
      body: '{{customerName}} {{contactName}} {{partnerName}} {{senderName}}\n\n{{link}}',
    };
    const d = renderDraft(t, values);
    expect(d.subject).toBe('Contoso Partners for Fabrikam Ltd (Jane Doe, Sam Smith)');
    expect(d.text).toBe(`Fabrikam Ltd Jane Doe Contoso Partners Sam Smith\n\n${LINK}`);
    expect(d.html).toBe(
      `<p>Fabrikam Ltd Jane Doe Contoso Partners Sam Smith</p>\n<p><a href="${escapeHtml(LINK)}">` +
        `${escapeHtml(LINK)}</a></p>`,
    );
  });

  it('accepts spaces inside the braces', () => {
    const d = renderDraft(
      { subject: '{{ partnerName }}', body: 'Hi {{  customerName }}\n{{ link }}' },
      values,
    );
    expect(d.subject).toBe('Contoso Partners');
    expect(d.text).toBe(`Hi Fabrikam Ltd\n${LINK}`);
    expect(hrefs(d.html)).toEqual([LINK]);
  });

  it.each(HOSTILE)('escapes the hostile value %s in every field of the html', (bad) => {
    const hostile: DraftValues = {
      customerName: bad,
      contactName: bad,
      partnerName: bad,
      senderName: bad,
      link: LINK,
    };
    const t: Template = {
      subject: '{{customerName}}',
      body: '{{customerName}}|{{contactName}}|{{partnerName}}|{{senderName}}\n\n{{link}}',
    };
    const d = renderDraft(t, hostile);
    const esc = escapeHtml(bad);
    expect(d.html).toContain(`<p>${esc}|${esc}|${esc}|${esc}</p>`);
    expect(d.html).not.toContain(bad.includes('<') ? '<img' : bad);
    expect(d.html).not.toContain('<script');
    // Plain outputs carry the name as typed: they are never parsed as HTML.
    expect(d.subject).toBe(bad);
    expect(d.text).toBe(`${bad}|${bad}|${bad}|${bad}\n\n${LINK}`);
  });

  it('the only elements in the html are p, br and a', () => {
    const t: Template = { subject: 's', body: '{{customerName}}\n{{contactName}}\n\n{{link}}' };
    const d = renderDraft(t, { ...values, customerName: HOSTILE[0] ?? '', contactName: HOSTILE[1] });
    const tags = [...d.html.matchAll(/<\/?([a-z]+)/gi)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['p', 'br', 'a']));
  });

  it('escapes template text too, never treating it as markup', () => {
    const t: Template = { subject: '<b>Hi</b>', body: '<b>bold</b> & "quotes" \'x\'\n\n{{link}}' };
    const d = renderDraft(t, values);
    expect(d.html).toContain('<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &#39;x&#39;</p>');
    expect(d.subject).toBe('<b>Hi</b>');
    expect(d.text.startsWith('<b>bold</b> & "quotes" \'x\'\n\n')).toBe(true);
  });

  it('does not turn a URL in template text into a link', () => {
    const t: Template = { subject: 's', body: 'See https://example.com/?a=1&b=2\n\n{{link}}' };
    const d = renderDraft(t, values);
    expect(d.html).toContain('<p>See https://example.com/?a=1&amp;b=2</p>');
    expect(hrefs(d.html)).toEqual([LINK]);
  });

  it('never re-expands a value that looks like a placeholder', () => {
    const t: Template = {
      subject: '{{customerName}} {{contactName}}',
      body: '{{customerName}} / {{contactName}}\n\n{{link}}',
    };
    const d = renderDraft(t, { ...values, customerName: '{{link}}', contactName: '{{partnerName}}' });
    expect(d.subject).toBe('{{link}} {{partnerName}}');
    expect(d.text).toBe(`{{link}} / {{partnerName}}\n\n${LINK}`);
    expect(d.html).toContain('<p>{{link}} / {{partnerName}}</p>');
    expect(hrefs(d.html)).toEqual([LINK]);
    expect(d.text.split(LINK)).toHaveLength(2);
  });

  it('collapses whitespace inside names to single spaces', () => {
    const d = renderDraft(simple, {
      ...values,
      customerName: '  Fabrikam\r\n  Ltd ',
      contactName: 'Jane\nDoe',
    });
    expect(d.subject).toBe('Invite for Fabrikam Ltd');
    expect(d.text).toBe(`Hi Jane Doe,\n\n${LINK}`);
  });
});

describe('renderDraft: the link', () => {
  it('renders an anchor whose href and text read back as exactly the link', () => {
    const d = renderDraft(simple, values);
    expect(d.html).toContain('&amp;partnerId=');
    expect(d.html).not.toMatch(/href="[^"]*&(?!amp;)/);
    expect(hrefs(d.html)).toEqual([LINK]);
  });

  it('survives a real HTML parser unchanged', () => {
    const d = renderDraft(simple, { ...values, link: `${LINK}&x="'<>` });
    const window = new Window();
    const div = window.document.createElement('div');
    div.innerHTML = d.html;
    const anchors = div.querySelectorAll('a');
    expect(anchors).toHaveLength(1);
    expect(anchors[0]?.getAttribute('href')).toBe(`${LINK}&x="'<>`);
    expect(anchors[0]?.textContent).toBe(`${LINK}&x="'<>`);
    window.close();
  });

  it('renders every {{link}} as its own anchor', () => {
    const d = renderDraft({ subject: 's', body: 'A {{link}}\n\nB {{link}} and {{link}}' }, values);
    expect(hrefs(d.html)).toEqual([LINK, LINK, LINK]);
    expect(d.text).toBe(`A ${LINK}\n\nB ${LINK} and ${LINK}`);
  });

  it('keeps the link bare in text and subject', () => {
    const d = renderDraft({ subject: 'Open {{link}}', body: '{{link}}' }, values);
    expect(d.subject).toBe(`Open ${LINK}`);
    expect(d.text).toBe(LINK);
    expect(d.subject).not.toContain('&amp;');
    expect(d.text).not.toContain('<a');
  });

  it('trims whitespace around the link value', () => {
    const d = renderDraft(simple, { ...values, link: `  ${LINK}\n` });
    expect(hrefs(d.html)).toEqual([LINK]);
  });

  it('ignores a fallback on the link', () => {
    const d = renderDraft({ subject: 's', body: '{{link|nothing}}' }, values);
    expect(d.text).toBe(LINK);
  });
});

describe('renderDraft: paragraphs and lines', () => {
  it('makes one <p> per paragraph and <br> for a single line break', () => {
    const t: Template = { subject: 's', body: 'one\ntwo\n\nthree\n\n{{link}}' };
    const d = renderDraft(t, values);
    expect(d.html).toBe(
      `<p>one<br>two</p>\n<p>three</p>\n<p><a href="${escapeHtml(LINK)}">${escapeHtml(LINK)}</a></p>`,
    );
    expect(d.text).toBe(`one\ntwo\n\nthree\n\n${LINK}`);
  });

  it('treats several blank or whitespace-only lines as one separator', () => {
    const d = renderDraft({ subject: 's', body: '\n\none\n \t\n\n   \ntwo\n\n\n{{link}}\n\n' }, values);
    expect(d.html.match(/<p>/g)).toHaveLength(3);
    expect(d.text).toBe(`one\n\ntwo\n\n${LINK}`);
  });

  it('normalises CRLF and lone CR', () => {
    const crlf = renderDraft({ subject: 'a\r\nb', body: 'one\r\ntwo\r\n\r\n{{link}}' }, values);
    const cr = renderDraft({ subject: 'a\rb', body: 'one\rtwo\r\r{{link}}' }, values);
    const lf = renderDraft({ subject: 'a\nb', body: 'one\ntwo\n\n{{link}}' }, values);
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
    expect(lf.html).toContain('<p>one<br>two</p>');
    expect(lf.text).not.toContain('\r');
  });

  it('drops trailing spaces on a line', () => {
    const d = renderDraft({ subject: 's', body: 'one   \ntwo\n\n{{link}}' }, values);
    expect(d.text).toBe(`one\ntwo\n\n${LINK}`);
    expect(d.html).toContain('<p>one<br>two</p>');
  });

  it('drops a line or paragraph left empty by a missing optional value', () => {
    const t: Template = {
      subject: 's',
      body: 'Regards,\n{{senderName}}\n{{partnerName}}\n\n{{contactName}}\n\n{{link}}',
    };
    const d = renderDraft(t, { ...values, senderName: undefined, contactName: '  ' });
    expect(d.text).toBe(`Regards,\nContoso Partners\n\n${LINK}`);
    expect(d.html).not.toContain('<p></p>');
    expect(d.html).not.toContain('<br><br>');
    expect(d.html).toContain('<p>Regards,<br>Contoso Partners</p>');
  });
});

describe('renderDraft: subject', () => {
  it('is one line: newlines in the template become single spaces', () => {
    const d = renderDraft({ subject: '  Hello\n  {{customerName}}\r\n\r\nnow  ', body: '{{link}}' }, values);
    expect(d.subject).toBe('Hello Fabrikam Ltd now');
  });

  it('is plain text, not escaped', () => {
    const d = renderDraft({ subject: 'A & B <{{customerName}}>', body: '{{link}}' }, values);
    expect(d.subject).toBe('A & B <Fabrikam Ltd>');
  });
});

describe('renderDraft: fallbacks', () => {
  const t: Template = {
    subject: 'Hi {{contactName|team}}',
    body: 'Hello {{contactName|there}},\n\n{{link}}',
  };

  it('uses the value when present', () => {
    const d = renderDraft(t, values);
    expect(d.subject).toBe('Hi Jane Doe');
    expect(d.text).toBe(`Hello Jane Doe,\n\n${LINK}`);
  });

  it('uses the fallback when the value is missing', () => {
    const d = renderDraft(t, { ...values, contactName: undefined });
    expect(d.subject).toBe('Hi team');
    expect(d.text).toBe(`Hello there,\n\n${LINK}`);
    expect(d.html).toContain('<p>Hello there,</p>');
  });

  it('uses the fallback when the value is blank', () => {
    for (const blank of ['', '   ', '\n\t']) {
      const d = renderDraft(t, { ...values, contactName: blank });
      expect(d.text).toBe(`Hello there,\n\n${LINK}`);
    }
  });

  it('renders a missing or blank value with no fallback as empty', () => {
    const t: Template = { subject: '[{{senderName}}]', body: 'From: {{senderName}}.\n\n{{link}}' };
    expect(renderDraft(t, values).text).toBe(`From: Sam Smith.\n\n${LINK}`);
    for (const senderName of [undefined, '', ' ']) {
      const d = renderDraft(t, { ...values, senderName });
      expect(d.subject).toBe('[]');
      expect(d.text).toBe(`From: .\n\n${LINK}`);
    }
  });

  it('allows a fallback on any placeholder, with spaces around its parts', () => {
    const d = renderDraft(
      { subject: 's', body: '{{ senderName | our team }} / {{customerName|you}}\n\n{{link}}' },
      { ...values, senderName: undefined },
    );
    expect(d.text).toBe(`our team / Fabrikam Ltd\n\n${LINK}`);
  });

  it('allows an empty fallback and escapes a hostile fallback', () => {
    const d = renderDraft(
      { subject: 's', body: 'a{{contactName|}}b {{senderName|<i>x</i>}}\n\n{{link}}' },
      { ...values, contactName: undefined, senderName: undefined },
    );
    expect(d.text).toBe(`ab <i>x</i>\n\n${LINK}`);
    expect(d.html).toContain('<p>ab &lt;i&gt;x&lt;/i&gt;</p>');
  });
});

describe('checkTemplate', () => {
  it('finds nothing wrong with a good template', () => {
    expect(checkTemplate(simple)).toEqual([]);
  });

  it('reports a body without {{link}}', () => {
    const p = checkTemplate({ subject: 's {{link}}', body: 'no link here' });
    expect(p).toEqual([expect.objectContaining({ field: 'body', code: 'missing-link' })]);
    expect(p[0]?.message).toMatch(/\{\{link\}\}/);
  });

  it('reports each unknown placeholder with its name and where it is', () => {
    const p = checkTemplate({ subject: '{{company}}', body: '{{link}} {{Link}} {{foo|bar}}' });
    expect(p.map((x) => [x.field, x.code, named(x.message)])).toEqual([
      ['subject', 'unknown-placeholder', 'company'],
      ['body', 'unknown-placeholder', 'Link'],
      ['body', 'unknown-placeholder', 'foo'],
    ]);
    expect(p[1]?.message).toContain('{{link}}');
  });

  it('reports an empty placeholder name as unknown', () => {
    const p = checkTemplate({ subject: 's', body: '{{link}} {{}} {{ |x}}' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: 'unknown-placeholder' });
    expect(named(p[0]?.message ?? '')).toBe('');
  });

  it('reports the same unknown placeholder once per field', () => {
    const p = checkTemplate({ subject: '{{x}} {{x}}', body: '{{link}} {{x}}\n\n{{x}}' });
    expect(p.map((x) => x.field)).toEqual(['subject', 'body']);
  });

  it('reports an unclosed {{ in subject and body', () => {
    expect(checkTemplate({ subject: 'Hi {{customerName', body: '{{link}}' })).toEqual([
      expect.objectContaining({ field: 'subject', code: 'unclosed-placeholder' }),
    ]);
    expect(checkTemplate({ subject: 's', body: '{{link}} {{contactName' })).toEqual([
      expect.objectContaining({ field: 'body', code: 'unclosed-placeholder' }),
    ]);
  });

  it('does not let a placeholder span lines', () => {
    const p = checkTemplate({ subject: 's', body: '{{link}} {{contact\nName}}' });
    expect(p.map((x) => x.code)).toEqual(['unclosed-placeholder']);
  });

  it('reports an unclosed {{ that is followed by a good placeholder, and still sees the good one', () => {
    const p = checkTemplate({ subject: 's', body: 'Hi {{contactName, {{link}}' });
    expect(p.map((x) => x.code)).toEqual(['unclosed-placeholder']);
  });

  it('treats extra braces as text, not as an unclosed placeholder', () => {
    expect(checkTemplate({ subject: 's', body: '{{{link}}}' })).toEqual([]);
    expect(renderDraft({ subject: 's', body: '{{{link}}}' }, values).text).toBe(`{${LINK}}`);
  });

  it('ignores a stray }}', () => {
    expect(checkTemplate({ subject: 'a }} b', body: '}} {{link}}' })).toEqual([]);
  });

  it('reports an empty or blank subject and body', () => {
    expect(checkTemplate({ subject: '', body: '{{link}}' })).toEqual([
      expect.objectContaining({ field: 'subject', code: 'empty' }),
    ]);
    expect(checkTemplate({ subject: ' \r\n ', body: '{{link}}' })).toEqual([
      expect.objectContaining({ field: 'subject', code: 'empty' }),
    ]);
    const body = checkTemplate({ subject: 's', body: '  \n\n ' });
    expect(body.map((x) => x.code)).toEqual(['empty', 'missing-link']);
    expect(body.every((x) => x.field === 'body')).toBe(true);
  });

  it('lists every problem at once', () => {
    const p = checkTemplate({ subject: '{{nope}} {{partnerName', body: '{{what}} {{customerName' });
    expect(p.map((x) => `${x.field}:${x.code}`)).toEqual([
      'subject:unknown-placeholder',
      'subject:unclosed-placeholder',
      'body:unknown-placeholder',
      'body:unclosed-placeholder',
      'body:missing-link',
    ]);
    for (const x of p) expect(x.message.length).toBeGreaterThan(10);
  });
});

describe('renderDraft: problems', () => {
  it('throws a TemplateError listing all template problems', () => {
    const p = problemsOf(() => renderDraft({ subject: '', body: '{{oops}} {{contactName' }, values));
    expect(p.map((x) => x.code).sort()).toEqual([
      'empty',
      'missing-link',
      'unclosed-placeholder',
      'unknown-placeholder',
    ]);
  });

  it('names the error and puts every message in it', () => {
    try {
      renderDraft({ subject: '{{x}}', body: 'none' }, values);
      expect.unreachable();
    } catch (e) {
      const err = e as TemplateError;
      expect(err.name).toBe('TemplateError');
      expect(err.message).toContain('{{x}}');
      expect(err.message).toContain('{{link}}');
    }
  });

  it.each([
    ['link', ''],
    ['link', '   '],
    ['customerName', ''],
    ['customerName', ' \n'],
    ['partnerName', ''],
  ] as const)('refuses a blank %s (%j)', (name, blank) => {
    const p = problemsOf(() => renderDraft(simple, { ...values, [name]: blank }));
    expect(p).toEqual([expect.objectContaining({ code: 'missing-value', field: name })]);
  });

  it('refuses missing required values even when the template does not use them', () => {
    const bare = { link: LINK } as unknown as DraftValues;
    const p = problemsOf(() => renderDraft({ subject: 's', body: '{{link}}' }, bare));
    expect(p.map((x) => x.field).sort()).toEqual(['customerName', 'partnerName']);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
  ])('refuses the non-web link %s', (link) => {
    const p = problemsOf(() => renderDraft(simple, { ...values, link }));
    expect(p).toEqual([expect.objectContaining({ code: 'missing-value', field: 'link' })]);
  });

  it('accepts http and https links', () => {
    expect(hrefs(renderDraft(simple, { ...values, link: 'http://example.com/a?b=1&c=2' }).html)).toEqual([
      'http://example.com/a?b=1&c=2',
    ]);
  });

  it('lists template and value problems together', () => {
    const p = problemsOf(() => renderDraft({ subject: 's', body: 'x' }, { ...values, link: '' }));
    expect(p.map((x) => x.code)).toEqual(['missing-link', 'missing-value']);
  });
});
