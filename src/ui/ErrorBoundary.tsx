import { Component, type ComponentChildren } from 'preact';
import { t } from '../platform';
import { errorText } from './findings';
import { SettingsNotice } from './SettingsNotice';

interface Props {
  /** What this boundary guards, in the partner's words ("Customers", "Invite"): the heading says it failed. */
  area: string;
  /** The popup offers the options page, where more can be repaired; the options page is already there. */
  onOpenOptions?: () => void;
  children: ComponentChildren;
}

interface State {
  error?: unknown;
  /** Why the backup offered here could not be saved. */
  exportFailed?: string;
}

/** The backup's code (all of Dexie's reads) loads at the click: no page needs it to paint. */
const saveBackupLater = () => import('./save-backup').then((m) => m.saveBackup());

/**
 * Whatever throws while rendering what it guards (a query that failed, code that did not load, a value no parser
 * foresaw) becomes a card that says what failed and offers the ways out: try again, open the options, export a
 * backup, reset a stored setting that does not read. The rest of the page keeps working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`${this.props.area} failed`, error);
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const what = error instanceof Error ? error.message : String(error);
    return (
      <div class="card error-card" role="alert" data-testid="error-boundary">
        <p>
          <strong>{t('errorTitle', this.props.area)}</strong>
        </p>
        <p class="problem">{t('errorWhat', what.slice(0, 300))}</p>
        <SettingsNotice />
        <div class="actions">
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            {t('errorRetry')}
          </button>
          {this.props.onOpenOptions && (
            <button type="button" onClick={this.props.onOpenOptions}>
              {t('openOptions')}
            </button>
          )}
          <button
            type="button"
            onClick={() =>
              saveBackupLater().then(
                () => this.setState({ exportFailed: undefined }),
                (e: unknown) => this.setState({ exportFailed: t('exportFailed', errorText(e)) }),
              )
            }
          >
            {t('errorExport')}
          </button>
        </div>
        {this.state.exportFailed && <p class="problem">{this.state.exportFailed}</p>}
      </div>
    );
  }
}
