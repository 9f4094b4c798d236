import { useState } from 'preact/hooks';
import type { FollowUpReason } from '../../core/followup-templates';
import { languageFor } from '../../core/language';
import type { Language } from '../../core/types';
import { uiLanguage } from '../../platform';
import { type CustomerForm, EMPTY_CUSTOMER } from './CustomerFields';
import { EMPTY_GDAP, type GdapForm, type InviteMode } from './draft';
import type { FollowUpTarget } from './FollowUpBar';

export interface InviteForm {
  customer: CustomerForm;
  lang: Language;
  mode: InviteMode;
  gdap: GdapForm;
  reason: FollowUpReason;
}

/**
 * The invite view's fields, started from a follow-up when there is one. `onEdit` runs on every edit that changes
 * the draft's recipient or kind, so the view can drop outcomes that no longer describe the form.
 */
export function useInviteForm(followUp: FollowUpTarget | undefined, onEdit: () => void) {
  const [form, setForm] = useState<InviteForm>(() => ({
    customer: followUp?.customer ?? EMPTY_CUSTOMER,
    lang: followUp?.language ?? languageFor(uiLanguage()),
    mode: followUp?.type ?? 'reseller',
    gdap: followUp?.gdap ?? EMPTY_GDAP,
    reason: 'reminder',
  }));
  const update = (patch: Partial<InviteForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    onEdit();
  };
  return {
    form,
    editCustomer: (patch: Partial<CustomerForm>) => update({ customer: { ...form.customer, ...patch } }),
    editGdap: (patch: Partial<GdapForm>) => update({ gdap: { ...form.gdap, ...patch } }),
    setMode: (mode: InviteMode) => update({ mode }),
    setLang: (lang: Language) => setForm((f) => ({ ...f, lang })),
    setReason: (reason: FollowUpReason) => setForm((f) => ({ ...f, reason })),
  };
}
