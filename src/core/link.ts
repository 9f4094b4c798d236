/**
 * Reseller and GDAP invitation links (docs/partner-center.md, "Link formats"): build format C / C-ind from the
 * profile and check a pasted link. Pure: only URL and URLSearchParams.
 *
 * Problem codes (stable; the UI maps them to localised text). [field]; (w) = warning, the rest are problems.
 * - empty [url]: nothing pasted.            - pasted-twice [url]: a second `http(s)://` in the text.
 * - contains-space [url]: spaces or line breaks inside the link (wrapped by an email client).
 * - not-a-url [url]: does not parse.         - not-https [url]: scheme other than https.
 * - too-long [url]: longer than LINK_MAX.     - backslash [url]: a `\`, which browsers read as `/`.
 * - control-character / invisible-character / non-ascii [url]: a character Partner Center never emits (the
 *   message names it and its code point): the link is sent byte for byte, so what is checked must be clean.
 * - user-info [url]: `name@` before the host, which makes the text lie about where it goes.
 * - explicit-port [url]: `:443` and the like; the documented links carry none.
 * - unknown-host [url]: no invitation host documented for it (the UI may keep it after confirmation).
 * - older-host [url] (w): portal.office.com (A) or businessstore.microsoft.com (B).
 * - wrong-path [url]: known host, not the invitation page's path.
 * - not-an-invitation [url]: known host, but neither a reseller nor a GDAP invitation.
 * - missing-fragment / wrong-fragment [url]: admin.microsoft.com reseller link without / with another
 *   `#/…` route.
 * - missing [any]: parameter or profile field absent or empty.
 * - repeated [param]: the parameter appears twice; which one the portal reads is unknown.
 * - bad-value [invType | DAP | kind]: not one of the allowed values.
 * - numeric-partner-id [partnerId | indirectCSPId | tenantId | providerTenantId]: a PartnerID where a
 *   tenant GUID belongs.
 * - not-a-guid / zero-guid [those and relationshipId]: not GUID-shaped / the all-zero GUID.
 * - sample-id [those] (w): a tenant ID printed in Microsoft's documentation.
 * - same-tenant [providerTenantId]: the provider's tenant is the reseller's own.
 * - not-digits / bad-length [msppId | resellerPartnerId]: PartnerID not digits / not 5–8 digits.
 * - zero-partner-id [msppId | resellerPartnerId]: 0 on an indirect link (0 is valid for direct links only).
 * - partner-id-length [msppId | resellerPartnerId] (w): 5 or 8 digits; PartnerIDs usually have 6–7.
 * - must-be-zero [msppId]: a direct link's msppId other than 0.
 * - not-allowed [indirectCSPId]: an indirect provider on a direct link.
 * - dap-true [DAP] (w): DAP is no longer granted with reseller relationships (since 9 October 2023).
 *
 * Parameter names and the invType / DAP values compare case-insensitively: Partner Center emits the case
 * shown in Microsoft's documentation (docs/partner-center.md, "Link formats"), and rejecting a case variant of a working link would cost more than accepting one.
 */
import { LinkError, type Problem } from './problem';
import type { LinkCheck, LinkProfile, LinkType } from './types';

export const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const GDAP_RELATIONSHIP_ID =
  /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})?$/i;
/** Tenant IDs printed in Microsoft's documentation: a link carrying one was copied from an example. */
export const SAMPLE_TENANT_IDS: readonly string[] = [
  '3b33e682-00c3-41ee-9dd2-a548adf56438',
  '7260758d-876b-4da1-b8aa-ae70122d886a',
];
/** The only host links are generated for: no invitation host is documented for the other clouds. */
export const INVITATION_HOST = 'admin.microsoft.com';

const BASE = `https://${INVITATION_HOST}/Adminportal/Home`;
const ROUTE = '#/BillingAccounts/partner-invitation';
const TENANT_AT =
  'found in Partner Center > Account settings > Organization profile, ' +
  'or Entra admin center > Overview > Tenant ID';
const PROVIDER_AT = 'which the provider finds in Partner Center > Account settings > Organization profile';
const PARTNER_ID_AT =
  'found in Partner Center > Account settings > Organization profile > Legal info / Identifiers';
const RELINK = 'Copy the link again from Partner Center > Customers > Request a reseller relationship.';
const GDAP_RELINK = 'Copy the link again from Partner Center > Customers > Admin relationships.';
const NUMERIC_TENANT =
  'This looks like your PartnerID (MPN ID); the link needs your tenant ID (a GUID), ' +
  'found in Partner Center > Account settings > Organization profile. ' +
  'Entra admin center > Overview > Tenant ID shows it too.';

export interface FindingSet {
  problems: Problem[];
  warnings: Problem[];
}

/** Exactly GUID-shaped (no braces, no spaces); any case. */
export function isGuid(s: string): boolean {
  return TENANT_GUID.test(s);
}

/** The stored form of a tenant ID: trimmed, lowercase. */
export function normaliseGuid(s: string): string {
  return s.trim().toLowerCase();
}

const fail = (r: FindingSet, field: string, code: string, message: string): undefined => {
  r.problems.push({ field, code, message });
  return undefined;
};
const warn = (r: FindingSet, field: string, code: string, message: string): void => {
  r.warnings.push({ field, code, message });
};
const show = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
const newSet = (): FindingSet => ({ problems: [], warnings: [] });

/** Who owns the tenant decides the wording and where the user finds the right value. */
export interface GuidTarget {
  field: string;
  label: string;
  provider?: boolean;
}

/** One tenant GUID; shared by the profile form and the pasted link so both say the same thing. */
export function checkTenantId(value: string | undefined, target: GuidTarget, r = newSet()): FindingSet {
  const { field, label } = target;
  const need = target.provider ? "your indirect provider's tenant ID (a GUID)" : 'your tenant ID (a GUID)';
  const at = target.provider ? PROVIDER_AT : TENANT_AT;
  const v = value ?? '';
  if (v === '') {
    fail(r, field, 'missing', `${label} is missing: it must be ${need}, ${at}.`);
  } else if (/^\d+$/.test(v)) {
    const msg = target.provider
      ? `This looks like a PartnerID (MPN ID); the link needs ${need}, ${at}.`
      : NUMERIC_TENANT;
    fail(r, field, 'numeric-partner-id', `${label} ${show(v)}: ${msg}`);
  } else if (!isGuid(v)) {
    const msg = `${label} ${show(v)} is not a GUID (8-4-4-4-12 hex digits): it must be ${need}, ${at}.`;
    fail(r, field, 'not-a-guid', msg);
  } else {
    checkGuidValue(v, field, label, r);
  }
  return r;
}

/** The all-zero GUID is a placeholder; a documentation sample means an example was copied. */
function checkGuidValue(v: string, field: string, label: string, r: FindingSet): void {
  if (/^[0-]+$/.test(v)) {
    fail(r, field, 'zero-guid', `${label} is the all-zero GUID, a placeholder: ${TENANT_AT}.`);
  } else if (SAMPLE_TENANT_IDS.includes(v.toLowerCase())) {
    warn(r, field, 'sample-id', `${label} ${v} is a sample from Microsoft's documentation: ${TENANT_AT}.`);
  }
}

/** An indirect reseller's PartnerID (MPN / PLA ID): digits, 5–8 accepted, 6–7 usual, never 0. */
function checkPartnerId(v: string | undefined, field: string, label: string, r: FindingSet): void {
  const need = `the indirect reseller's PartnerID (5–8 digits), ${PARTNER_ID_AT}`;
  if (v === undefined || v === '') {
    fail(r, field, 'missing', `${label} is missing: it must be ${need}.`);
  } else if (!/^\d+$/.test(v)) {
    fail(r, field, 'not-digits', `${label} ${show(v)} must be digits only: ${need}.`);
  } else if (/^0+$/.test(v)) {
    fail(r, field, 'zero-partner-id', `${label} is 0, valid only on direct links; it must be ${need}.`);
  } else if (v.length < 5 || v.length > 8) {
    fail(r, field, 'bad-length', `${label} ${show(v)} has ${v.length} digits: it must be ${need}.`);
  } else if (v.length === 5 || v.length === 8) {
    const msg = `${label} ${v} has ${v.length} digits, usually 6–7: check it, ${PARTNER_ID_AT}.`;
    warn(r, field, 'partner-id-length', msg);
  }
}

/** Validates the profile as the user types; only `problems` stop `buildResellerLink`. */
export function checkProfile(profile: LinkProfile): FindingSet {
  const r = newSet();
  const tenant = (profile.tenantId ?? '').trim();
  checkTenantId(tenant, { field: 'tenantId', label: 'Tenant ID' }, r);
  if (profile.kind === 'indirect') {
    checkPartnerId((profile.resellerPartnerId ?? '').trim(), 'resellerPartnerId', 'Reseller PartnerID', r);
    const provider = (profile.providerTenantId ?? '').trim();
    const label = "Indirect provider's tenant ID";
    checkTenantId(provider, { field: 'providerTenantId', label, provider: true }, r);
    if (provider !== '' && provider.toLowerCase() === tenant.toLowerCase()) {
      fail(
        r,
        'providerTenantId',
        'same-tenant',
        `${label} is your own: it must be the provider's, ${PROVIDER_AT}.`,
      );
    }
  } else if (profile.kind !== 'direct') {
    fail(r, 'kind', 'bad-value', 'The relationship kind must be direct or indirect.');
  }
  return r;
}

/** Format C (direct) or C-ind (indirect), parameters in Partner Center's order, GUIDs lowercase. */
export function buildResellerLink(profile: LinkProfile): string {
  const { problems } = checkProfile(profile);
  if (problems.length > 0) throw new LinkError(problems);
  const indirect = profile.kind === 'indirect';
  const query = [
    `invType=${indirect ? 'IndirectResellerRelationship' : 'ResellerRelationship'}`,
    `partnerId=${normaliseGuid(profile.tenantId)}`,
    `msppId=${indirect ? (profile.resellerPartnerId ?? '').trim() : '0'}`,
    `DAP=${profile.includeDap === true ? 'true' : 'false'}`,
  ];
  if (indirect) query.push(`indirectCSPId=${normaliseGuid(profile.providerTenantId ?? '')}`);
  return `${BASE}?${query.join('&')}${ROUTE}`;
}

// ---- Pasted links ----

type Param = 'invType' | 'partnerId' | 'msppId' | 'indirectCSPId' | 'DAP';
type Names = Readonly<Record<Param, string>>;
const CURRENT: Names = {
  invType: 'invType',
  partnerId: 'partnerId',
  msppId: 'msppId',
  indirectCSPId: 'indirectCSPId',
  DAP: 'DAP',
};
/** Format A's names; findings still use the current name as `field`. */
const LEGACY: Names = {
  invType: 'type',
  partnerId: 'id',
  msppId: 'msppid',
  indirectCSPId: 'indirectCSP',
  DAP: 'DAP',
};

interface Format {
  names: Names;
  path: RegExp;
  /** Format A predates DAP and B's use of it is uncertain (L): only C / D require it. */
  dapRequired: boolean;
}
const FORMAT_A: Format = { names: LEGACY, path: /^\/partner\/partnersignup\.aspx$/i, dapRequired: false };
const B_PATH = /^\/(?:[a-z]{2}-[a-z]{2}\/)?manage\/partner-invitation\/?$/i;
const FORMAT_B: Format = { names: CURRENT, path: B_PATH, dapRequired: false };
const FORMAT_C: Format = { names: CURRENT, path: /^\/adminportal\/home\/?$/i, dapRequired: true };
const RESELLER_FRAGMENT = /^#\/(?:billingaccounts\/partner-invitation|partners\/invitation)\/?$/i;
const GDAP_FRAGMENT = /^#\/partners\/invitation\/granularadminrelationships(?:\/(.*))?$/i;

interface Ctx {
  params: URLSearchParams;
  names: Names;
  r: FindingSet;
}

function paramValues(params: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  params.forEach((v, k) => {
    if (k.toLowerCase() === name.toLowerCase()) values.push(v);
  });
  return values;
}

/** `undefined` when absent or empty, `null` when repeated (already reported). */
function readParam(ctx: Ctx, param: Param): string | null | undefined {
  const name = ctx.names[param];
  const values = paramValues(ctx.params, name);
  if (values.length <= 1) return values[0] || undefined;
  fail(ctx.r, param, 'repeated', `${name} appears ${values.length} times. ${RELINK}`);
  return null;
}

function checkInvType(ctx: Ctx): LinkType | undefined {
  const name = ctx.names.invType;
  const v = readParam(ctx, 'invType');
  const allowed = `it must be ResellerRelationship or IndirectResellerRelationship. ${RELINK}`;
  if (v === null) return undefined;
  if (v === undefined) return fail(ctx.r, 'invType', 'missing', `${name} is missing: ${allowed}`);
  if (v.toLowerCase() === 'resellerrelationship') return 'reseller';
  if (v.toLowerCase() === 'indirectresellerrelationship') return 'indirect-reseller';
  return fail(ctx.r, 'invType', 'bad-value', `${name} is ${show(v)}: ${allowed}`);
}

function checkMsppId(ctx: Ctx, type: LinkType | undefined): void {
  const name = ctx.names.msppId;
  const v = readParam(ctx, 'msppId');
  if (v === null) return;
  if (type === 'indirect-reseller') {
    checkPartnerId(v, 'msppId', name, ctx.r);
  } else if (v === undefined) {
    fail(ctx.r, 'msppId', 'missing', `${name} is missing: it is 0 on a direct reseller link. ${RELINK}`);
  } else if (!/^\d+$/.test(v)) {
    fail(ctx.r, 'msppId', 'not-digits', `${name} ${show(v)} must be digits (0 on direct links). ${RELINK}`);
  } else if (type === 'reseller' && !/^0+$/.test(v)) {
    const msg = `${name} is ${v} on a direct reseller link: it must be 0 (PartnerIDs go in indirect links).`;
    fail(ctx.r, 'msppId', 'must-be-zero', `${msg} ${RELINK}`);
  }
}

function checkIndirectCsp(ctx: Ctx, type: LinkType | undefined): void {
  const label = ctx.names.indirectCSPId;
  const v = readParam(ctx, 'indirectCSPId');
  if (v === null) return;
  if (type === 'reseller' && v !== undefined) {
    const msg = `${label} is set on a direct reseller link; providers go only in indirect links.`;
    fail(ctx.r, 'indirectCSPId', 'not-allowed', `${msg} ${RELINK}`);
  } else if (type === 'indirect-reseller' || v !== undefined) {
    checkTenantId(v, { field: 'indirectCSPId', label, provider: true }, ctx.r);
  }
}

function checkDap(ctx: Ctx, required: boolean): void {
  const v = readParam(ctx, 'DAP');
  const allowed = `it must be true or false (false recommended). ${RELINK}`;
  if (v === undefined && required) {
    fail(ctx.r, 'DAP', 'missing', `DAP is missing: ${allowed}`);
  } else if (v?.toLowerCase() === 'true') {
    const msg =
      'DAP=true: since 9 October 2023 delegated admin privileges are no longer granted with reseller ' +
      'relationships (the link still works); admin access needs a separate GDAP request.';
    warn(ctx.r, 'DAP', 'dap-true', msg);
  } else if (typeof v === 'string' && v.toLowerCase() !== 'false') {
    fail(ctx.r, 'DAP', 'bad-value', `DAP is ${show(v)}: ${allowed}`);
  }
}

/** Every parameter is checked so the user sees all problems at once. */
function checkResellerParams(ctx: Ctx, dapRequired: boolean): LinkType | undefined {
  const type = checkInvType(ctx);
  const partner = readParam(ctx, 'partnerId');
  if (partner !== null) checkTenantId(partner, { field: 'partnerId', label: ctx.names.partnerId }, ctx.r);
  checkMsppId(ctx, type);
  checkDap(ctx, dapRequired);
  checkIndirectCsp(ctx, type);
  return type;
}

function checkRelationshipId(id: string, r: FindingSet): void {
  const field = 'relationshipId';
  if (id === '') {
    fail(r, field, 'missing', `GDAP relationship ID is missing from the end of the link. ${GDAP_RELINK}`);
  } else if (!GDAP_RELATIONSHIP_ID.test(id)) {
    const msg = `GDAP relationship ID ${show(id)} must be one GUID or two joined by "-".`;
    fail(r, field, 'not-a-guid', `${msg} ${GDAP_RELINK}`);
  } else {
    const parts = id.length > 36 ? [id.slice(0, 36), id.slice(37)] : [id];
    for (const part of parts) checkGuidValue(part, field, 'GDAP relationship ID', r);
  }
}

const notAnInvitation = (r: FindingSet): undefined =>
  fail(r, 'url', 'not-an-invitation', `This link is not a reseller or GDAP invitation. ${RELINK}`);

/** Invitation parameters, or (admin center) the reseller route alone, make a link worth checking. */
function looksLikeInvitation(u: URL, format: Format): boolean {
  if (paramValues(u.searchParams, format.names.invType).length > 0) return true;
  return format === FORMAT_C && RESELLER_FRAGMENT.test(u.hash);
}

function checkQueryLink(u: URL, format: Format, r: FindingSet): LinkType | undefined {
  if (!looksLikeInvitation(u, format)) return notAnInvitation(r);
  if (!format.path.test(u.pathname)) {
    fail(r, 'url', 'wrong-path', `The link's path ${show(u.pathname)} is not the invitation page. ${RELINK}`);
  }
  return checkResellerParams({ params: u.searchParams, names: format.names, r }, format.dapRequired);
}

function checkAdminLink(u: URL, r: FindingSet): LinkType | undefined {
  const gdap = GDAP_FRAGMENT.exec(u.hash);
  if (gdap) {
    if (!FORMAT_C.path.test(u.pathname)) {
      fail(r, 'url', 'wrong-path', `The link's path must be /AdminPortal/Home. ${GDAP_RELINK}`);
    }
    checkRelationshipId(gdap[1] ?? '', r);
    return 'gdap';
  }
  if (!looksLikeInvitation(u, FORMAT_C)) return notAnInvitation(r);
  const type = checkQueryLink(u, FORMAT_C, r);
  // The admin center is a single-page app: without its route the link opens the home page.
  const route = `it must end with ${ROUTE} (or #/partners/invitation). ${RELINK}`;
  if (u.hash === '' || u.hash === '#') {
    fail(r, 'url', 'missing-fragment', `The link lost its #/… ending: ${route}`);
  } else if (!RESELLER_FRAGMENT.test(u.hash)) {
    fail(r, 'url', 'wrong-fragment', `The link ends with ${show(u.hash)}: ${route}`);
  }
  return type;
}

/** Another cloud's Partner Center may give this link: report its parameters so confirming is informed. */
function checkForeignLink(u: URL, r: FindingSet): void {
  const msg =
    `No invitation host is documented for ${u.host}. Links are generated only for the public cloud ` +
    `(${INVITATION_HOST}); if your cloud's Partner Center gave you this link, ` +
    'you can keep it after confirming.';
  fail(r, 'url', 'unknown-host', msg);
  const names = [CURRENT, LEGACY].find((n) => paramValues(u.searchParams, n.invType).length > 0);
  if (names) checkResellerParams({ params: u.searchParams, names, r }, false);
}

function checkByHost(u: URL, r: FindingSet): LinkType | undefined {
  const older =
    `This link uses an older format (${u.host}); Partner Center now gives ${INVITATION_HOST} links. ` +
    'Prefer the current one from Partner Center > Customers > Request a reseller relationship.';
  // `host` keeps any port, so a link with a port is off the allow-list.
  switch (u.host.toLowerCase()) {
    case INVITATION_HOST:
      return checkAdminLink(u, r);
    case 'portal.office.com':
      warn(r, 'url', 'older-host', older);
      return checkQueryLink(u, FORMAT_A, r);
    case 'businessstore.microsoft.com':
      warn(r, 'url', 'older-host', older);
      return checkQueryLink(u, FORMAT_B, r);
    default:
      checkForeignLink(u, r);
      return undefined;
  }
}

/** Longer than any documented invitation link (about 250 characters) by far; a pasted page is not a link. */
export const LINK_MAX = 2048;

/** The first character the link must not hold, with the code that names its kind. */
function badCharacter(text: string): { code: string; char: string; at: number } | undefined {
  for (const [at, char] of [...text].entries()) {
    if (/\p{Cc}/u.test(char) && !/\s/.test(char)) return { code: 'control-character', char, at };
    if (/\p{Cf}|[\u00AD\u115F\u1160\u3164\uFFA0]|\u034F/u.test(char))
      return { code: 'invisible-character', char, at };
    if (char > '\u007E' && !/\s/.test(char)) return { code: 'non-ascii', char, at };
  }
  return undefined;
}

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What the text says before any parser normalises it: a link is sent exactly as pasted, so a character or part a
 * URL parser would silently drop, fold or read differently (zero-width, full-width, `\`, `user@`, `:443`) is refused
 * here, naming the culprit, rather than checked in its parsed form and sent in its raw one.
 */
function checkRawText(text: string, r: FindingSet): boolean {
  // Too long stops here: the other checks (and the URL parser) would walk megabytes for nothing.
  if (text.length > LINK_MAX) {
    fail(
      r,
      'url',
      'too-long',
      `The link is ${text.length} characters long; an invitation link is far shorter (at most ${LINK_MAX}). ${RELINK}`,
    );
    return false;
  }
  const bad = badCharacter(text);
  if (bad) {
    const what = {
      'control-character': 'a control character',
      'invisible-character': 'an invisible character',
      'non-ascii': `the character "${bad.char}"`,
    }[bad.code];
    const msg = `The link contains ${what} (${codePoint(bad.char)}) at position ${bad.at + 1}, which Partner Center never puts in a link (copied from a document or chat?). ${RELINK}`;
    fail(r, 'url', bad.code, msg);
  }
  if (text.includes('\\')) {
    fail(r, 'url', 'backslash', `The link contains a backslash (\\), which browsers read as "/". ${RELINK}`);
  }
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(text)?.[1] ?? '';
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const msg = `The link puts ${show(authority.slice(0, at + 1))} before the host ${show(authority.slice(at + 1))}: text before "@" is a user name that only disguises where the link goes. ${RELINK}`;
    fail(r, 'url', 'user-info', msg);
  }
  const port = /:([^:\]]*)$/.exec(authority.slice(at + 1));
  if (port) {
    const msg = `The link names a port (":${port[1]}" after the host); invitation links never do. ${RELINK}`;
    fail(r, 'url', 'explicit-port', msg);
  }
  return true;
}

/** Raw-text checks come first: a doubled link would otherwise parse as one URL with a strange query. */
function parseLink(text: string, r: FindingSet): URL | undefined {
  if (text === '') return fail(r, 'url', 'empty', `No link was pasted. ${RELINK}`);
  if (!checkRawText(text, r)) return undefined;
  if ((text.match(/https?:\/\//gi) ?? []).length > 1) {
    return fail(r, 'url', 'pasted-twice', `The text holds more than one link (pasted twice?). ${RELINK}`);
  }
  if (/\s/.test(text)) {
    fail(r, 'url', 'contains-space', `The link contains spaces or line breaks. ${RELINK}`);
  }
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return fail(r, 'url', 'not-a-url', `Not a link: paste the whole link, from https:// on. ${RELINK}`);
  }
  if (u.protocol === 'https:') return u;
  fail(r, 'url', 'not-https', `The link must start with https://, not ${u.protocol}//. ${RELINK}`);
  return u.protocol === 'http:' ? u : undefined;
}

/** Validates a pasted invitation link; `url` on success is the trimmed input, never re-encoded. */
export function checkLink(input: string): LinkCheck {
  const url = typeof input === 'string' ? input.trim() : '';
  const r = newSet();
  const parsed = parseLink(url, r);
  const type = parsed ? checkByHost(parsed, r) : undefined;
  // A type without problems cannot happen; reporting it keeps `ok: false` from ever carrying no reason.
  if (type === undefined && r.problems.length === 0) notAnInvitation(r);
  if (type === undefined || r.problems.length > 0) return { ok: false, problems: r.problems };
  return { ok: true, type, url, warnings: r.warnings };
}
