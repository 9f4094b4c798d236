/**
 * Every schema version, oldest first (DESIGN.md, style 10). A version stays here while it carries an upgrade, so a
 * browser that skipped releases still upgrades step by step. Ids are strings everywhere: records are merged across
 * browsers later, and auto-increment keys would collide.
 */
import type Dexie from 'dexie';

export const DB_NAME = 'reseller-invite';

export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    // One row per setting: `profile`, `templates`. Small, read whole, so no secondary index.
    settings: 'key',
  });
}
