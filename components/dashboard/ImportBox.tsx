import { useState } from 'preact/hooks';
import type { ImportableFile } from '../../lib/dashboard/model';
import { errorMessage } from '../text';

export interface ImportBoxProps {
  /** Imports the file and resolves to what it did ("3 added, 1 updated, 0 unchanged"). */
  onImport(file: ImportableFile): Promise<string>;
}

/** A file input that imports a native, Hypothesis or W3C file, saying what it did or why it could not. */
export function ImportBox({ onImport }: ImportBoxProps) {
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onChange(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setRunning(true);
    setMessage('');
    setError(null);
    try {
      setMessage(await onImport(file));
    } catch (e) {
      setError(`Could not import ${file.name}: ${errorMessage(e)}`);
    } finally {
      setRunning(false);
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
      <p class="status" role="status">
        {running ? 'Importing…' : message}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
