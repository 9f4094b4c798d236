/**
 * One timeline line in words. Pure: the caller passes `t` (platform's, or a fake in tests) and a date formatter,
 * so the wording lives in _locales and this file only picks the message and its substitutions.
 */
import type { Translate } from '../core/language';
import type { InvitationEvent } from '../core/status';

const CHANNEL_KEYS: Record<string, string> = {
  copy: 'channelCopy',
  mailto: 'channelMailto',
  compose: 'channelCompose',
  export: 'channelExport',
};

const MATCH_KEYS: Record<string, string> = {
  tenantId: 'matchByTenantId',
  domain: 'matchByDomain',
  name: 'matchByName',
};

export function eventText(e: InvitationEvent, t: Translate, date: (at: number) => string): string {
  const d = e.detail;
  switch (e.type) {
    case 'sent':
      return t('eventSent', t(CHANNEL_KEYS[String(d.channel)] ?? 'channelCopy'));
    case 'resent':
      return t('eventResent', String(d.sends ?? ''));
    case 'accepted':
      if (d.source === 'partner-center') return t('eventAcceptedPartnerCenter');
      if (d.source !== 'export') return t('eventAcceptedManual');
      return typeof d.by === 'string' && MATCH_KEYS[d.by]
        ? t('eventAcceptedExportBy', t(MATCH_KEYS[d.by] as string))
        : t('eventAcceptedExport');
    case 'withdrawn':
      return t('eventWithdrawn');
    case 'removed':
      return t('eventRemoved');
    case 'reopened':
      return t('eventReopened');
    case 'undone':
      return t('eventUndone');
    case 'admin-access':
      return t(d.removed ? 'eventAdminRemoved' : 'eventAdminRestored');
    case 'follow-up':
      return typeof d.dueAt === 'number' ? t('eventFollowUpSet', date(d.dueAt)) : t('eventFollowUpCleared');
    default:
      return String(e.type);
  }
}
