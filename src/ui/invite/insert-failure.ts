/**
 * A failed insert in the page's language: the worker answers a code (messages.ts `InsertFailure`) and the page words
 * it, with what to do next. Pure: `t` is passed in.
 */
import type { Translate } from '../../core/language';
import type { InsertFailure } from '../../messages';

const KEYS: Readonly<Record<InsertFailure, string>> = {
  'no-access': 'insertFailure_no_access',
  'tab-gone': 'insertFailure_tab_gone',
  unsupported: 'insertFailure_unsupported',
  'no-compose': 'insertFailure_no_compose',
  'not-inserted': 'insertFailure_not_inserted',
  'content-error': 'insertFailure_content_error',
};

/** `detail` (a script's or the browser's error text) goes in where the message has room for it. */
export function insertFailureText(failure: { reason: InsertFailure; detail?: string }, t: Translate): string {
  return t(KEYS[failure.reason], failure.detail ?? '');
}
