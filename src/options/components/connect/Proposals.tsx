import { useEffect, useState } from 'preact/hooks';
import { type Proposal, parseProposals } from '../../../core/connect-state';
import { applyProposals } from '../../../db/partner-center';
import { localArea, t, uiLanguage } from '../../../platform';
import { db } from '../../../ui/page-db';
import { errorText } from '../../changed';

/** The storage.local key the worker writes the proposals under (background/connect/store.ts). */
const KEY = 'connect.proposals';
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
    localArea.get(KEY).then((v) => {
      const parsed = parseProposals(v);
      setList(parsed.ok ? parsed.value : []);
      if (!parsed.ok) setNote(parsed.problems[0]?.message ?? '');
    });
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
    const language = uiLanguage().startsWith('fr') ? 'fr' : 'en';
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
