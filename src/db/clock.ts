/**
 * "Now" for everything src/db records (send times, undo window, counts), so tests move time instead of waiting.
 * Pure core functions take `now` as an argument; only this module reads the system clock.
 */

let clock: () => number = () => Date.now();

export function now(): number {
  return clock();
}

/** Replaces the clock; call with no argument to go back to the system clock. */
export function setClock(fn?: () => number): void {
  clock = fn ?? (() => Date.now());
}
