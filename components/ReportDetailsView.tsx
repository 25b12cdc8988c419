import type { ReportDetails } from '../lib/model';

/** What an Ofsted report says about itself: local authority, visit, dates, outcome and judgements. */
export function ReportDetailsView({ details }: { details: ReportDetails }) {
  return (
    <>
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
        {details.outcome && (
          <div>
            <dt>Outcome</dt>
            <dd>{details.outcome}</dd>
          </div>
        )}
      </dl>
      {details.judgements.length > 0 && (
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
    </>
  );
}
