/** Saves text or bytes (a .docx) as a file through the browser's downloads, from an extension page. */
export function downloadFile(
  contents: string | Uint8Array,
  fileName: string,
  type: string,
  doc = document,
): void {
  const url = URL.createObjectURL(new Blob([contents as BlobPart], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Chromium starts the download at once, Firefox a little later: give it a minute before
  // the object URL is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
