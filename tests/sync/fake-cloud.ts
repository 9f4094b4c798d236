/**
 * The fake "cloud + N browsers" (docs/testing.md, "The fake cloud"): what Chrome Sync and Firefox Sync do with
 * `storage.sync`, reproduced from the browsers' code (same file, "What storage.sync does"), on a virtual clock.
 *
 * Chrome mode: each key is an entity; a local write commits after 200 ms (100 s once the engine's commit tokens —
 * 100, +1 per 100 s — are spent); the server keeps the last write to reach it; other browsers get each key on its
 * own, after a fetch delay plus jitter, possibly dropped (then retried), duplicated or reordered (a key never goes
 * back to an older version). Firefox mode: one record per extension, synced every 10 minutes (90 s after a sync
 * with changes), merged three-way against the last synced state with the incoming value winning.
 * Both: incoming data skips the quota; signing in when the server has data overwrites the local keys and deletes
 * those the server lacks; uninstalling on one device wipes the cloud copy for all; offline browsers queue.
 */

import { type BrowserHooks, FakeBrowser } from './fake-browser';
import type { Mode, Spelling } from './fake-limits';
import type { VirtualTime } from './virtual-time';

export interface CloudOptions {
  mode?: Mode;
  spelling?: Spelling;
  seed?: number;
  commitDelayMs?: number;
  fetchDelayMs?: number;
  /** Extra random delivery delay per key and browser, 0…jitterMs (reorders keys of one `set()`). */
  jitterMs?: number;
  /** Probability a delivery is lost and redelivered `retryMs` later. */
  dropRate?: number;
  retryMs?: number;
  duplicateRate?: number;
  /** Firefox sync period and the shorter one after a sync that had changes. */
  firefoxSyncMs?: number;
  firefoxAfterChangeMs?: number;
  /** Firefox reports unchanged keys in `onChanged`. */
  firefoxSpurious?: boolean;
  /** Extra delivery delay for some keys (partial propagation: docs/testing.md, "Sync fault scenarios"). */
  keyDelayMs?: Record<string, number>;
}

/** Deterministic random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Entry {
  value: unknown;
  version: number;
}

export class FakeCloud implements BrowserHooks {
  readonly server = new Map<string, Entry>();
  readonly browsers: FakeBrowser[] = [];
  readonly options: Required<CloudOptions>;
  readonly random: () => number;
  private version = 0;
  private readonly tokens = new Map<FakeBrowser, { count: number; at: number }>();
  private readonly commitTimers = new Map<FakeBrowser, unknown>();

  constructor(
    readonly time: VirtualTime,
    options: CloudOptions = {},
  ) {
    this.options = {
      mode: 'chrome',
      spelling: 'new',
      seed: 1,
      commitDelayMs: 200,
      fetchDelayMs: 250,
      jitterMs: 0,
      dropRate: 0,
      retryMs: 30_000,
      duplicateRate: 0,
      firefoxSyncMs: 600_000,
      firefoxAfterChangeMs: 90_000,
      firefoxSpurious: true,
      keyDelayMs: {},
      ...options,
    };
    this.random = rng(this.options.seed);
  }

  addBrowser(id: string): FakeBrowser {
    const browser = new FakeBrowser(id, this.options.mode, this.options.spelling, this.time, this);
    this.browsers.push(browser);
    if (this.options.mode === 'firefox') this.scheduleFirefox(browser, this.options.firefoxSyncMs / 2);
    return browser;
  }

  /** Server contents as a plain object (deleted keys left out). */
  serverState(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, e] of this.server) if (e.value !== undefined) out[key] = structuredClone(e.value);
    return out;
  }

  // ---- Chrome mode -------------------------------------------------------------------------------------------

  wrote(browser: FakeBrowser): void {
    if (this.options.mode !== 'chrome' || this.commitTimers.has(browser)) return;
    this.commitTimers.set(
      browser,
      this.time.schedule(() => this.commit(browser), this.commitDelay(browser)),
    );
  }

  /** 200 ms while the profile's commit tokens last; 100 s once they are spent (data_type_tracker.cc). */
  private commitDelay(browser: FakeBrowser): number {
    const t = this.tokens.get(browser) ?? { count: 100, at: this.time.now };
    const refilled = Math.min(100, t.count + Math.floor((this.time.now - t.at) / 100_000));
    this.tokens.set(browser, { count: refilled, at: refilled === t.count ? t.at : this.time.now });
    return refilled > 0 ? this.options.commitDelayMs : 100_000;
  }

  private commit(browser: FakeBrowser): void {
    this.commitTimers.delete(browser);
    if (!browser.installed || !browser.signedIn || !browser.online || browser.pendingCommit.size === 0)
      return;
    const t = this.tokens.get(browser);
    if (t) t.count = Math.max(0, t.count - 1);
    const changes = new Map(browser.pendingCommit);
    browser.pendingCommit.clear();
    browser.commits.push({ at: this.time.now, keys: [...changes.keys()] });
    for (const [key, value] of changes) this.accept(browser, key, value);
  }

  /** The server takes a key: the last write to reach it wins; everyone else (and a writer whose replica moved
   * since) gets the new value. */
  private accept(writer: FakeBrowser, key: string, value: unknown): void {
    const version = ++this.version;
    this.server.set(key, { value: structuredClone(value), version });
    for (const browser of this.browsers) {
      if (!browser.installed) continue;
      const mine = browser === writer && JSON.stringify(browser.replica.get(key)) === JSON.stringify(value);
      if (mine) browser.knownVersion.set(key, version);
      else this.deliver(browser, key, version);
    }
  }

  private deliver(browser: FakeBrowser, key: string, version: number): void {
    const { fetchDelayMs, jitterMs, dropRate, retryMs, duplicateRate } = this.options;
    let delay =
      fetchDelayMs + Math.floor(this.random() * (jitterMs + 1)) + (this.options.keyDelayMs[key] ?? 0);
    if (this.random() < dropRate) delay += retryMs;
    this.time.schedule(() => this.arrive(browser, key, version, false), delay);
    if (this.random() < duplicateRate) {
      const again = delay + Math.floor(this.random() * retryMs);
      this.time.schedule(() => this.arrive(browser, key, version, true), again);
    }
  }

  /** A key reaches a browser; an offline or signed-out browser picks it up when it reconnects. A delivery
   * carries the server's current value, so a late or reordered one never takes a key back to an older value; a
   * duplicate re-fires `onChanged` with nothing changed. */
  private arrive(browser: FakeBrowser, key: string, version: number, duplicate: boolean): void {
    if (!browser.installed || !browser.signedIn || !browser.online) return;
    const entry = this.server.get(key);
    if (!entry || entry.version < version) return;
    const known = browser.knownVersion.get(key) ?? 0;
    if (known >= entry.version) {
      if (duplicate) browser.applyIncoming({ [key]: browser.replica.get(key) }, true);
      return;
    }
    browser.knownVersion.set(key, entry.version);
    browser.applyIncoming({ [key]: entry.value });
  }

  /** Back online (or signed in again without a first-sync overwrite): send queued writes, fetch what was missed. */
  private catchUp(browser: FakeBrowser): void {
    this.commit(browser);
    for (const [key, entry] of this.server) {
      if ((browser.knownVersion.get(key) ?? 0) < entry.version)
        this.arrive(browser, key, entry.version, false);
    }
  }

  // ---- lifecycle --------------------------------------------------------------------------------------------

  setOnline(browser: FakeBrowser, online: boolean): void {
    browser.online = online;
    if (!online) return;
    if (this.options.mode === 'chrome') this.catchUp(browser);
    else this.time.schedule(() => this.firefoxSync(browser), 0);
  }

  signOut(browser: FakeBrowser): void {
    browser.signedIn = false;
  }

  /**
   * Sync starts: when the server holds data, every local key is overwritten by it and local keys it lacks are
   * deleted (Chrome `OverwriteLocalSettingsWithSync`; Firefox: no parent, so the server wins). Otherwise the
   * local data is uploaded.
   */
  signIn(browser: FakeBrowser): void {
    browser.signedIn = true;
    const server = this.serverState();
    if (Object.keys(server).length > 0) {
      const changes: Record<string, unknown> = { ...server };
      for (const key of browser.replica.keys()) if (!(key in server)) changes[key] = undefined;
      browser.pendingCommit.clear();
      for (const [key, e] of this.server) browser.knownVersion.set(key, e.version);
      browser.applyIncoming(changes);
      browser.parent = new Map(Object.entries(server));
    } else if (this.options.mode === 'chrome') {
      for (const [key, value] of browser.replica) browser.pendingCommit.set(key, value);
      this.commit(browser);
    } else browser.parent = undefined;
  }

  /** Chrome deletes all storage.sync data of an uninstalled extension, for every device. */
  uninstall(browser: FakeBrowser): void {
    browser.installed = false;
    browser.forgetListeners();
    browser.replica.clear();
    browser.pendingCommit.clear();
    browser.knownVersion.clear();
    for (const [key, entry] of [...this.server]) {
      if (entry.value !== undefined) this.accept(browser, key, undefined);
    }
    if (this.options.mode === 'firefox')
      for (const b of this.browsers) if (b !== browser) b.parent = undefined;
  }

  /** The extension installed again on that profile: an empty area, then a first sign-in against the server. */
  reinstall(browser: FakeBrowser): void {
    browser.installed = true;
    browser.replica.clear();
    browser.parent = undefined;
    if (browser.signedIn) this.signIn(browser);
  }

  // ---- Firefox mode -----------------------------------------------------------------------------------------

  private scheduleFirefox(browser: FakeBrowser, delay: number): void {
    this.time.schedule(() => {
      const changed = this.firefoxSync(browser);
      this.scheduleFirefox(browser, changed ? this.options.firefoxAfterChangeMs : this.options.firefoxSyncMs);
    }, delay);
  }

  /** One Firefox sync of one browser (webext-storage `sync/mod.rs` merge): returns whether anything changed. */
  firefoxSync(browser: FakeBrowser): boolean {
    if (!browser.installed || !browser.signedIn || !browser.online) return false;
    const server = new Map(Object.entries(this.serverState()));
    const local = new Map(browser.replica);
    const merged = browser.parent ? threeWay(local, server, browser.parent) : server.size ? server : local;
    const incoming: Record<string, unknown> = {};
    for (const key of new Set([...local.keys(), ...merged.keys()])) {
      const changed = JSON.stringify(local.get(key)) !== JSON.stringify(merged.get(key));
      if (changed || (this.options.firefoxSpurious && server.has(key) && merged.has(key))) {
        incoming[key] = merged.get(key);
      }
    }
    browser.applyIncoming(incoming, this.options.firefoxSpurious);
    const serverChanged = !sameMap(server, merged);
    if (serverChanged) {
      for (const key of new Set([...server.keys(), ...merged.keys()])) {
        this.server.set(key, { value: structuredClone(merged.get(key)), version: ++this.version });
      }
    }
    if (serverChanged) browser.commits.push({ at: this.time.now, keys: [...merged.keys()] });
    browser.parent = new Map(merged);
    return serverChanged || Object.keys(incoming).length > 0;
  }
}

function sameMap(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || JSON.stringify(b.get(k)) !== JSON.stringify(v)) return false;
  return true;
}

/** Per key against the parent: a local change survives only where the server did not change; incoming wins. */
function threeWay(
  local: Map<string, unknown>,
  server: Map<string, unknown>,
  parent: Map<string, unknown>,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const eq = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  for (const key of new Set([...local.keys(), ...server.keys(), ...parent.keys()])) {
    const serverChanged = !eq(server.get(key), parent.get(key));
    const value = serverChanged ? server.get(key) : local.get(key);
    if (value !== undefined) out.set(key, value);
  }
  return out;
}
