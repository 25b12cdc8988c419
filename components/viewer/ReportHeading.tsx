import type { ReportDetails } from '../../lib/model';
import { ReportDetailsView } from '../ReportDetailsView';
import { safeHref } from '../text';

export interface ReportHeadingProps {
  /** The document's title (its properties, its first heading, or its file name). */
  title: string;
  /** For Ofsted reports: what the report says about itself; null for other PDFs. */
  details: ReportDetails | null;
  /** Where the PDF was downloaded from; null for a local file. */
  originalUrl: string | null;
  /** Opens the original in the browser's own viewer. */
  onOpenOriginal(): void;
}

/** The document's title, an Ofsted report's details and grades, and a link to the original. */
export function ReportHeading({ title, details, originalUrl, onOpenOriginal }: ReportHeadingProps) {
  const href = originalUrl ? safeHref(originalUrl) : undefined;
  return (
    <div class="report-heading">
      <h1 class="report-title">{title || 'PDF report'}</h1>
      {details && <ReportDetailsView details={details} />}
      {href && (
        <a
          class="original-link"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(event) => {
            event.preventDefault();
            onOpenOriginal();
          }}
        >
          Open the original
        </a>
      )}
    </div>
  );
}
