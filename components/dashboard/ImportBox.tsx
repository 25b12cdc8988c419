import { useRef, useState } from 'preact/hooks';
import { describeImportProgress, type ImportOptions, type ImportProgress } from '../../lib/db/import';
import type { ImportableFile } from '../../lib/dashboard/model';
import { PROGRESS_FILE_BYTES } from '../../lib/progress';
import { ProgressBar } from '../ProgressBar';
import { errorMessage } from '../text';

export interface ImportBoxProps {
  /**
   * Imports the file and resolves to what it did ("3 added, 1 updated, 0 unchanged", or
   * "Import cancelled: nothing was changed." once `options.signal` aborts).
   */
  onImport(file: ImportableFile, options?: ImportOptions): Promise<string>;
}

/**
 * A file input that imports a native, Hypothesis or W3C file, saying what it did or why it
 * could not. A large file shows its progress, with a Cancel button (issue 14).
 */
export function ImportBox({ onImport }: ImportBoxProps) {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  async function onChange(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setRunning(true);
    setMessage('');
    setError(null);
    const abort = (controller.current = new AbortController());
    try {
      setMessage(
        await onImport(file, {
          signal: abort.signal,
          ...(file.size >= PROGRESS_FILE_BYTES && { onProgress: setProgress }),
        }),
      );
    } catch (e) {
      setError(`Could not import ${file.name}: ${errorMessage(e)}`);
    } finally {
      setRunning(false);
      setProgress(null);
      controller.current = null;
      // Choosing the same file again imports it again.
      input.value = '';
    }
  }

  return (
    <section class="import-box" aria-labelledby="dashboard-import">
      <h2 id="dashboard-import">Import annotations</h2>
      <label class="field">
        <span>Import a file</span>
        <input
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={running}
          onChange={(e) => void onChange(e.currentTarget)}
        />
      </label>
      {running && progress ? (
        <ProgressBar
          label={describeImportProgress(progress)}
          {...(progress.phase === 'writing' && { value: progress.done, max: progress.total })}
          onCancel={() => controller.current?.abort()}
          cancelLabel="Cancel import"
        />
      ) : (
        <p class="status" role="status">
          {running ? 'Importing…' : message}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
