import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { stringsLanguage } from '../core/language';
import { peekSettings } from '../db/peek';
import { pageStorage, runtime, t } from '../platform';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { App } from './App';

// Started before anything else: the popup renders once this read answers, the invite form with it, no empty frame
// first; Dexie loads after that paint (docs/architecture.md, "The popup's first paint").
const first = peekSettings(pageStorage()).catch(() => undefined);
// The language of the strings shown, not the browser's: a Portuguese browser reads our English ones.
document.documentElement.lang = stringsLanguage(t);
// The last resort: whatever the page's own boundaries miss still ends as a message with a way out, never blank.
void first.then((settings) =>
  render(
    <ErrorBoundary area={t('extName')} onOpenOptions={() => void runtime.openOptionsPage()}>
      <App first={settings} />
    </ErrorBoundary>,
    document.getElementById('app') as HTMLElement,
  ),
);
