import type { Problem } from '../../core/problem';
import { t } from '../../platform';
import { describedBy, Field } from '../Field';

export interface CustomerForm {
  company: string;
  contact: string;
  email: string;
}

export const EMPTY_CUSTOMER: CustomerForm = { company: '', contact: '', email: '' };

interface Props {
  customer: CustomerForm;
  problems: Problem[];
  edit: (patch: Partial<CustomerForm>) => void;
}

/** Company, contact and email: what the draft is addressed to and what the customer is recognised by. */
export function CustomerFields({ customer, problems, edit }: Props) {
  const input = (id: keyof CustomerForm, label: string, inputMode: 'text' | 'email') => {
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
