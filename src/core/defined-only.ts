/**
 * An object without its `undefined` properties: a cleared field is absent (not `undefined`) in storage, backups and
 * sync, and a patch spread over a stored value changes only what it names.
 */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
