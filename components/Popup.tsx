import { useSignal } from '@preact/signals';
import { useEffect, useId } from 'preact/hooks';
import { AllPages, type AllPagesProps } from './AllPages';
import { PageSummary, type PageSummaryProps } from './PageSummary';
import { errorMessage } from './text';

export type PopupTab = 'page' | 'all';

export type PopupProps = PageSummaryProps &
  AllPagesProps & {
    /** Rejects with an Error whose message is shown to the user. */
    onExport(): Promise<void>;
    /** Opens the PDF viewer to choose a PDF file from this computer. */
    onOpenLocalPdf(): void;
    /** Opens the dashboard: every report, briefings, import. */
    onOpenDashboard(): void;
    /** The tab shown first; "This page" unless given. */
    initialTab?: PopupTab;
    /** Called whenever "All pages" is shown (its list is read only then). */
    onShowAll?(): void;
  };

const TABS: ReadonlyArray<[PopupTab, string]> = [
  ['page', 'This page'],
  ['all', 'All pages'],
];

/** The popup: "This page" and "All pages" tabs, and an export button. */
export function Popup(props: PopupProps) {
  const id = useId();
  const tab = useSignal<PopupTab>(props.initialTab ?? 'page');
  const exporting = useSignal(false);
  const error = useSignal<string | null>(null);
  const showingAll = tab.value === 'all';
  useEffect(() => {
    if (showingAll) props.onShowAll?.();
  }, [showingAll]);

  async function exportJson() {
    exporting.value = true;
    error.value = null;
    try {
      await props.onExport();
    } catch (e) {
      error.value = `Could not export: ${errorMessage(e)}`;
    } finally {
      exporting.value = false;
    }
  }

  function onTabKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = tab.value === 'page' ? 'all' : 'page';
    tab.value = next;
    const buttons = (e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]');
    buttons[TABS.findIndex(([key]) => key === next)]?.focus();
  }

  return (
    <div class="popup">
      <h1 class="visually-hidden">Ofsted Annotator</h1>
      <div class="tabs" role="tablist" aria-label="Views" onKeyDown={onTabKey}>
        {TABS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`${id}-tab-${key}`}
            aria-selected={tab.value === key}
            aria-controls={`${id}-panel`}
            tabIndex={tab.value === key ? 0 : -1}
            onClick={() => (tab.value = key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div class="panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab.value}`}>
        {tab.value === 'page' ? <PageSummary {...props} /> : <AllPages {...props} />}
      </div>
      <footer class="footer">
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
        <button type="button" onClick={props.onOpenDashboard}>
          Open dashboard
        </button>
        <button type="button" onClick={props.onOpenLocalPdf}>
          Open a PDF file…
        </button>
        <button type="button" disabled={exporting.value} onClick={exportJson}>
          {exporting.value ? 'Exporting…' : 'Export JSON'}
        </button>
      </footer>
    </div>
  );
}
