import type { TimeToAccept } from '../../../core/charts';
import { t } from '../../../platform';
import { countText, formatNumber } from '../../format';

const W = 420;
const H = 150;
const TOP = 18;
const BOTTOM = 22;

/** "0–0" reads badly: a one-day bucket is "same day", the open last one "60+". */
export function bucketLabel(b: { from: number; to?: number }): string {
  if (b.to === undefined) return `${b.from}+`;
  if (b.to - b.from === 1) return b.from === 0 ? t('sameDay') : String(b.from);
  return `${b.from}–${b.to - 1}`;
}

/** Histogram of whole days from first send to acceptance, in inline SVG, with counts as text and in the <desc>. */
export function AcceptChart({ data }: { data: TimeToAccept }) {
  const max = Math.max(1, ...data.buckets.map((b) => b.count));
  const slot = W / data.buckets.length;
  const plot = H - TOP - BOTTOM;
  const summary =
    data.medianDays === undefined
      ? t('acceptDescEmpty')
      : t('acceptDesc', [countText('countAccepted', data.total), countText('countDays', data.medianDays)]);
  const values = data.buckets.map((b) => `${bucketLabel(b)}: ${formatNumber(b.count)}`).join('; ');
  return (
    <figure class="chart" data-testid="accept-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="accept-title accept-desc">
        <title id="accept-title">{t('acceptTitle')}</title>
        <desc id="accept-desc">{`${summary} ${t('acceptDays')}: ${values}.`}</desc>
        <line x1={0} x2={W} y1={H - BOTTOM} y2={H - BOTTOM} class="axis" />
        {data.buckets.map((b, i) => {
          const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * plot);
          const x = i * slot + slot * 0.15;
          const y = H - BOTTOM - h;
          return (
            <g key={b.from} class="bucket">
              <rect x={x} y={y} width={slot * 0.7} height={h} rx={3} />
              <text x={x + slot * 0.35} y={y - 4} text-anchor="middle" class="value">
                {formatNumber(b.count)}
              </text>
              <text x={x + slot * 0.35} y={H - 6} text-anchor="middle">
                {bucketLabel(b)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">
        {summary} {t('acceptAxis')}
      </figcaption>
    </figure>
  );
}
