/** Dates and numbers in the browser's UI language, formatters built once (the table formats thousands of cells). */
import { counted } from '../core/plural';
import { t, uiLanguage } from '../platform';

const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat(uiLanguage());

export const formatDate = (at: number): string => dateFormat.format(at);
export const formatDateTime = (at: number): string => dateTimeFormat.format(at);
export const formatNumber = (n: number): string => numberFormat.format(n);

/** A counted phrase (`<key>One`/`<key>Other`, core/plural.ts) with the number formatted as the rest of the page. */
export const countText = (key: string, n: number): string => counted(t, key, n, formatNumber);
