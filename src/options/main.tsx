import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { uiLanguage } from '../platform';
import { App } from './App';

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app') as HTMLElement);
