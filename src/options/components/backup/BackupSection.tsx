import { t } from '../../../platform';
import { EraseCard } from './EraseCard';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';
import { StoredRowsCard } from './StoredRowsCard';

export function BackupSection() {
  return (
    <section id="backup" class="section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <StoredRowsCard />
      <ExportCard />
      <ImportCard />
      <EraseCard />
    </section>
  );
}
