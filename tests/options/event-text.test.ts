import { describe, expect, it } from 'vitest';
import type { InvitationEvent } from '../../src/core/status';
import { eventText } from '../../src/options/event-text';

/** A fake `t` that shows the key and its substitutions, so the test sees which message is chosen. */
const t = (key: string, subs?: string | string[]) =>
  subs === undefined ? key : `${key}(${[subs].flat().join(',')})`;
const date = (at: number) => new Date(at).toISOString().slice(0, 10);
const event = (type: InvitationEvent['type'], detail: InvitationEvent['detail'] = {}): InvitationEvent => ({
  id: 'e',
  customerId: 'c',
  invitationId: 'i',
  at: 0,
  type,
  detail,
});

describe('eventText', () => {
  it('words a send by its channel and a re-send by its number', () => {
    expect(eventText(event('sent', { channel: 'compose' }), t, date)).toBe('eventSent(channelCompose)');
    expect(eventText(event('resent', { channel: 'copy', sends: 3 }), t, date)).toBe('eventResent(3)');
  });

  it('says how an acceptance from the export was matched', () => {
    expect(eventText(event('accepted', { source: 'manual' }), t, date)).toBe('eventAcceptedManual');
    expect(eventText(event('accepted', { source: 'export', by: 'tenantId' }), t, date)).toBe(
      'eventAcceptedExportBy(matchByTenantId)',
    );
    expect(eventText(event('accepted', { source: 'export' }), t, date)).toBe('eventAcceptedExport');
  });

  it('words the other transitions', () => {
    expect(eventText(event('admin-access', { removed: true }), t, date)).toBe('eventAdminRemoved');
    expect(eventText(event('admin-access', { removed: false }), t, date)).toBe('eventAdminRestored');
    expect(eventText(event('follow-up', { dueAt: Date.UTC(2025, 2, 4) }), t, date)).toBe(
      'eventFollowUpSet(2025-03-04)',
    );
    expect(eventText(event('follow-up', { cleared: true }), t, date)).toBe('eventFollowUpCleared');
    for (const type of ['withdrawn', 'removed', 'reopened', 'undone'] as const) {
      expect(eventText(event(type), t, date)).toMatch(/^event[A-Z]\w+$/);
    }
  });
});
