/**
 * What the invite view drafts, as pure functions of its form: the template for the mode (reseller invitation,
 * follow-up by blocker, GDAP request), the rendered draft, and the GDAP link's findings. No browser API here, so
 * tests/ui checks them without a page.
 */

import { type FollowUpReason, followUpTemplate, gdapTemplate } from '../../core/followup-templates';
import { checkLink } from '../../core/link';
import type { Problem } from '../../core/problem';
import type { PartnerProfile } from '../../core/profile';
import { renderDraft } from '../../core/template';
import type { Draft, Language, Template } from '../../core/types';
import { effectiveTemplate, type TemplateOverrides } from '../../db/settings';

export type InviteMode = 'reseller' | 'gdap';

export interface GdapForm {
  link: string;
  roles: string;
  duration: string;
  autoExtend: boolean;
}

export const EMPTY_GDAP: GdapForm = { link: '', roles: '', duration: '', autoExtend: false };

export interface DraftInput {
  mode: InviteMode;
  lang: Language;
  company: string;
  contact: string;
  profile: PartnerProfile;
  /** The profile's reseller link, already checked. */
  resellerLink: string;
  overrides: TemplateOverrides;
  /** Set when following up a pending reseller invitation: the blocker the email addresses. */
  reason?: FollowUpReason | undefined;
  gdap: GdapForm;
  /** Stands in for the company while it is empty, so the preview reads naturally. */
  placeholder: string;
}

export interface GdapCheck {
  /** The trimmed link when it is a GDAP link without problems. */
  link?: string;
  problems: Problem[];
  warnings: Problem[];
}

const NOT_GDAP: Problem = {
  field: 'gdapLink',
  code: 'not-gdap',
  message:
    'This is not a GDAP link: copy the link of the admin relationship from Partner Center > Customers > Admin ' +
    'relationships. It ends with #/partners/invitation/granularAdminRelationships/ and the relationship ID.',
};
/** Problems with the pasted text itself, worth showing whatever link it was meant to be. */
const TEXT_PROBLEMS = ['empty', 'pasted-twice', 'contains-space', 'not-a-url', 'not-https'];
const GDAP_ROUTE = /#\/partners\/invitation\/granularadminrelationships/i;

/**
 * Partner Center's GDAP link (docs/partner-center.md, "Link formats"), field `gdapLink`. A reseller link (valid or not) gets one problem saying
 * it is the wrong kind, not its reseller parameters' problems, which would send the partner fixing the wrong link.
 */
export function checkGdapLink(text: string): GdapCheck {
  const check = checkLink(text);
  const field = (f: Problem): Problem => ({ ...f, field: 'gdapLink' });
  if (check.ok && check.type === 'gdap') {
    return { link: check.url, problems: [], warnings: check.warnings.map(field) };
  }
  const problems = check.ok ? [] : check.problems;
  const textProblems = problems.filter((f) => f.field === 'url' && TEXT_PROBLEMS.includes(f.code));
  if (textProblems.length > 0) return { problems: textProblems.map(field), warnings: [] };
  if (check.ok || !GDAP_ROUTE.test(text)) return { problems: [NOT_GDAP], warnings: [] };
  return { problems: problems.map(field), warnings: [] };
}

export function templateFor(input: DraftInput): Template {
  const { mode, lang, gdap, reason, overrides } = input;
  if (mode === 'gdap') {
    const roles = gdap.roles;
    return gdapTemplate(lang, { roles, duration: gdap.duration, autoExtend: gdap.autoExtend });
  }
  return reason ? followUpTemplate(reason, lang) : effectiveTemplate(overrides, lang);
}

/** The draft to preview and send; undefined in GDAP mode until a valid GDAP link is pasted. */
export function buildDraft(input: DraftInput): Draft | undefined {
  const link = input.mode === 'gdap' ? checkGdapLink(input.gdap.link).link : input.resellerLink;
  if (!link) return undefined;
  return renderDraft(templateFor(input), {
    customerName: input.company.trim() || input.placeholder,
    contactName: input.contact.trim(),
    partnerName: input.profile.partnerName,
    senderName: input.profile.senderName,
    link,
  });
}
