/** Wires the worker's listeners and nothing else: the behaviour lives in the modules it imports. */
import { isRequest, type MessageType } from '../messages';
import { menus, type Runtime, runtime, tabs } from '../platform';
import { handlers } from './handlers';
import { createMenu, onMenuClick } from './menu';
import { isExtensionPage } from './sender';

const TYPES = Object.keys(handlers) as MessageType[];

runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isRequest(message, TYPES) || !isExtensionPage(sender)) return undefined;
  const handle = handlers[message.type] as (request: typeof message) => Promise<unknown>;
  return handle(message);
});

runtime.onInstalled.addListener((details: Runtime.OnInstalledDetailsType) => {
  void createMenu();
  // First install: open the options page so the partner can set the profile up in a full tab.
  // `temporary` (Firefox test installs) also gets it: BiDi cannot navigate to moz-extension:// by itself.
  if (details.reason === 'install' || details.temporary)
    void tabs.create(runtime.url('src/options/index.html'));
});

menus.onClicked.addListener(onMenuClick);
