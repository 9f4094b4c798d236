/**
 * A fleet of simulated browsers, each running the real engine over a memory store (docs/testing.md, "The fake cloud"):
 * what the scenario tests and the property tests drive. Edits go through the store as the Dexie middleware would
 * (ticking the HLC) and then ping the engine as a page would.
 */
import type { SyncRecord, SyncTable } from '../../src/core/sync-merge';
import { recordFingerprint } from '../../src/core/sync-merge';
import { type EngineOptions, SyncEngine } from '../../src/sync/engine';
import type { FakeBrowser, FakeContext } from './fake-browser';
import { type CloudOptions, FakeCloud } from './fake-cloud';
import { MemoryLocalStore } from './memory-store';
import { VirtualTime } from './virtual-time';

export interface Device {
  name: string;
  browser: FakeBrowser;
  store: MemoryLocalStore;
  context: FakeContext;
  engine: SyncEngine;
  /** Killed and never restarted. */
  dead: boolean;
  errors: unknown[];
}

export type FleetEngineOptions = Omit<EngineOptions, 'area' | 'store' | 'timers'>;

let counter = 0;

/** Device ids that differ per device and per install, deterministic per run. */
function nextDeviceId(name: string): string {
  counter = (counter + 1) % 100_000;
  return `${name.replace(/[^0-9A-Za-z]/g, '').slice(0, 2)}${counter.toString(36).padStart(4, '0')}`;
}

export class Fleet {
  readonly time = new VirtualTime();
  readonly cloud: FakeCloud;
  readonly devices: Device[] = [];

  constructor(
    cloud: CloudOptions = {},
    private readonly engineOptions: FleetEngineOptions = {},
  ) {
    this.cloud = new FakeCloud(this.time, cloud);
  }

  add(name: string, setup: (browser: FakeBrowser) => void = () => {}): Device {
    const browser = this.cloud.addBrowser(name);
    setup(browser);
    const store = new MemoryLocalStore(nextDeviceId(name));
    const device = { name, browser, store, dead: false, errors: [] } as unknown as Device;
    this.boot(device);
    this.devices.push(device);
    return device;
  }

  /** A new worker: a fresh context and engine over the same store (what survives a restart is in Dexie). */
  private boot(device: Device): void {
    device.context = device.browser.context();
    device.engine = new SyncEngine({
      ...this.engineOptions,
      area: device.context,
      store: device.store,
      timers: this.time.timers(() => device.browser.clockOffset),
      onError: (e) => device.errors.push(e),
    });
    void device.engine.start();
  }

  /** The worker dies at whatever await it is in. */
  kill(device: Device): void {
    device.engine.stop();
    device.context.kill();
  }

  restart(device: Device): void {
    this.kill(device);
    this.boot(device);
  }

  killForever(device: Device): void {
    this.kill(device);
    device.dead = true;
  }

  /** The profile uninstalls the extension (its Dexie goes too), then installs it again. */
  uninstall(device: Device): void {
    this.kill(device);
    this.cloud.uninstall(device.browser);
  }

  reinstall(device: Device): void {
    this.cloud.reinstall(device.browser);
    device.store = new MemoryLocalStore(nextDeviceId(device.name));
    this.boot(device);
  }

  now(device: Device): number {
    return this.time.now + device.browser.clockOffset;
  }

  edit(device: Device, table: SyncTable, id: string, values: Record<string, unknown>): SyncRecord {
    const record = device.store.edit(table, id, values, this.now(device));
    device.engine.notifyLocalChange();
    return record;
  }

  remove(device: Device, table: SyncTable, id: string, confirmed = false): SyncRecord | undefined {
    const record = device.store.remove(table, id, this.now(device), confirmed);
    device.engine.notifyLocalChange();
    return record;
  }

  async run(ms: number): Promise<void> {
    await this.time.advance(ms);
  }

  live(): Device[] {
    return this.devices.filter((d) => !d.dead && d.browser.installed);
  }

  /** Canonical text of a device's records (for convergence checks). */
  static state(device: Device): string {
    return [...device.store.records.values()].map(recordFingerprint).sort().join('\n');
  }

  converged(): boolean {
    const states = this.live().map((d) => Fleet.state(d));
    return states.every((s) => s === states[0]);
  }

  /** Our own write calls across devices since `from` (true time). */
  writesSince(from: number): number {
    return this.cloud.browsers.reduce((n, b) => n + b.calls.filter((c) => c.at >= from).length, 0);
  }
}

/** A realistic customer and its invitation (bench and tests). */
export function customerValues(i: number): Record<string, unknown> {
  return {
    name: `Contoso ${i} Ltd`,
    contact: `Alex Martin ${i}`,
    email: `alex.martin${i}@contoso${i}.com`,
    domain: `contoso${i}.com`,
  };
}
