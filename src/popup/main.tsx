import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { db } from '../db/db';
import { runtime, t, uiLanguage } from '../platform';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { tellWorkerOnWrites } from '../ui/tell-worker';
import { App } from './App';

tellWorkerOnWrites(db);
// Open IndexedDB now, in parallel with the first render, rather than on the first query after it.
void db.open();
document.documentElement.lang = uiLanguage();
// The last resort: whatever the page's own boundaries miss still ends as a message with a way out, never blank.
render(
  <ErrorBoundary area={t('extName')} onOpenOptions={() => void runtime.openOptionsPage()}>
    <App />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
