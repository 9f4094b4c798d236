import { type Runtime, runtime } from '../platform';

/**
 * The trust boundary (DESIGN.md, style 9): only our own extension pages may drive the worker. A content script
 * carries a `tab` and a web origin; another extension has another id.
 */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return (
    sender.id === runtime.id() &&
    !sender.tab?.url?.startsWith('http') &&
    (sender.url ?? '').startsWith(runtime.url(''))
  );
}
