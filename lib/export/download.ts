/** Saves data as a file through the browser's downloads, from an extension page. */
export function downloadFile(contents: string, fileName: string, type: string, doc = document): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by the next task; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url));
}
