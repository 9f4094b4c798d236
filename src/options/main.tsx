import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { db } from '../db/db';
import { t, uiLanguage } from '../platform';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { tellWorkerOnWrites } from '../ui/tell-worker';
import { App } from './App';

tellWorkerOnWrites(db);
document.documentElement.lang = uiLanguage();
// The last resort: whatever the sections' own boundaries miss still ends as a message with a way out, never blank.
render(
  <ErrorBoundary area={t('extName')}>
    <App />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
