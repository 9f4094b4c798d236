/**
 * Saving a file the page built (backup JSON, customers CSV): a Blob behind a temporary <a download>, which needs no
 * `downloads` permission. The date in the name keeps successive backups apart in the Downloads folder.
 */

/** `prefix-YYYY-MM-DD.ext`, the local calendar date (the one the partner sees on their clock). */
export function datedName(prefix: string, ext: string, at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${ext}`;
}

export function downloadText(name: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  // The page's <base target="_blank"> would otherwise send the click to a new tab.
  a.target = '_self';
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next turn: the download has already taken its copy of the blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
