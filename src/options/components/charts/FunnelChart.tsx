import type { FunnelCounts } from '../../../core/charts';
import { t } from '../../../platform';
import { formatNumber } from '../../format';

const W = 420;
const LABEL = 96;
const BAR_H = 26;
const GAP = 12;

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/**
 * Invited → accepted → removed as horizontal bars in inline SVG. The numbers are drawn as text beside each bar and
 * repeated in the <desc>, so they are read out, not only seen.
 */
export function FunnelChart({ counts }: { counts: FunnelCounts }) {
  const stages: [string, number][] = [
    [t('funnelInvited'), counts.invited],
    [t('funnelAccepted'), counts.accepted],
    [t('funnelRemoved'), counts.removed],
  ];
  const max = Math.max(1, counts.invited);
  const room = W - LABEL - 110;
  const desc = t('funnelDesc', [
    formatNumber(counts.invited),
    formatNumber(counts.accepted),
    String(pct(counts.accepted, counts.invited)),
    formatNumber(counts.removed),
  ]);
  const height = stages.length * (BAR_H + GAP);
  return (
    <figure class="chart" data-testid="funnel">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="funnel-title funnel-desc">
        <title id="funnel-title">{t('funnelTitle')}</title>
        <desc id="funnel-desc">{desc}</desc>
        {stages.map(([label, value], i) => {
          const y = i * (BAR_H + GAP);
          const width = value === 0 ? 0 : Math.max(2, (value / max) * room);
          return (
            <g key={label} class={`stage stage-${i}`}>
              <text x={LABEL - 8} y={y + BAR_H / 2} text-anchor="end" dominant-baseline="central">
                {label}
              </text>
              <rect x={LABEL} y={y} width={width} height={BAR_H} rx={4} />
              <text x={LABEL + width + 8} y={y + BAR_H / 2} dominant-baseline="central" class="value">
                {formatNumber(value)}
                {i > 0 && ` (${pct(value, counts.invited)} %)`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">
        {t('funnelCaption', [
          formatNumber(counts.pending),
          formatNumber(counts.withdrawn),
          formatNumber(counts.acceptedWithoutInvitation),
        ])}
      </figcaption>
    </figure>
  );
}
