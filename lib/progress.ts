// Wording of the progress of long work (issue 14): "Importing 4,000 of 10,000 annotations…".
// Shown by components/ProgressBar.tsx for import, export and a team space's first sync.

/** How far a long piece of work has got; `total` 0 when it is not yet known. */
export interface Progress {
  done: number;
  total: number;
}

/** A file at least this large shows a progress bar while it is imported; a smaller one is done at once. */
export const PROGRESS_FILE_BYTES = 1_000_000;

/** "10,000" (grouped the British way, whatever the browser's language). */
export const count = (n: number) => n.toLocaleString('en-GB');

/** "Importing 4,000 of 10,000 annotations…" ("1 annotation" for one). */
export function ofTotal(verb: string, { done, total }: Progress, noun = 'annotation'): string {
  return `${verb} ${count(done)} of ${count(total)} ${total === 1 ? noun : `${noun}s`}…`;
}

/** "16.5 MB", "850 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
