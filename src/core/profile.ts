/**
 * The partner profile: who sends the invitation and which link it carries. The link comes from one of two sources
 * (docs/partner-center.md, "Link formats"): generated from the tenant ID, or pasted from Partner Center byte for byte.
 */
import { buildResellerLink, checkLink, checkProfile, LINK_MAX } from './link';
import type { Parsed, Problem } from './problem';
import { bool, isPlainObject, oneOf, parseObject, type Shape, salvage, text } from './shape';
import type { LinkProfile, LinkType } from './types';

export interface PartnerProfile extends LinkProfile {
  /** The partner's display name, as customers know it. */
  partnerName: string;
  /** Who signs the email; optional. */
  senderName: string;
  source: 'generated' | 'pasted';
  pastedLink: string;
  /**
   * The one host, lowercase, the partner confirmed for a pasted link on a host Microsoft does not document (a
   * sovereign cloud's Partner Center); '' for none. A confirmation names its host so it never carries over to a
   * link pasted later on another host.
   */
  confirmedHost: string;
}

export const EMPTY_PROFILE: PartnerProfile = {
  partnerName: '',
  senderName: '',
  source: 'generated',
  tenantId: '',
  kind: 'direct',
  resellerPartnerId: '',
  providerTenantId: '',
  includeDap: false,
  pastedLink: '',
  confirmedHost: '',
};

export const PARTNER_NAME_MAX = 100;
export const SENDER_NAME_MAX = 100;

/** The host part of a pasted link as the partner sees it (`https://<host>/…`), lowercase; '' when there is none. */
export function linkHost(link: string): string {
  return /^https?:\/\/([^/?#\\]*)/i.exec(link.trim())?.[1]?.toLowerCase() ?? '';
}

const PROFILE_SHAPE: Shape<PartnerProfile> = {
  partnerName: text(PARTNER_NAME_MAX),
  senderName: text(SENDER_NAME_MAX, ''),
  source: oneOf(['generated', 'pasted'], 'generated'),
  tenantId: text(64, ''),
  kind: oneOf(['direct', 'indirect'], 'direct'),
  resellerPartnerId: text(64, ''),
  providerTenantId: text(64, ''),
  includeDap: bool(false),
  pastedLink: text(LINK_MAX, ''),
  confirmedHost: text(253, ''),
};

/**
 * Versions before host-bound confirmation stored `keepUnknownHost: true`: that confirmed the link stored beside it,
 * so its host becomes the confirmed one.
 */
function upgrade(value: unknown): unknown {
  if (!isPlainObject(value) || !('keepUnknownHost' in value)) return value;
  const { keepUnknownHost, ...rest } = value;
  if (rest.confirmedHost !== undefined) return rest;
  const link = typeof rest.pastedLink === 'string' ? rest.pastedLink : '';
  return { ...rest, confirmedHost: keepUnknownHost === true ? linkHost(link) : '' };
}

/**
 * The stored profile (IndexedDB, backup, another browser) in our type, or the problems that keep it out: a wrong
 * type is reported, never replaced by a default. `keepUnknown` keeps a newer version's fields (sync).
 */
export function parseProfile(
  value: unknown,
  options: { keepUnknown?: boolean } = {},
): Parsed<PartnerProfile> {
  return parseObject(upgrade(value), PROFILE_SHAPE, { ...options, what: 'profile' });
}

/** What the profile form starts from when the stored profile is refused: every field that still reads. */
export function salvageProfile(value: unknown): PartnerProfile {
  return { ...EMPTY_PROFILE, ...salvage(upgrade(value), PROFILE_SHAPE) };
}

export interface ProfileCheck {
  problems: Problem[];
  warnings: Problem[];
  /** The link the profile yields, when it has no problems. */
  link?: { url: string; type: LinkType };
}

/** Validates a whole profile; a profile with problems is never saved and never yields a link. */
export function checkPartnerProfile(p: PartnerProfile): ProfileCheck {
  const problems: Problem[] = [...checkName(p.partnerName), ...checkSender(p.senderName)];
  const source = p.source === 'pasted' ? checkPasted(p) : checkGenerated(p);
  problems.push(...source.problems);
  const link = problems.length === 0 ? source.link : undefined;
  return link ? { problems, warnings: source.warnings, link } : { problems, warnings: source.warnings };
}

function checkName(name: string): Problem[] {
  const trimmed = name.trim();
  if (!trimmed) {
    return [
      { field: 'partnerName', code: 'required', message: 'Enter your company name as customers know it.' },
    ];
  }
  if (trimmed.length > PARTNER_NAME_MAX) {
    const message = `The display name is longer than ${PARTNER_NAME_MAX} characters.`;
    return [{ field: 'partnerName', code: 'too-long', message }];
  }
  return [];
}

function checkSender(name: string): Problem[] {
  if (typeof name !== 'string' || name.trim().length <= SENDER_NAME_MAX) return [];
  const message = `The sender name is longer than ${SENDER_NAME_MAX} characters.`;
  return [{ field: 'senderName', code: 'too-long', message }];
}

function checkGenerated(p: PartnerProfile): ProfileCheck {
  const { problems, warnings } = checkProfile(p);
  if (problems.length > 0) return { problems, warnings };
  const url = buildResellerLink(p);
  return {
    problems,
    warnings,
    link: { url, type: p.kind === 'indirect' ? 'indirect-reseller' : 'reseller' },
  };
}

function checkPasted(p: PartnerProfile): ProfileCheck {
  const result = checkLink(p.pastedLink);
  if (result.ok) {
    if (result.type === 'gdap') return { problems: [gdapIsNotAProfileLink], warnings: [] };
    return { problems: [], warnings: result.warnings, link: { url: result.url, type: result.type } };
  }
  const onlyHost = result.problems.every((f) => f.code === 'unknown-host');
  const confirmed = p.confirmedHost !== '' && p.confirmedHost === linkHost(p.pastedLink);
  if (!onlyHost || !confirmed) return { problems: result.problems, warnings: [] };
  // The partner confirmed the host: validate the rest of the link as if it were on the documented host.
  const url = p.pastedLink.trim();
  const rest = checkLink(url.replace(/^https:\/\/[^/?#]+/i, 'https://admin.microsoft.com'));
  if (!rest.ok) return { problems: rest.problems, warnings: [] };
  if (rest.type === 'gdap') return { problems: [gdapIsNotAProfileLink], warnings: [] };
  return { problems: [], warnings: rest.warnings, link: { url, type: rest.type } };
}

const gdapIsNotAProfileLink: Problem = {
  field: 'url',
  code: 'gdap-not-reseller',
  message:
    'This is a GDAP link, made for one customer. Paste the reseller relationship link from Partner Center > ' +
    'Customers > Request a reseller relationship.',
};

/** Labels the kind of link everywhere, since partners confuse them (docs/partner-center.md, "Link formats"). */
export function linkTypeKey(type: LinkType): string {
  return { reseller: 'linkTypeDirect', 'indirect-reseller': 'linkTypeIndirect', gdap: 'linkTypeGdap' }[type];
}
