import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { stringsLanguage } from '../core/language';
import { t } from '../platform';
// The database, the worker told of its every write, loaded with the page: every section reads or writes it.
import '../ui/page-db';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { App } from './App';

// The language of the strings shown, not the browser's: a Portuguese browser reads our English ones.
document.documentElement.lang = stringsLanguage(t);
// The last resort: whatever the sections' own boundaries miss still ends as a message with a way out, never blank.
render(
  <ErrorBoundary area={t('extName')}>
    <App />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
