import { useState } from 'preact/hooks';
import type { ExportKind } from '../../lib/dashboard/exports';
import { ProgressBar } from '../ProgressBar';
import { errorMessage } from '../text';

export interface ExportBarProps {
  /** How many annotations the exports cover. */
  count: number;
  /** Whether those are the selected annotations (else the filtered ones). */
  selection: boolean;
  /** Whether the filter leaves anything out. */
  filtering: boolean;
  /** Builds and downloads one kind of export; a thrown Error's message is shown. */
  onExport(kind: ExportKind): void | Promise<void>;
  /** Copies the selected annotations as Markdown; resolves to how many were copied. */
  onCopy(): Promise<number>;
  /** In a team space: whether the briefing names who wrote each quote (undefined: no authors). */
  namesInBriefings?: boolean;
  onNamesInBriefings?(names: boolean): void;
}

const BUTTONS: ReadonlyArray<[ExportKind, string]> = [
  ['markdown', 'Export Markdown briefing'],
  ['word', 'Export Word briefing'],
  ['csv', 'Export CSV'],
  ['w3c', 'Export W3C JSON-LD'],
  ['json', 'Export JSON'],
];

const number = new Intl.NumberFormat('en-GB');

function covers(count: number, selection: boolean, filtering: boolean): string {
  const noun = count === 1 ? 'annotation' : 'annotations';
  if (selection) return `Exports cover the ${number.format(count)} selected ${noun}.`;
  if (filtering) return `Exports cover the ${number.format(count)} filtered ${noun}.`;
  return `Exports cover all ${number.format(count)} ${noun}.`;
}

/** Export buttons acting on the selection, or else on the filter; and copying the selection as Markdown. */
export function ExportBar({
  count,
  selection,
  filtering,
  onExport,
  onCopy,
  namesInBriefings,
  onNamesInBriefings,
}: ExportBarProps) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** What is being built, while it is. */
  const [building, setBuilding] = useState<string | null>(null);

  async function run(action: () => Promise<string>, failure: string, what: string | null = null) {
    setBusy(true);
    setBuilding(what);
    setStatus('');
    setError(null);
    try {
      setStatus(await action());
    } catch (e) {
      setError(`${failure}: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
      setBuilding(null);
    }
  }

  return (
    <section class="export-bar" aria-labelledby="dashboard-export">
      <h2 id="dashboard-export">Export</h2>
      <p class="covers">{covers(count, selection, filtering)}</p>
      {namesInBriefings !== undefined && (
        <label class="names-in-briefings">
          <input
            type="checkbox"
            checked={namesInBriefings}
            onChange={(e) => onNamesInBriefings?.(e.currentTarget.checked)}
          />{' '}
          Name who wrote each quote in the Markdown and Word briefings
        </label>
      )}
      <div class="buttons">
        {BUTTONS.map(([kind, label]) => (
          <button
            key={kind}
            type="button"
            disabled={busy || count === 0}
            onClick={() =>
              void run(
                async () => {
                  await onExport(kind);
                  return '';
                },
                'Could not export',
                `Building ${label.replace(/^Export /, 'the ')} of ${number.format(count)} ${count === 1 ? 'annotation' : 'annotations'}…`,
              )
            }
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          disabled={busy || !selection}
          onClick={() =>
            void run(async () => {
              const copied = await onCopy();
              return `Copied ${copied} ${copied === 1 ? 'quote' : 'quotes'}`;
            }, 'Could not copy')
          }
        >
          Copy selected as Markdown
        </button>
      </div>
      {/* How long a build takes is not known ahead, so the bar moves without a value. */}
      {building ? (
        <ProgressBar label={building} />
      ) : (
        <p class="status" role="status">
          {status}
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
