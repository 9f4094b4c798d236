import type { Invitation } from '../../../core/status';
import { customerTimeline } from '../../../db/events';
import { t } from '../../../platform';
import { useLive } from '../../../ui/useLive';
import { eventText } from '../../event-text';
import { formatDate, formatDateTime } from '../../format';
import { typeLabel } from './StatusPill';

/** A customer's events, newest first (what changed last is what the partner looks for), read live by index. */
export function Timeline({ customerId, invitations }: { customerId: string; invitations: Invitation[] }) {
  const events = useLive((db) => customerTimeline(db, customerId), [customerId]);
  if (!events) return null;
  if (events.length === 0) return <p class="muted">{t('timelineEmpty')}</p>;
  const types = new Map(invitations.map((i) => [i.id, i.linkType]));
  return (
    <ol class="timeline" data-testid="timeline">
      {[...events].reverse().map((e) => (
        <li key={e.id}>
          <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
          <span>
            {types.has(e.invitationId) && (
              <span class="tag small">{typeLabel(types.get(e.invitationId))}</span>
            )}{' '}
            {eventText(e, t, formatDate)}
          </span>
        </li>
      ))}
    </ol>
  );
}
