import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
// The database, the worker told of its every write, loaded with the page: every section reads or writes it.
import '../ui/page-db';
import { t, uiLanguage } from '../platform';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { App } from './App';

document.documentElement.lang = uiLanguage();
// The last resort: whatever the sections' own boundaries miss still ends as a message with a way out, never blank.
render(
  <ErrorBoundary area={t('extName')}>
    <App />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
