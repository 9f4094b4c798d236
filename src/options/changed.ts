/** What every write of the options page does after it: tell the worker, and say what went wrong in words. */
import { InvalidInputError } from '../core/problem';
import { send } from '../messages';
import { findingText } from '../ui/findings';

/**
 * Tells the worker a page wrote to Dexie (it cannot observe that: no liveQuery in a service worker), so the badge
 * recounts now. The write itself is done and kept; if the worker cannot be reached the hourly alarm recounts, so a
 * failure is logged rather than shown as the write's failure.
 */
export function dataChanged(): void {
  send({ type: 'data.changed' }).catch((error: unknown) =>
    console.warn('Worker not told of a change', error),
  );
}

/** The user-facing text of an error: each finding of an InvalidInputError (localised by code), else its message. */
export function errorText(error: unknown): string {
  if (error instanceof InvalidInputError) return error.problems.map(findingText).join(' ');
  return error instanceof Error ? error.message : String(error);
}
