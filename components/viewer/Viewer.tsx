import type { ReportDetails, Theme } from '../../lib/model';
import type { AnnotationListItem } from '../../lib/viewer/annotation-list';
import type { LoadProblem } from '../../lib/viewer/problems';
import type { ViewerPhase } from '../../lib/viewer/viewer';
import { AnnotationList } from './AnnotationList';
import { DraftList, type DraftListProps } from './DraftList';
import { FileChooser } from './FileChooser';
import { Hosted } from './Hosted';
import { ProblemBox } from './ProblemBox';
import { ReportHeading } from './ReportHeading';
import { ViewerToolbar, type ViewerToolbarProps } from './ViewerToolbar';

export interface ViewerProps {
  /** choose: no file yet; loading; ready: pages shown; failed: nothing to show. */
  phase: ViewerPhase;
  /** Whether the PDF is a file on this computer (the chooser stays offered after a failure). */
  local: boolean;
  title: string;
  details: ReportDetails | null;
  originalUrl: string | null;
  onOpenOriginal(): void;
  problem: LoadProblem | null;
  onAllow(): void;
  onFile(file: File): void;
  toolbar: ViewerToolbarProps;
  items: AnnotationListItem[];
  themes: Theme[];
  /** Whether annotations are known (every page's text is read). */
  annotatable: boolean;
  onReveal(id: string): void;
  /** "Draft annotations" for the report's improvement items, above the list. */
  drafts?: Omit<DraftListProps, 'themes' | 'ready'>;
  /** The scrolling element holding pdf.js's pages. */
  pages: HTMLElement;
  /** Where the annotation dialog and toasts are drawn. */
  overlay: HTMLElement;
  /** The attribute that marks the viewer's own UI (selections there are not annotated). */
  ownUiAttribute: string;
}

/** The viewer page: heading and toolbar, the pages, and the side list of annotations. */
export function Viewer(props: ViewerProps) {
  const { phase, problem, ownUiAttribute } = props;
  const own = { [ownUiAttribute]: '' };
  const showPages = phase === 'loading' || phase === 'ready';
  return (
    <div class="viewer">
      <header class="viewer-header" {...own}>
        <ReportHeading
          title={props.title}
          details={props.details}
          originalUrl={props.originalUrl}
          onOpenOriginal={props.onOpenOriginal}
        />
        {phase === 'ready' && <ViewerToolbar {...props.toolbar} />}
      </header>
      <div class="viewer-body">
        <main class="viewer-main">
          <div class="viewer-messages" {...own}>
            {problem && <ProblemBox problem={problem} onAllow={props.onAllow} />}
            {phase === 'loading' && (
              <p class="viewer-loading" role="status">
                Loading report…
              </p>
            )}
          </div>
          {(phase === 'choose' || (phase === 'failed' && props.local)) && (
            <div {...own} class="viewer-chooser">
              <FileChooser onFile={props.onFile} />
            </div>
          )}
          <Hosted element={props.pages} class="viewer-pages-host" hidden={!showPages} />
        </main>
        {phase === 'ready' && problem?.kind !== 'no-text' && (
          <aside class="viewer-side" aria-label="Annotations in this document" {...own}>
            {props.drafts && <DraftList {...props.drafts} themes={props.themes} ready={props.annotatable} />}
            <AnnotationList
              items={props.items}
              themes={props.themes}
              onReveal={props.onReveal}
              ready={props.annotatable}
            />
          </aside>
        )}
      </div>
      <Hosted element={props.overlay} />
    </div>
  );
}
