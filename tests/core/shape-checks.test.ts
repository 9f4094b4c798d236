/** The whole-value checks of core/shape.ts: each says yes to its shape and no to everything near it. */
import { describe, expect, it } from 'vitest';
import {
  isAnyObject,
  isBoolean,
  isCount,
  isListOf,
  isOneOf,
  isOptional,
  isText,
  isTime,
  valuesOf,
} from '../../src/core/shape';

describe('whole-value checks', () => {
  it('isText takes strings only', () => {
    expect(['', 'a'].map(isText)).toEqual([true, true]);
    expect([1, null, undefined, ['a'], { a: 1 }].map(isText)).toEqual([false, false, false, false, false]);
  });

  it('isBoolean takes true and false only', () => {
    expect([true, false].map(isBoolean)).toEqual([true, true]);
    expect(['false', 0, null, undefined].map(isBoolean)).toEqual(Array(4).fill(false));
  });

  it('isCount takes whole numbers from 0', () => {
    expect([0, 1, 2 ** 40].map(isCount)).toEqual([true, true, true]);
    expect([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null].map(isCount)).toEqual(
      Array(6).fill(false),
    );
  });

  it('isTime takes finite numbers from 0', () => {
    expect([0, 1.5, Date.UTC(2026, 11, 3)].map(isTime)).toEqual([true, true, true]);
    expect([-0.5, Number.NaN, Number.POSITIVE_INFINITY, '5', undefined].map(isTime)).toEqual(
      Array(5).fill(false),
    );
  });

  it('isOneOf takes the listed strings only', () => {
    const isColour = isOneOf(['red', 'green'] as const);
    expect(['red', 'green'].map(isColour)).toEqual([true, true]);
    expect(['blue', 'RED', '', 0, null].map(isColour)).toEqual(Array(5).fill(false));
  });

  it('isOptional takes undefined or what its check takes', () => {
    const maybeText = isOptional(isText);
    expect([undefined, 'a'].map(maybeText)).toEqual([true, true]);
    expect([null, 1].map(maybeText)).toEqual([false, false]);
  });

  it('isListOf takes arrays whose every item passes', () => {
    const texts = isListOf(isText);
    expect([[], ['a', 'b']].map(texts)).toEqual([true, true]);
    expect([['a', 1], 'ab', { 0: 'a', length: 1 }, null].map(texts)).toEqual(Array(4).fill(false));
  });

  it('isAnyObject takes objects of any prototype, never arrays or null', () => {
    class Kept {}
    expect([{}, Object.create(null), new Kept(), Object.create({ polluted: true })].map(isAnyObject)).toEqual(
      Array(4).fill(true),
    );
    expect([[], null, undefined, 'a', 1].map(isAnyObject)).toEqual(Array(5).fill(false));
  });

  it('valuesOf lists every key of the record', () => {
    type Size = 's' | 'm' | 'l';
    expect(valuesOf<Size>({ s: true, m: true, l: true })).toEqual(['s', 'm', 'l']);
  });
});
