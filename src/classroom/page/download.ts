/** Saving a file from the page (a picture, a table): an anchor with `download`, no network. */

/** Saves a data: or blob: URL under `name`. */
export function downloadUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves `content` (text or a blob) as a file of the given type. */
export function downloadBlob(content: string | Blob, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  downloadUrl(url, name);
  // Revoked later: the download reads the blob after this function returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
