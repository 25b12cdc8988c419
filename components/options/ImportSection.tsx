import { describeImportProgress, type ImportProgress } from '../../lib/db/import';
import type { Notice } from '../../lib/options/model';
import { ProgressBar } from '../ProgressBar';
import { NoticeArea } from './NoticeArea';

export interface ImportSectionProps {
  /** Whether an import is running. */
  importing: boolean;
  /** How far a large file's import has got (null for a small file, or when none runs). */
  progress?: ImportProgress | null;
  notice: Notice | null;
  onImport(file: File): void;
  /** Cancels the running import; nothing is written. */
  onCancel?(): void;
}

const ACCEPT = '.json,.jsonld,application/json,application/ld+json';

/** The "Import annotations" section: choose a native, Hypothesis or W3C file to add to the database. */
export function ImportSection({ importing, progress, notice, onImport, onCancel }: ImportSectionProps) {
  function choose(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it) imports it again.
    input.value = '';
    if (file && !importing) onImport(file);
  }

  return (
    <section class="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import annotations</h2>
      <p class="intro">
        Import a file exported by Ofsted Annotator (.json), by Hypothesis (its “Export annotations” file, or a
        response of its API’s search) or W3C Web Annotations (.jsonld). New annotations are added; one you
        already have is replaced only by a copy changed more recently. Nothing is deleted, and a file with any
        problem imports nothing; what another tool’s file holds that cannot come across (such as replies) is
        counted in the message.
      </p>
      <label class="file">
        Import a file{' '}
        <input
          type="file"
          accept={ACCEPT}
          aria-disabled={importing}
          onClick={(e) => importing && e.preventDefault()}
          onChange={choose}
        />
      </label>
      {importing && progress && (
        <ProgressBar
          label={describeImportProgress(progress)}
          {...(progress.phase === 'writing' && { value: progress.done, max: progress.total })}
          onCancel={onCancel}
          cancelLabel="Cancel import"
        />
      )}
      <NoticeArea notice={importing ? (progress ? null : { kind: 'status', text: 'Importing…' }) : notice} />
    </section>
  );
}
