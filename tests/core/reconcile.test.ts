import { describe, expect, it } from 'vitest';
import {
  type ExportRow,
  isResellerRelationship,
  matchCustomers,
  normaliseCompanyName,
  parseCustomerExport,
  planReconcile,
} from '../../src/core/reconcile';

const A = '8f3a2b1c-4d5e-4f60-9a7b-1c2d3e4f5a6b';
const B = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const C = '0b9b5b4e-1c7b-4f0e-9a55-2f0f7d0c8a11';

const HEADER = 'Microsoft ID,Company name,Primary domain name,Relationship';
const ROW_A = `${A},Contoso Ltd,contoso.onmicrosoft.com,Cloud Reseller`;
const ROW_B = `${B},Fabrikam Inc,fabrikam.com,Cloud Reseller`;

const contoso: ExportRow = {
  tenantId: A,
  companyName: 'Contoso Ltd',
  domain: 'contoso.onmicrosoft.com',
  relationship: 'Cloud Reseller',
};
const fabrikam: ExportRow = {
  tenantId: B,
  companyName: 'Fabrikam Inc',
  domain: 'fabrikam.com',
  relationship: 'Cloud Reseller',
};

const lines = (...ls: string[]) => ls.join('\n');
const codes = (r: ReturnType<typeof parseCustomerExport>) => r.problems.map((p) => `${p.line}:${p.code}`);

describe('parseCustomerExport: accepted variants', () => {
  it('reads the export as Partner Center writes it', () => {
    expect(parseCustomerExport(lines(HEADER, ROW_A, ROW_B))).toEqual({
      rows: [contoso, fabrikam],
      problems: [],
    });
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const r = parseCustomerExport(`\uFEFF${[HEADER, ROW_A, ROW_B].join('\r\n')}\r\n`);
    expect(r).toEqual({ rows: [contoso, fabrikam], problems: [] });
  });

  it('accepts lone CR line ends', () => {
    expect(parseCustomerExport([HEADER, ROW_A].join('\r')).rows).toEqual([contoso]);
  });

  it('reads quoted fields holding commas and doubled quotes', () => {
    const row = `"${A}","Contoso, ""Cloud"" Ltd","contoso.com","Cloud Reseller"`;
    expect(parseCustomerExport(lines(HEADER, row)).rows).toEqual([
      {
        tenantId: A,
        companyName: 'Contoso, "Cloud" Ltd',
        domain: 'contoso.com',
        relationship: 'Cloud Reseller',
      },
    ]);
  });

  it('reads a quoted field holding a line break, counting lines for later rows', () => {
    const text = lines(HEADER, `${A},"Contoso\nEurope",contoso.com,x`, `not-a-guid,Bad,bad.com,x`);
    const r = parseCustomerExport(text);
    expect(r.rows[0]?.companyName).toBe('Contoso\nEurope');
    expect(codes(r)).toEqual(['4:not-a-guid']);
  });

  it('reads the columns in any order, with extra columns, matching header names without case', () => {
    const text = lines(
      'Country, RELATIONSHIP ,primary domain name,Tags,company NAME,microsoft id',
      `FR,Cloud Reseller,contoso.onmicrosoft.com,a,Contoso Ltd,${A}`,
    );
    expect(parseCustomerExport(text)).toEqual({ rows: [contoso], problems: [] });
  });

  it('detects ; from the header line (spreadsheets saved in a French locale)', () => {
    const text = lines(
      'Microsoft ID;Company name;Primary domain name;Relationship',
      `${A};Contoso Ltd;contoso.onmicrosoft.com;Cloud Reseller`,
      `${B};"Fabrikam; Inc";fabrikam.com;Cloud Reseller`,
    );
    const r = parseCustomerExport(text);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([contoso, { ...fabrikam, companyName: 'Fabrikam; Inc' }]);
  });

  it('detects tab separators', () => {
    const text = lines(HEADER.replaceAll(',', '\t'), ROW_A.replaceAll(',', '\t'));
    expect(parseCustomerExport(text).rows).toEqual([contoso]);
  });

  it('keeps commas inside fields of a ;-separated file', () => {
    const text = lines(
      'Microsoft ID;Company name;Primary domain name;Relationship',
      `${A};Contoso, Ltd;contoso.com;Cloud Reseller`,
    );
    expect(parseCustomerExport(text).rows[0]?.companyName).toBe('Contoso, Ltd');
  });

  it('collapses duplicate rows by tenant ID, keeping the first (dual partners)', () => {
    const dup = `${A.toUpperCase()},Contoso Other Name,other.com,Cloud Reseller`;
    const r = parseCustomerExport(lines(HEADER, ROW_A, ROW_B, dup, ROW_A));
    expect(r).toEqual({ rows: [contoso, fabrikam], problems: [] });
  });

  it('lowercases tenant IDs and domains, trims fields, keeps names as written', () => {
    const r = parseCustomerExport(
      lines(HEADER, ` ${A.toUpperCase()} , Contoso Ltd , Contoso.COM , Cloud Reseller `),
    );
    expect(r.rows).toEqual([{ ...contoso, domain: 'contoso.com' }]);
  });

  it('ignores blank lines anywhere, keeping physical line numbers', () => {
    const r = parseCustomerExport(`\n\n${lines(HEADER, '', ROW_A, '   ', ',,,', 'bad,Bad,b.com,x', '')}\n\n`);
    expect(r.rows).toEqual([contoso]);
    expect(codes(r)).toEqual(['8:not-a-guid']);
  });

  it('tolerates empty trailing fields beyond the header', () => {
    expect(parseCustomerExport(lines(HEADER, `${ROW_A},,`)).rows).toEqual([contoso]);
  });

  it('reads a file without the optional columns, saying which are missing', () => {
    const r = parseCustomerExport(lines('Microsoft ID,Company name', `${A},Contoso Ltd`));
    expect(r.rows).toEqual([{ tenantId: A, companyName: 'Contoso Ltd', domain: '', relationship: '' }]);
    expect(r.problems.map((p) => `${p.line}:${p.code}:${p.field}`)).toEqual([
      '1:missing-column:domain',
      '1:missing-column:relationship',
    ]);
  });
});

describe('parseCustomerExport: bad rows', () => {
  const bad = (row: string) => parseCustomerExport(lines(HEADER, ROW_A, row, ROW_B));

  it.each([
    ['a tenant ID that is not a GUID', `12345,Bad Co,bad.com,Cloud Reseller`, 'not-a-guid', 'tenantId'],
    ['no tenant ID', `,Bad Co,bad.com,Cloud Reseller`, 'missing-tenant', 'tenantId'],
    ['no company name', `${C},  ,bad.com,Cloud Reseller`, 'missing-company', 'companyName'],
    ['too few fields', `${C},Bad Co`, 'field-count', 'row'],
    ['too many fields', `${C},Bad Co,bad.com,Cloud Reseller,extra`, 'field-count', 'row'],
  ])('skips a row with %s, naming its line', (_name, row, code, field) => {
    const r = bad(row);
    expect(r.rows).toEqual([contoso, fabrikam]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 3, code, field });
    expect(r.problems[0]?.message).toMatch(/^Line 3 /);
    expect(r.problems[0]?.message).toMatch(/skipped/);
  });

  it('lists every bad row', () => {
    const r = parseCustomerExport(lines(HEADER, 'x,A,a.com,r', ROW_A, `${C},,c.com,r`, 'y,B'));
    expect(codes(r)).toEqual(['2:not-a-guid', '4:missing-company', '5:field-count']);
    expect(r.rows).toEqual([contoso]);
  });

  it('stops at a quote never closed, saying where', () => {
    const r = parseCustomerExport(lines(HEADER, ROW_A, `${B},"Fabrikam,fabrikam.com,x`, ROW_B));
    expect(r.rows).toEqual([contoso]);
    expect(codes(r)).toEqual(['3:unclosed-quote']);
  });
});

describe('parseCustomerExport: no recognisable header', () => {
  it.each([
    ['an empty file', ''],
    ['blank lines', '\n\r\n  \n'],
    ['another CSV', lines('Name,Email', 'Alex,alex@contoso.com')],
    ['only one expected column', lines('Microsoft ID,Email', `${A},a@b.c`)],
    ['data without a header', lines(ROW_A, ROW_B)],
    ['binary noise', '\u0000\u0001PK\u0003\u0004\uFFFD'],
  ])('yields no rows and names the expected columns for %s', (_name, text) => {
    const r = parseCustomerExport(text);
    expect(r.rows).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.code).toBe('no-header');
    for (const col of ['Microsoft ID', 'Company name', 'Primary domain name', 'Relationship']) {
      expect(r.problems[0]?.message).toContain(col);
    }
  });

  it('never throws, even on input that is not text', () => {
    expect(parseCustomerExport(undefined as unknown as string).rows).toEqual([]);
  });
});

describe('normaliseCompanyName', () => {
  it.each([
    ['Contoso Ltd', 'contoso'],
    ['CONTOSO, LTD.', 'contoso'],
    ['Contoso Limited', 'contoso'],
    ['Société Générale S.A.', 'societe generale'],
    ['Café Müller GmbH & Co. KG', 'cafe muller'],
    ['Fabrikam, Inc.', 'fabrikam'],
    ['Northwind LLC', 'northwind'],
    ['Adatum SAS', 'adatum'],
    ['Adatum SARL', 'adatum'],
    ['Tailspin B.V.', 'tailspin'],
    ['Tailspin NV', 'tailspin'],
    ['Wingtip AG', 'wingtip'],
    ['Wingtip PLC', 'wingtip'],
    ['Litware Pty Ltd', 'litware'],
    ['Litware Corp.', 'litware'],
    ["O'Brien & Sons", 'obrien sons'],
    ['  Fourth   Coffee  ', 'fourth coffee'],
    ['AG Insurance', 'ag insurance'],
    ['Ltd', 'ltd'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normaliseCompanyName(input)).toBe(expected);
  });
});

describe('matchCustomers', () => {
  const rows: ExportRow[] = [
    contoso,
    fabrikam,
    {
      tenantId: C,
      companyName: 'Northwind Traders',
      domain: 'northwind.com',
      relationship: 'Cloud Reseller',
    },
  ];

  it('matches by tenant ID, then domain, then normalised name', () => {
    const customers = [
      { id: 'n', companyName: 'NORTHWIND TRADERS, Inc.' },
      { id: 'f', companyName: 'Something else', domain: 'FABRIKAM.com' },
      { id: 'c', companyName: 'Unrelated', tenantId: A.toUpperCase() },
    ];
    expect(matchCustomers(customers, rows)).toEqual([
      { customerId: 'c', rowIndex: 0, by: 'tenantId' },
      { customerId: 'f', rowIndex: 1, by: 'domain' },
      { customerId: 'n', rowIndex: 2, by: 'name' },
    ]);
  });

  it('takes every tenant-ID match before any domain match', () => {
    const customers = [
      { id: 'by-domain', companyName: 'X', domain: 'contoso.onmicrosoft.com' },
      { id: 'by-tenant', companyName: 'Y', tenantId: A },
    ];
    expect(matchCustomers(customers, rows)).toEqual([
      { customerId: 'by-tenant', rowIndex: 0, by: 'tenantId' },
    ]);
  });

  it('takes every domain match before any name match', () => {
    const customers = [
      { id: 'by-name', companyName: 'Fabrikam' },
      { id: 'by-domain', companyName: 'Z', domain: 'fabrikam.com' },
    ];
    expect(matchCustomers(customers, rows)).toEqual([{ customerId: 'by-domain', rowIndex: 1, by: 'domain' }]);
  });

  it('never matches a customer twice: a tenant match keeps it from a domain match elsewhere', () => {
    const customers = [{ id: 'c', companyName: 'Fabrikam', tenantId: A, domain: 'fabrikam.com' }];
    expect(matchCustomers(customers, rows)).toEqual([{ customerId: 'c', rowIndex: 0, by: 'tenantId' }]);
  });

  it('never matches a row twice: the first customer in order takes it', () => {
    const customers = [
      { id: 'one', companyName: 'Contoso' },
      { id: 'two', companyName: 'Contoso Limited' },
    ];
    expect(matchCustomers(customers, rows)).toEqual([{ customerId: 'one', rowIndex: 0, by: 'name' }]);
  });

  it('gives two customers with the same domain two rows with that domain, in order', () => {
    const twoRows = [fabrikam, { ...fabrikam, tenantId: C, companyName: 'Fabrikam Europe' }];
    const customers = [
      { id: 'x', companyName: 'X', domain: 'fabrikam.com' },
      { id: 'y', companyName: 'Y', domain: 'fabrikam.com' },
    ];
    expect(matchCustomers(customers, twoRows)).toEqual([
      { customerId: 'x', rowIndex: 0, by: 'domain' },
      { customerId: 'y', rowIndex: 1, by: 'domain' },
    ]);
  });

  it('ignores empty keys: no domain or a name made only of punctuation never matches', () => {
    const noDomain = [{ ...contoso, domain: '' }];
    expect(matchCustomers([{ id: 'c', companyName: 'Other', domain: '' }], noDomain)).toEqual([]);
    expect(matchCustomers([{ id: 'c', companyName: '...' }], [{ ...contoso, companyName: '!!' }])).toEqual(
      [],
    );
  });

  it('returns nothing for no customers or no rows', () => {
    expect(matchCustomers([], rows)).toEqual([]);
    expect(matchCustomers([{ id: 'c', companyName: 'Contoso' }], [])).toEqual([]);
  });
});

describe('planReconcile', () => {
  const north: ExportRow = {
    tenantId: C,
    companyName: 'Northwind',
    domain: 'northwind.com',
    relationship: '',
  };

  it('plans acceptances, creations, proposals and additions for review', () => {
    const plan = planReconcile({
      rows: [
        contoso,
        fabrikam,
        north,
        {
          ...north,
          tenantId: '11111111-2222-4333-8444-555555555555',
          companyName: 'Adatum',
          domain: 'adatum.com',
          relationship: 'Advisor',
        },
      ],
      customers: [
        { id: 'c', companyName: 'Contoso', tenantId: A },
        { id: 'f', companyName: 'Fabrikam', domain: 'fabrikam.com' },
        { id: 'n', companyName: 'Northwind Ltd' },
      ],
      invitations: [
        { id: 'ic', customerId: 'c', type: 'reseller', status: 'pending' },
        { id: 'gc', customerId: 'c', type: 'gdap', status: 'pending' },
        { id: 'in', customerId: 'n', type: 'reseller', status: 'pending' },
      ],
    });
    expect(plan.matches).toEqual([
      {
        customerId: 'c',
        rowIndex: 0,
        by: 'tenantId',
        action: 'accept',
        invitationId: 'ic',
        apply: true,
        fill: { domain: 'contoso.onmicrosoft.com' },
      },
      { customerId: 'f', rowIndex: 1, by: 'domain', action: 'create', apply: true, fill: { tenantId: B } },
      {
        customerId: 'n',
        rowIndex: 2,
        by: 'name',
        action: 'accept',
        invitationId: 'in',
        apply: false,
        note: 'name-only',
        fill: { tenantId: C, domain: 'northwind.com' },
      },
    ]);
    expect(plan.additions).toEqual([{ rowIndex: 3, apply: false, note: 'not-reseller' }]);
  });

  it('offers unknown reseller rows as new customers', () => {
    const plan = planReconcile({ rows: [contoso, fabrikam], customers: [], invitations: [] });
    expect(plan.matches).toEqual([]);
    expect(plan.additions).toEqual([
      { rowIndex: 0, apply: true },
      { rowIndex: 1, apply: true },
    ]);
  });

  it('only proposes a domain match when the customer holds another tenant ID', () => {
    const plan = planReconcile({
      rows: [fabrikam],
      customers: [{ id: 'f', companyName: 'Fabrikam', domain: 'fabrikam.com', tenantId: C }],
      invitations: [{ id: 'i', customerId: 'f', type: 'reseller', status: 'pending' }],
    });
    expect(plan.matches[0]).toMatchObject({
      by: 'domain',
      action: 'accept',
      apply: false,
      note: 'tenant-conflict',
    });
  });

  it.each(['accepted', 'withdrawn', 'removed'] as const)(
    'changes no %s invitation, only learns the tenant ID',
    (status) => {
      const plan = planReconcile({
        rows: [fabrikam],
        customers: [{ id: 'f', companyName: 'Fabrikam', domain: 'fabrikam.com' }],
        invitations: [{ id: 'i', customerId: 'f', type: 'reseller', status }],
      });
      expect(plan.matches[0]).toEqual({
        customerId: 'f',
        rowIndex: 0,
        by: 'domain',
        action: 'none',
        apply: true,
        note: status,
        fill: { tenantId: B },
      });
    },
  );

  it('has nothing to apply for an accepted customer that already knows its keys', () => {
    const plan = planReconcile({
      rows: [fabrikam],
      customers: [{ id: 'f', companyName: 'Fabrikam', domain: 'fabrikam.com', tenantId: B }],
      invitations: [
        { id: 'old', customerId: 'f', type: 'reseller', status: 'removed' },
        { id: 'i', customerId: 'f', type: 'reseller', status: 'accepted' },
      ],
    });
    expect(plan.matches[0]).toMatchObject({ action: 'none', apply: false, note: 'removed', fill: {} });
  });

  it('prefers the pending invitation when a sync race left two', () => {
    const plan = planReconcile({
      rows: [fabrikam],
      customers: [{ id: 'f', companyName: 'Fabrikam', tenantId: B }],
      invitations: [
        { id: 'old', customerId: 'f', type: 'reseller', status: 'withdrawn' },
        { id: 'live', customerId: 'f', type: 'reseller', status: 'pending' },
      ],
    });
    expect(plan.matches[0]).toMatchObject({ action: 'accept', invitationId: 'live', apply: true });
  });

  it('recognises reseller relationships in English and French, and an absent column', () => {
    expect(isResellerRelationship('Cloud Reseller')).toBe(true);
    expect(isResellerRelationship('Indirect reseller')).toBe(true);
    expect(isResellerRelationship('Revendeur cloud')).toBe(true);
    expect(isResellerRelationship('')).toBe(true);
    expect(isResellerRelationship('Advisor')).toBe(false);
  });
});
