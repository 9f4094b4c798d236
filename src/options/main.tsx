import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { db } from '../db/db';
import { uiLanguage } from '../platform';
import { tellWorkerOnWrites } from '../ui/tell-worker';
import { App } from './App';

tellWorkerOnWrites(db);
document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app') as HTMLElement);
