import { options, render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { stringsLanguage } from '../core/language';
import { db } from '../db/db';
import { runtime, t } from '../platform';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { tellWorkerOnWrites } from '../ui/tell-worker';
import { App } from './App';

// Effects (every live query: profile, counts, templates) start in the task after a render rather than after the
// next frame, Preact's default: the popup's first frame shows only its header, so waiting for it bought nothing
// and delayed the invite form by a frame (preact/hooks `options.requestAnimationFrame`, src/index.d.ts).
options.requestAnimationFrame = (flush) => setTimeout(flush);
tellWorkerOnWrites(db);
// Open IndexedDB now, in parallel with the first render, rather than on the first query after it.
void db.open();
// The language of the strings shown, not the browser's: a Portuguese browser reads our English ones.
document.documentElement.lang = stringsLanguage(t);
// The last resort: whatever the page's own boundaries miss still ends as a message with a way out, never blank.
render(
  <ErrorBoundary area={t('extName')} onOpenOptions={() => void runtime.openOptionsPage()}>
    <App />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
