/**
 * The popup's view of the tracking settings the options page writes (src/db/tracking-settings.ts: settings row
 * `tracking`). It goes through that module's validation, so the popup's overdue count and the worker's badge always
 * use the same threshold, default included.
 *
 * Only the value is interpreted here; the caller reads the row itself (`db.settings.get(TRACKING_KEY)`) inside its
 * own liveQuery: see src/popup/glance.ts for why the read is not wrapped in another async helper.
 */
import { trackingSettingsOf } from '../db/tracking-settings';

/** The threshold in a stored value; absent or invalid (hand-edited backup) is DEFAULT_FOLLOW_UP_DAYS. */
export function followUpDaysOf(value: unknown): number {
  return trackingSettingsOf(value).followUpDays;
}
