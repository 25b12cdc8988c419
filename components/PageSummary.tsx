import type { Annotation, ReportDetails, Theme } from '../lib/model';
import { AnnotationSnippet } from './AnnotationSnippet';
import { PageCounts } from './PageCounts';
import { ReportDetailsView } from './ReportDetailsView';
import { countLabel } from './text';

/** `pdf`: a PDF in the browser's own viewer, which can be opened in the extension's. */
export type PageStatus = 'active' | 'inactive' | 'unsupported' | 'pdf';

export interface PageSummaryProps {
  title: string;
  url: string;
  annotations: Annotation[];
  themes: Theme[];
  /** Annotations that could not be placed on the page. */
  orphanIds: Set<string>;
  status: PageStatus;
  /** For an Ofsted report in the PDF viewer: what it says about itself. */
  details?: ReportDetails;
  onReveal(id: string): void;
  onActivate(): void;
  onAlwaysOn(): void;
  onOpenInViewer(): void;
}

/** The current page: its annotations, counts, and whether the annotator runs on it. */
export function PageSummary(props: PageSummaryProps) {
  const { title, url, annotations, themes, orphanIds, status } = props;
  return (
    <section class="page-summary">
      <p class="page-title">{title || url}</p>
      <p class="page-url">{url}</p>
      {props.details && <ReportDetailsView details={props.details} />}
      {status === 'unsupported' && <p class="notice">This page cannot be annotated.</p>}
      {status === 'pdf' && (
        <div class="notice">
          <p>This PDF is open in the browser's own viewer, where passages cannot be annotated.</p>
          <button type="button" class="primary" onClick={props.onOpenInViewer}>
            Open in Ofsted Annotator
          </button>
        </div>
      )}
      {status === 'inactive' && (
        <div class="notice">
          <p>The annotator is off for this page.</p>
          <button type="button" class="primary" onClick={props.onActivate}>
            Switch on for this page
          </button>
          <button type="button" onClick={props.onAlwaysOn}>
            Always on this site
          </button>
        </div>
      )}
      {annotations.length === 0 ? (
        status !== 'unsupported' && (
          <p class="empty">No annotations on this page yet. Select text to start.</p>
        )
      ) : (
        <>
          <h2>{countLabel(annotations.length)}</h2>
          <ul class="annotation-list">
            {annotations.map((a) => (
              <li key={a.id}>
                {orphanIds.has(a.id) ? (
                  <div class="item orphan">
                    <AnnotationSnippet annotation={a} themes={themes} />
                    <span class="orphan-mark">Not found on this page</span>
                  </div>
                ) : (
                  <button type="button" class="item" onClick={() => props.onReveal(a.id)}>
                    <AnnotationSnippet annotation={a} themes={themes} />
                  </button>
                )}
              </li>
            ))}
          </ul>
          <PageCounts annotations={annotations} themes={themes} />
        </>
      )}
    </section>
  );
}
