import { useState } from 'preact/hooks';
import { checkLengths } from '../../core/customer';
import { checkEmail } from '../../core/email';
import type { Problem } from '../../core/problem';
import { checkPartnerProfile, linkTypeKey, type PartnerProfile } from '../../core/profile';
import type { SendChannel } from '../../core/status';
import { getTemplateOverrides, type TemplateOverrides } from '../../db/settings';
import { t } from '../../platform';
import { DraftPreview } from '../DraftPreview';
import { LanguagePicker } from '../LanguagePicker';
import { useLive } from '../useLive';
import { CustomerFields } from './CustomerFields';
import { buildDraft, checkGdapLink } from './draft';
import { FollowUpBar, type FollowUpTarget } from './FollowUpBar';
import { GdapFields, ModeSwitch } from './GdapFields';
import { requestFor } from './record';
import { SendActions } from './SendActions';
import { UndoNotice } from './UndoNotice';
import { useInviteForm } from './useInviteForm';
import { useRecorder } from './useRecorder';
import './invite.css';

const COMPANY_REQUIRED: Problem = {
  field: 'company',
  code: 'required',
  message: 'Enter the customer company.',
};

/** The form's input ids for the customer fields core names. */
const FORM_FIELD: Readonly<Record<string, string>> = { companyName: 'company', contactName: 'contact' };

interface Props {
  profile: PartnerProfile;
  onEditProfile: () => void;
  /** Only this tab's compose windows (the options page opened from the context menu on a webmail tab). */
  targetTabId?: number;
  /** Opened from the pending list: re-sends that invitation. The caller keys the view by it, to start afresh. */
  followUp?: FollowUpTarget | undefined;
  onCancelFollowUp?: () => void;
  /** The stored templates as the popup read them for its first paint (db/peek.ts), until the live read answers. */
  firstOverrides?: TemplateOverrides | undefined;
}

/**
 * Invite one customer (reseller relationship or GDAP request) or follow one up: fill the names, check the live
 * preview, then copy, open in the mail app or insert into a compose window; each records the invitation.
 */
export function InviteView(props: Props) {
  const { profile, onEditProfile, targetTabId, followUp, onCancelFollowUp, firstOverrides } = props;
  const overrides = useLive(getTemplateOverrides, [], firstOverrides);
  const [status, setStatus] = useState('');
  const [tried, setTried] = useState(false);
  const recorder = useRecorder();
  // An edit makes the last outcome stale; a running Undo stays until its window closes.
  const changed = () => {
    setStatus('');
    if (!recorder.notice?.undo) recorder.show(undefined);
  };
  const { form, editCustomer, editGdap, setMode, setLang, setReason } = useInviteForm(followUp, changed);
  const { customer, lang, mode, gdap, reason } = form;
  const link = checkPartnerProfile(profile).link;
  if (!link) return <p class="problem">{t('profileHasProblems')}</p>;

  const gdapCheck = checkGdapLink(gdap.link);
  const draft = buildDraft({
    ...form,
    ...customer,
    profile,
    resellerLink: link.url,
    overrides: overrides ?? {},
    reason: followUp?.type === 'reseller' ? reason : undefined,
    placeholder: t('customerPlaceholder'),
  });
  // Too long is said as the partner types, before anything is sent: recording would refuse it after the send.
  const tooLong = checkLengths({
    companyName: customer.company,
    contactName: customer.contact,
    email: customer.email,
  }).map((f) => ({ ...f, field: FORM_FIELD[f.field ?? ''] ?? f.field }));
  const problems = [
    ...(customer.company.trim() ? [] : [COMPANY_REQUIRED]),
    ...checkEmail(customer.email),
    ...tooLong,
  ];
  const shown = tried ? problems : problems.filter((f) => f.field === 'email' || f.code === 'too-long');
  const ready = (): boolean => {
    setTried(true);
    return problems.length === 0 && draft !== undefined;
  };
  const record = (channel: SendChannel) => {
    const sent = { ...form, language: lang, resellerType: link.type, followUpOf: followUp?.invitationId };
    const { request, key } = requestFor(sent, channel, gdapCheck.link);
    void recorder.record(request, key);
  };

  return (
    <section class="invite" aria-labelledby="invite-title">
      <div class="row spread wrap">
        <h2 id="invite-title">{t(followUp ? 'followUpTitle' : 'inviteTitle')}</h2>
        {!followUp && <ModeSwitch mode={mode} onChange={setMode} />}
      </div>
      {followUp && (
        <FollowUpBar
          target={followUp}
          reason={reason}
          onReason={setReason}
          onCancel={() => onCancelFollowUp?.()}
        />
      )}
      <div class="row spread">
        <p class="tag" data-testid="link-type">
          {t(linkTypeKey(mode === 'gdap' ? 'gdap' : link.type))}
        </p>
        <button type="button" class="link-button" onClick={onEditProfile}>
          {t('editProfile')}
        </button>
      </div>
      <CustomerFields customer={customer} problems={shown} edit={editCustomer} />
      {mode === 'gdap' && <GdapFields gdap={gdap} check={gdapCheck} tried={tried} edit={editGdap} />}
      <LanguagePicker value={lang} onChange={setLang} />
      {draft ? <DraftPreview draft={draft} /> : <p class="hint preview-empty">{t('gdapPreviewEmpty')}</p>}
      <SendActions
        draft={draft}
        to={customer.email}
        targetTabId={targetTabId}
        ready={ready}
        setStatus={setStatus}
        onSent={record}
      />
      <p role="status" class="status" data-testid="invite-status">
        {status}
      </p>
      <UndoNotice notice={recorder.notice} show={recorder.show} testId="record-notice" />
    </section>
  );
}
