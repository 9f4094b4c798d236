import type { Runtime } from '../platform';

/** Who we are: the extension id and the base URL of its pages (`chrome-extension://<id>/`). */
export interface OwnExtension {
  id: string;
  baseUrl: string;
}

/**
 * The trust boundary (docs/decisions.md, "Only our own pages may drive the worker"): only our own extension pages may drive the worker. A content script
 * carries a `tab` and a web origin; another extension has another id. `self` is passed in (index.ts reads it from
 * platform) so the rule is tested in Node with plain senders.
 */
export function isExtensionPage(sender: Runtime.MessageSender, self: OwnExtension): boolean {
  return (
    sender.id === self.id &&
    !sender.tab?.url?.startsWith('http') &&
    (sender.url ?? '').startsWith(self.baseUrl)
  );
}
