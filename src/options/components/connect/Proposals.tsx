import { useEffect, useState } from 'preact/hooks';
import { CONNECT_KEYS, type Proposal, parseProposals } from '../../../core/connect-state';
import { languageFor } from '../../../core/language';
import { applyProposals } from '../../../db/partner-center';
import { localArea, t, uiLanguage } from '../../../platform';
import { errorText, findingText } from '../../../ui/findings';
import { db } from '../../../ui/page-db';

const KEY = CONNECT_KEYS.proposals;
const SHOWN = 200;

const KIND_KEYS: Record<Proposal['kind'], string> = {
  name: 'connectProposalName',
  uninvited: 'connectProposalUninvited',
  new: 'connectProposalNew',
};

/**
 * What the last check found and did not apply: name-only matches, matched customers never invited, customers
 * unknown here. None is applied until the partner ticks it and presses Apply.
 */
export function Proposals({ stamp }: { stamp: number }) {
  const [list, setList] = useState<Proposal[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [note, setNote] = useState('');
  const load = () =>
    localArea.get(KEY).then(
      (v) => {
        const parsed = parseProposals(v);
        setList(parsed.ok ? parsed.value : []);
        if (!parsed.ok) setNote(parsed.problems.map((p) => findingText(p)).join(' '));
      },
      (e: unknown) => setNote(errorText(e)),
    );
  useEffect(() => {
    void load();
    return localArea.onChanged(KEY, () => void load());
  }, [stamp]);
  if (list.length === 0) return null;

  const toggle = (i: number) => {
    const next = new Set(chosen);
    if (!next.delete(i)) next.add(i);
    setChosen(next);
  };
  const apply = async () => {
    const picked = list.filter((_, i) => chosen.has(i));
    const language = languageFor(uiLanguage());
    try {
      const r = await applyProposals(db, picked, language);
      await localArea.set(
        KEY,
        list.filter((_, i) => !chosen.has(i)),
      );
      setChosen(new Set());
      setNote(t('connectApplied', [String(r.accepted + r.created + r.added), String(r.skipped.length)]));
    } catch (e) {
      setNote(errorText(e));
    }
  };
  return (
    <div data-testid="connect-proposals">
      <h3>{t('connectProposalsTitle', String(list.length))}</h3>
      <ul class="plain">
        {list.slice(0, SHOWN).map((p, i) => (
          <li key={`${p.row.tenantId}-${p.customerId ?? ''}`}>
            <label>
              <input type="checkbox" checked={chosen.has(i)} onChange={() => toggle(i)} />{' '}
              {t(KIND_KEYS[p.kind], [p.row.companyName, p.row.domain || p.row.tenantId])}
            </label>
          </li>
        ))}
      </ul>
      {list.length > SHOWN && <p class="hint">{t('connectProposalsMore', String(list.length - SHOWN))}</p>}
      <button type="button" disabled={chosen.size === 0} onClick={() => void apply()}>
        {t('connectApply')}
      </button>
      {note && <p role="status">{note}</p>}
    </div>
  );
}
