/** The vocabulary shared by every layer. Pure types: no runtime code lives here. */

import type { Problem } from './problem';

export type RelationshipKind = 'direct' | 'indirect';

/** What `buildResellerLink` needs: the partner's tenant and, for an indirect reseller, its provider. */
export interface LinkProfile {
  tenantId: string;
  kind: RelationshipKind;
  /** Indirect only: the reseller's numeric PartnerID (MPN ID), sent as `msppId`. */
  resellerPartnerId?: string;
  /** Indirect only: the indirect provider's tenant GUID, sent as `indirectCSPId`. */
  providerTenantId?: string;
  /** Ask for DAP too. Microsoft stopped granting DAP with reseller relationships on 9 Oct 2023: default false. */
  includeDap: boolean;
}

export type LinkType = 'reseller' | 'indirect-reseller' | 'gdap';

/**
 * A checked link. Each problem (or warning) names its `field`: the offending parameter by its current name
 * (`partnerId`, `msppId`, `indirectCSPId`, `invType`, `DAP`, `relationshipId`), a profile field (`tenantId`,
 * `resellerPartnerId`, `providerTenantId`), or `url` for the whole link.
 */
export type LinkCheck =
  | { ok: true; type: LinkType; url: string; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export type Language = 'en' | 'fr';

/** A message template: plain text, paragraphs separated by blank lines, `{{placeholders}}`. */
export interface Template {
  subject: string;
  body: string;
}

export interface DraftValues {
  customerName: string;
  contactName?: string;
  partnerName: string;
  senderName?: string;
  link: string;
}

/** What goes into an email: plain-text subject, escaped HTML body, and its plain-text twin. */
export interface Draft {
  subject: string;
  html: string;
  text: string;
}
