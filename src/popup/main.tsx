import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { db } from '../db/db';
import { uiLanguage } from '../platform';
import { tellWorkerOnWrites } from '../ui/tell-worker';
import { App } from './App';

tellWorkerOnWrites(db);
// Open IndexedDB now, in parallel with the first render, rather than on the first query after it.
void db.open();
document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app') as HTMLElement);
