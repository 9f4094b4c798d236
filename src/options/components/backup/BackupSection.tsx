import { t } from '../../../platform';
import { EraseCard } from './EraseCard';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';

export function BackupSection() {
  return (
    <section id="backup" class="section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <ExportCard />
      <ImportCard />
      <EraseCard />
    </section>
  );
}
