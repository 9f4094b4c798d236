// The status shape is vocabulary the pages share (src/core/sync-status.ts); the engine keeps importing it from here.
export * from '../core/sync-status';
