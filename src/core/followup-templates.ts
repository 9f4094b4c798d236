/**
 * Follow-up templates, one per blocker that keeps an invitation pending (docs/partner-center.md, "The invitation email"), and the
 * GDAP request template (same section). Our own words, EN and FR; every one keeps `{{link}}` and passes
 * `checkTemplate`. Short, like the defaults, so a rendered draft still fits a `mailto:` URL.
 */
import type { Language, Template } from './types';

export type Blocker = 'not-global-admin' | 'billing-profile' | 'region' | 'other-partner';
/** `reminder` is the plain nudge when the partner does not know what blocks the customer. */
export type FollowUpReason = 'reminder' | Blocker;
export const FOLLOW_UP_REASONS: readonly FollowUpReason[] = [
  'reminder',
  'not-global-admin',
  'billing-profile',
  'region',
  'other-partner',
];

const BILLING_URL = 'https://admin.microsoft.com/Adminportal/Home?#/BillingAccounts/billing-accounts';
// French typography: a no-break space before ':' so a line never starts with the colon.
const NBSP = '\u00a0';

const SIGN_EN = 'Kind regards,\n{{senderName|Your account team}}\n{{partnerName}}';
const SIGN_FR = 'Cordialement,\n{{senderName|Votre équipe commerciale}}\n{{partnerName}}';
const LINK_EN = 'The invitation link:\n{{link}}';
const LINK_FR = `Le lien de l'invitation${NBSP}:\n{{link}}`;

function en(subject: string, ...paragraphs: string[]): Template {
  return { subject, body: ['Hello {{contactName|there}},', ...paragraphs, SIGN_EN].join('\n\n') };
}
function fr(subject: string, ...paragraphs: string[]): Template {
  return {
    subject,
    body: ['Bonjour {{contactName|Madame, Monsieur}},', ...paragraphs, SIGN_FR].join('\n\n'),
  };
}

const EN: Record<FollowUpReason, Template> = {
  reminder: en(
    'Reminder: {{partnerName}} invitation for {{customerName}}',
    'A quick reminder about our invitation for {{partnerName}} to become the Microsoft Cloud Solution Provider ' +
      'for {{customerName}}. It takes a couple of minutes.',
    LINK_EN,
  ),
  'not-global-admin': en(
    'Invitation for {{customerName}}: a Global Administrator is needed',
    'Only a user with the Global Administrator role in your Microsoft tenant can accept our invitation. If that ' +
      'is not you, please forward this email to your Global Administrator.',
    LINK_EN,
  ),
  'billing-profile': en(
    'Invitation for {{customerName}}: complete the billing profile first',
    `The invitation can be accepted once your billing profile is complete. Please check it here:\n${BILLING_URL}`,
    'A change can take about 5 minutes to show. Then open the invitation again:\n{{link}}',
  ),
  region: en(
    'Invitation for {{customerName}}: country or region',
    'Microsoft lets a partner invite only customers in its own country or region. Please check the country of ' +
      'your organization profile in the Microsoft 365 admin center; if it differs from ours, reply and we will ' +
      'find the right way together.',
    LINK_EN,
  ),
  'other-partner': en(
    'Invitation for {{customerName}}: working with more than one partner',
    'You can work with several Microsoft partners at once. Accepting our invitation does not change your ' +
      'existing subscriptions or your current partner. For a given service, only one partner can hold admin ' +
      'permissions on your behalf.',
    LINK_EN,
  ),
};

const FR: Record<FollowUpReason, Template> = {
  reminder: fr(
    `Rappel${NBSP}: invitation de {{partnerName}} pour {{customerName}}`,
    'Un petit rappel concernant notre invitation pour que {{partnerName}} devienne le fournisseur de solutions ' +
      'cloud Microsoft (CSP) de {{customerName}}. Cela prend quelques minutes.',
    LINK_FR,
  ),
  'not-global-admin': fr(
    `Invitation pour {{customerName}}${NBSP}: un administrateur général est nécessaire`,
    "Seul un utilisateur ayant le rôle d'administrateur général de votre locataire Microsoft peut accepter notre " +
      "invitation. Si ce n'est pas votre cas, merci de transférer ce message à votre administrateur général.",
    LINK_FR,
  ),
  'billing-profile': fr(
    `Invitation pour {{customerName}}${NBSP}: compléter d'abord le profil de facturation`,
    'Notre invitation peut être acceptée une fois votre profil de facturation complet. Vous pouvez le vérifier ' +
      `ici${NBSP}:\n${BILLING_URL}`,
    `Une modification peut mettre environ 5 minutes à s'afficher. Ouvrez ensuite l'invitation${NBSP}:\n{{link}}`,
  ),
  region: fr(
    `Invitation pour {{customerName}}${NBSP}: pays ou région`,
    "Microsoft ne permet à un partenaire d'inviter que des clients de son propre pays ou région. Merci de vérifier " +
      "le pays du profil de votre organisation dans le centre d'administration Microsoft 365. S'il diffère du " +
      'nôtre, répondez-nous et nous trouverons ensemble la bonne solution.',
    LINK_FR,
  ),
  'other-partner': fr(
    `Invitation pour {{customerName}}${NBSP}: travailler avec plusieurs partenaires`,
    'Vous pouvez travailler avec plusieurs partenaires Microsoft à la fois. Accepter notre invitation ne change ' +
      'ni vos abonnements existants ni votre partenaire actuel. Pour un service donné, un seul partenaire peut ' +
      "détenir les autorisations d'administration pour votre compte.",
    LINK_FR,
  ),
};

// Frozen like the defaults: a caller that edits one takes a copy.
export const FOLLOW_UP_TEMPLATES: Readonly<Record<Language, Readonly<Record<FollowUpReason, Template>>>> =
  Object.freeze({ en: Object.freeze(EN), fr: Object.freeze(FR) });

/** A fresh copy of one follow-up template. */
export function followUpTemplate(reason: FollowUpReason, lang: Language): Template {
  const { subject, body } = FOLLOW_UP_TEMPLATES[lang][reason];
  return { subject, body };
}

export interface GdapRequest {
  /** The requested Microsoft Entra roles, one per line with a short description; plain text. */
  roles?: string;
  /** The relationship's duration as the partner wrote it ("730 days"); plain text. */
  duration?: string;
  /** Partner Center's auto-extend (180 days) is on. */
  autoExtend?: boolean;
}

/**
 * Partner text goes into the template's text, where `{{` would start a placeholder: braces are spaced out so
 * the text stays literal. renderDraft then escapes it like any template text.
 */
function literal(s: string | undefined): string {
  return (s ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\{(?=\{)/g, '{ ')
    .replace(/\}(?=\})/g, '} ')
    .trim();
}

const GDAP_TEXT = {
  en: {
    subject: '{{partnerName}}: administrative access request for {{customerName}}',
    intro:
      'This link lets you accept the request from {{partnerName}} to administer your Microsoft tenant with the ' +
      'roles below, for a limited period (granular delegated admin privileges, GDAP).',
    duration: 'Duration: ',
    extend: 'The access extends automatically by 180 days unless it is ended.',
    roles: 'Requested Microsoft Entra roles:',
    review: 'Click to review and accept:\n{{link}}',
    note: 'A Global Administrator of your tenant must accept. The request expires after 90 days without action.',
  },
  fr: {
    subject: `{{partnerName}}${NBSP}: demande d'accès administrateur pour {{customerName}}`,
    intro:
      "Ce lien vous permet d'accepter la demande de {{partnerName}} d'administrer votre locataire Microsoft avec " +
      "les rôles ci-dessous, pour une durée limitée (privilèges d'administration délégués granulaires, GDAP).",
    duration: `Durée${NBSP}: `,
    extend: "L'accès est prolongé automatiquement de 180 jours, sauf s'il est arrêté.",
    roles: `Rôles Microsoft Entra demandés${NBSP}:`,
    review: `Cliquez pour examiner et accepter${NBSP}:\n{{link}}`,
    note: 'Un administrateur général de votre locataire doit accepter. La demande expire après 90 jours sans réponse.',
  },
} as const;

/** The GDAP request in a language, roles and duration written in; the GDAP link goes in `{{link}}`. */
export function gdapTemplate(lang: Language, request: GdapRequest): Template {
  const t = GDAP_TEXT[lang];
  const roles = literal(request.roles);
  const duration = literal(request.duration).replace(/\s*\n\s*/g, ' ');
  const terms = [duration ? `${t.duration}${duration}` : '', request.autoExtend ? t.extend : ''].filter(
    Boolean,
  );
  const paragraphs = [t.intro, terms.join('\n'), roles ? `${t.roles}\n${roles}` : '', t.review, t.note];
  const body = paragraphs.filter(Boolean).join('\n\n');
  return lang === 'fr' ? fr(t.subject, body) : en(t.subject, body);
}
