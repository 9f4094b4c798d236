/**
 * The reseller invitation templates the extension ships with, in our own words (docs/partner-center.md, "The invitation email").
 * Kept short on purpose: rendered and encoded, each must fit a `mailto:` URL (MAILTO_MAX) with a long link.
 */
import type { Language, Template } from './types';

/**
 * Where the customer checks its billing profile. It is literal template text, not a placeholder, so it is escaped
 * as plain text rather than made an anchor; mail clients link it on their own, and only `{{link}}` must survive.
 */
const BILLING_URL = 'https://admin.microsoft.com/Adminportal/Home?#/BillingAccounts/billing-accounts';

// French typography wants a no-break space before ':' so a line never starts with the colon.
const NBSP = '\u00a0';

const EN: Template = {
  subject: '{{partnerName}}: invitation to become your Microsoft Cloud Solution Provider',
  body: [
    'Hello {{contactName|there}},',
    '{{partnerName}} would like to become the Microsoft Cloud Solution Provider (CSP) for {{customerName}}. ' +
      'It takes two steps.',
    `1. Check that your billing profile is complete:\n${BILLING_URL}\n` +
      'A change can take about 5 minutes to show.',
    '2. Open the link below to accept the invitation, authorise {{partnerName}} ' +
      'and accept the Microsoft Customer Agreement:',
    '{{link}}',
    'Only a user with Global Administrator rights can accept. Your existing subscriptions stay as they are.',
    'Kind regards,\n{{senderName|Your account team}}\n{{partnerName}}',
  ].join('\n\n'),
};

const FR: Template = {
  subject: `{{partnerName}}${NBSP}: invitation à devenir votre fournisseur de solutions cloud Microsoft`,
  body: [
    // "Bonjour Madame, Monsieur," is the usual French greeting when the reader's name is unknown.
    'Bonjour {{contactName|Madame, Monsieur}},',
    '{{partnerName}} souhaite devenir le fournisseur de solutions cloud Microsoft (CSP) de {{customerName}}. ' +
      'Deux étapes suffisent.',
    `1. Vérifiez que votre profil de facturation est complet${NBSP}:\n${BILLING_URL}\n` +
      "Une modification peut mettre environ 5 minutes à s'afficher.",
    "2. Ouvrez le lien ci-dessous pour accepter l'invitation, autoriser {{partnerName}} " +
      `et accepter le Contrat client Microsoft${NBSP}:`,
    '{{link}}',
    "Seul un utilisateur ayant le rôle d'administrateur général peut accepter. " +
      'Vos abonnements existants ne changent pas.',
    'Cordialement,\n{{senderName|Votre équipe commerciale}}\n{{partnerName}}',
  ].join('\n\n'),
};

// Frozen: a caller that edits a default must take a copy (defaultTemplate) rather than change it for everyone.
export const DEFAULT_TEMPLATES: Record<Language, Template> = Object.freeze({
  en: Object.freeze(EN),
  fr: Object.freeze(FR),
});

/** A fresh copy, so the editor can change it without touching the shipped default. */
export function defaultTemplate(lang: Language): Template {
  const { subject, body } = DEFAULT_TEMPLATES[lang];
  return { subject, body };
}
