/** What a failed write of a page says to the partner. The worker hears of writes on its own (ui/tell-worker.ts). */
import { InvalidInputError } from '../core/problem';
import { problemsText } from '../ui/findings';

/** The user-facing text of an error: each problem of an InvalidInputError (localised by code), else its message. */
export function errorText(error: unknown): string {
  if (error instanceof InvalidInputError) return problemsText(error.problems);
  return error instanceof Error ? error.message : String(error);
}
