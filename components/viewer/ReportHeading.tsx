import type { ReportDetails } from '../../lib/model';
import { safeHref } from '../text';

export interface ReportHeadingProps {
  /** The document's title (its properties, its first heading, or its file name). */
  title: string;
  /** For Ofsted reports: what the report says about itself; null for other PDFs. */
  details: ReportDetails | null;
  /** Where the PDF was downloaded from; null for a local file. */
  originalUrl: string | null;
}

/** The document's title, an Ofsted report's details and grades, and a link to the original. */
export function ReportHeading({ title, details, originalUrl }: ReportHeadingProps) {
  const href = originalUrl ? safeHref(originalUrl) : undefined;
  return (
    <div class="report-heading">
      <h1 class="report-title">{title || 'PDF report'}</h1>
      {details && (
        <dl class="report-details">
          <div>
            <dt>Local authority</dt>
            <dd>{details.localAuthority}</dd>
          </div>
          <div>
            <dt>Visit</dt>
            <dd>{details.visitType}</dd>
          </div>
          <div>
            <dt>Inspection dates</dt>
            <dd>{details.inspectionDates.text}</dd>
          </div>
        </dl>
      )}
      {details && details.judgements.length > 0 && (
        <table class="judgements">
          <caption>Judgements</caption>
          <tbody>
            {details.judgements.map((j) => (
              <tr key={j.judgement}>
                <th scope="row">{j.judgement}</th>
                <td>{j.grade}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {href && (
        <a class="original-link" href={href} target="_blank" rel="noopener noreferrer">
          Open the original
        </a>
      )}
    </div>
  );
}
