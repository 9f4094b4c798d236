/** Shared by every bench section: medians, so one slow run on a busy 2-core machine does not move a figure. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
