// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { datedName, downloadText } from '../../src/options/download';

describe('datedName', () => {
  it('puts the local calendar date in the name', () => {
    const at = new Date(2026, 0, 5, 23, 30).getTime();
    expect(datedName('reseller-invite-backup', 'json', at)).toBe('reseller-invite-backup-2026-01-05.json');
  });
});

describe('downloadText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a temporary same-tab link to a blob, then removes it and revokes the blob', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: HTMLAnchorElement[] = [];
    document.addEventListener('click', (e) => {
      e.preventDefault();
      clicks.push(e.target as HTMLAnchorElement);
    });
    downloadText('a.csv', 'x,y', 'text/csv');
    expect(clicks).toHaveLength(1);
    const a = clicks[0] as HTMLAnchorElement;
    expect([a.download, a.target, a.getAttribute('href')]).toEqual(['a.csv', '_self', 'blob:test']);
    expect(document.querySelector('a')).toBeNull();
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe('x,y');
    await new Promise((r) => setTimeout(r, 0));
    expect(revoked).toHaveBeenCalledWith('blob:test');
  });
});
