/** Wires the worker's listeners and nothing else: the behaviour lives in the modules it imports. */
import { db } from '../db/db';
import { getTrackingSettings } from '../db/tracking-settings';
import type { AnyRequest } from '../messages';
import {
  alarms,
  clearAlarm,
  menus,
  notifications,
  permissions,
  type Runtime,
  runtime,
  t,
  tabs,
} from '../platform';
import {
  CUSTOMERS_PAGE,
  NOTIFICATION_ID,
  onAlarm,
  REFRESH_ALARM,
  type ReminderPort,
  scheduleAlarms,
} from './alarms';
import { CONNECT_ALARM, check as checkPartnerCenter } from './connect/service';
import { afterWorkerWrite, handlers, refreshBadgeNow } from './handlers';
import { createMenu, onMenuClick } from './menu';
import { readRequest } from './requests';
import { isExtensionPage } from './sender';
import { reconcile, startSync } from './sync';

const own = { id: runtime.id(), baseUrl: runtime.url('') };

/** Errors stop here, at the top (docs/decisions.md, "Errors are returned inside, caught at the top"): a listener has no caller to return them to. */
const report = (what: string) => (error: unknown) => console.error(what, error);

const reminders: ReminderPort = {
  refresh: refreshBadgeNow,
  settings: () => getTrackingSettings(db),
  canNotify: () => permissions.hasApi('notifications'),
  show: notifications.show,
  t,
};

runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isExtensionPage(sender, own)) return undefined;
  const read = readRequest(message);
  if (read === undefined) return undefined;
  if ('refused' in read) return Promise.reject(new Error(read.refused));
  const handle = handlers[read.request.type] as (request: AnyRequest) => Promise<unknown>;
  return handle(read.request);
});

runtime.onInstalled.addListener((details: Runtime.OnInstalledDetailsType) => {
  void createMenu();
  void scheduleAlarms(alarms).catch(report('Scheduling alarms failed'));
  // First install: open the options page so the partner can set the profile up in a full tab.
  // `temporary` (Firefox test installs) also gets it: BiDi cannot navigate to moz-extension:// by itself.
  if (details.reason === 'install' || details.temporary)
    void tabs.create(runtime.url('src/options/index.html'));
});

runtime.onStartup.addListener(() => {
  void scheduleAlarms(alarms).catch(report('Scheduling alarms failed'));
});

alarms.onAlarm.addListener((alarm: { name: string }) => {
  void onAlarm(alarm, reminders).catch(report(`Alarm ${alarm.name} failed`));
  // The hourly alarm is also sync's backstop: a full reconcile (docs/sync.md, "One sync"), whatever the worker missed.
  if (alarm.name === REFRESH_ALARM) void reconcile().catch(report('Sync reconcile failed'));
  // Partner Center every 6 hours while signed in (docs/connect.md, "When it runs"); signed out, the schedule stops.
  if (alarm.name === CONNECT_ALARM) {
    void checkPartnerCenter(afterWorkerWrite)
      .then((status) => (status.state === 'connected' ? undefined : clearAlarm(CONNECT_ALARM)))
      .catch(report('Partner Center check failed'));
  }
});

notifications.onClicked((id) => {
  if (id === NOTIFICATION_ID) void tabs.create(runtime.url(CUSTOMERS_PAGE));
});

menus.onClicked.addListener(onMenuClick);

// Every worker start: listen to storage.sync and reconcile (docs/sync.md, "One sync").
void startSync();

// Every worker start: the badge survives a restart but the count may have changed while the worker slept.
void refreshBadgeNow().catch(report('Badge refresh failed'));
