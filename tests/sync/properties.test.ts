import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute, scheduleArb, violations } from './schedule';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 1_000);

describe('sync properties over random schedules (spec/sync.md §5.3)', () => {
  it(`${RUNS} schedules of 2–4 browsers: converge, lose no edit, delete nothing silently, stay in budget, go quiet`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async (schedule) => {
        const out = await execute(schedule);
        expect(violations(out)).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 42 },
    );
  }, 600_000);
});
