import { useState } from 'preact/hooks';
import { checkEmail } from '../../core/email';
import { languageFor } from '../../core/language';
import { buildMailto } from '../../core/mailto';
import { checkPartnerProfile, linkTypeKey, type PartnerProfile } from '../../core/profile';
import { renderDraft } from '../../core/template';
import type { Draft, Finding, Language } from '../../core/types';
import { db } from '../../db/db';
import { effectiveTemplate, getTemplateOverrides } from '../../db/settings';
import { copyRich, t, tabs, uiLanguage } from '../../platform';
import { DraftPreview } from '../DraftPreview';
import { describedBy, Field } from '../Field';
import { LanguagePicker } from '../LanguagePicker';
import { useLive } from '../useLive';
import { ComposeInsert } from './ComposeInsert';

interface Customer {
  company: string;
  contact: string;
  email: string;
}

const COMPANY_REQUIRED: Finding = {
  field: 'company',
  code: 'required',
  message: 'Enter the customer company.',
};

/** Invite one customer: fill the names, check the live preview, then copy or open it in the mail app. */
interface Props {
  profile: PartnerProfile;
  onEditProfile: () => void;
  /** Only this tab's compose windows (the options page opened from the context menu on a webmail tab). */
  targetTabId?: number;
}

export function InviteView({ profile, onEditProfile, targetTabId }: Props) {
  const overrides = useLive(() => getTemplateOverrides(db));
  const [customer, setCustomer] = useState<Customer>({ company: '', contact: '', email: '' });
  const [lang, setLang] = useState<Language>(languageFor(uiLanguage()));
  const [status, setStatus] = useState('');
  const [tried, setTried] = useState(false);
  const link = checkPartnerProfile(profile).link;
  if (!link) return <p class="problem">{t('profileHasProblems')}</p>;

  const draft = renderDraft(effectiveTemplate(overrides ?? {}, lang), {
    customerName: customer.company.trim() || t('customerPlaceholder'),
    contactName: customer.contact.trim(),
    partnerName: profile.partnerName,
    senderName: profile.senderName,
    link: link.url,
  });
  const problems = [...(customer.company.trim() ? [] : [COMPANY_REQUIRED]), ...checkEmail(customer.email)];
  const shown = tried ? problems : problems.filter((f) => f.field === 'email');
  const edit = (patch: Partial<Customer>) => {
    setCustomer((c) => ({ ...c, ...patch }));
    setStatus('');
  };
  const ready = (): boolean => {
    setTried(true);
    return problems.length === 0;
  };

  return (
    <section class="invite" aria-labelledby="invite-title">
      <div class="row spread">
        <h2 id="invite-title">{t('inviteTitle')}</h2>
        <button type="button" class="link-button" onClick={onEditProfile}>
          {t('editProfile')}
        </button>
      </div>
      <p class="tag" data-testid="link-type">
        {t(linkTypeKey(link.type))}
      </p>
      <CustomerFields customer={customer} problems={shown} edit={edit} />
      <LanguagePicker value={lang} onChange={setLang} />
      <DraftPreview draft={draft} />
      <ComposeInsert
        targetTabId={targetTabId}
        draft={draft}
        to={customer.email}
        ready={ready}
        onInserted={() => undefined}
        setStatus={setStatus}
      />
      <div class="actions">
        <button type="button" onClick={() => ready() && copy(draft, setStatus)}>
          {t('copyDraft')}
        </button>
        <button type="button" onClick={() => ready() && openMailApp(draft, customer.email, setStatus)}>
          {t('openMailApp')}
        </button>
      </div>
      <p role="status" class="status" data-testid="invite-status">
        {status}
      </p>
    </section>
  );
}

function CustomerFields(props: {
  customer: Customer;
  problems: Finding[];
  edit: (p: Partial<Customer>) => void;
}) {
  const { customer, problems, edit } = props;
  const input = (id: keyof Customer, label: string, inputMode: 'text' | 'email') => {
    const mine = problems.filter((f) => f.field === id);
    return (
      <Field id={id} label={label} problems={mine}>
        <input
          id={id}
          inputMode={inputMode}
          autocomplete="off"
          value={customer[id]}
          aria-describedby={describedBy(id)}
          aria-invalid={mine.length > 0}
          onInput={(e) => edit({ [id]: e.currentTarget.value })}
        />
      </Field>
    );
  };
  return (
    <div class="grid">
      {input('company', t('companyLabel'), 'text')}
      {input('contact', t('contactLabel'), 'text')}
      {input('email', t('emailLabel'), 'email')}
    </div>
  );
}

async function copy(draft: Draft, setStatus: (s: string) => void) {
  try {
    await copyRich(draft.html, draft.text);
    setStatus(t('copied'));
  } catch {
    setStatus(t('copyFailed'));
  }
}

function openMailApp(draft: Draft, to: string, setStatus: (s: string) => void) {
  const mailto = buildMailto({ to: to.trim(), subject: draft.subject, text: draft.text });
  if (!mailto.ok) {
    setStatus(t('mailtoTooLong'));
    return;
  }
  // A tab rather than location.href: the popup would otherwise navigate itself to the mailto: URL.
  void tabs.create(mailto.url);
  setStatus(t('mailAppOpened'));
}
