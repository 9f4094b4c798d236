import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute, hostileScheduleArb, scheduleArb, violations } from './schedule';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 1_000);
const HOSTILE_RUNS = Number(process.env.SYNC_HOSTILE_PROPERTY_RUNS ?? 150);

describe('sync properties over random schedules', () => {
  it(`${RUNS} schedules of 2–4 browsers: converge, lose no edit, delete nothing silently, stay in budget, go quiet`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async (schedule) => {
        const out = await execute(schedule);
        expect(violations(out)).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 42 },
    );
  }, 600_000);

  it(`${HOSTILE_RUNS} schedules with one misbehaving browser (wrong types, clocks far ahead, mass deletes): the others converge, lose no edit, and hold what it sent`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileScheduleArb, async (schedule) => {
        const out = await execute(schedule);
        expect(violations(out)).toBeUndefined();
      }),
      { numRuns: HOSTILE_RUNS, seed: 43 },
    );
  }, 600_000);
});
