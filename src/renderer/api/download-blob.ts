/** Hands a file to the browser's downloads, as if the user clicked a link to it. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken its copy once the click is handled; free the memory a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
