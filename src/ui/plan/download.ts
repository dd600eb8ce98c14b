/** Saves `text` as a file through the browser's download (no server round trip). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returns; a later revoke only frees the memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
