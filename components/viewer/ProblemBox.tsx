import type { LoadProblem } from '../../lib/viewer/problems';

export interface ProblemBoxProps {
  problem: LoadProblem;
  /** For a `permission` problem: asks for the site's permission and tries again. */
  onAllow?(): void;
}

/** Why the PDF cannot be shown or annotated; offers the permission a download needs. */
export function ProblemBox({ problem, onAllow }: ProblemBoxProps) {
  return (
    <div class="viewer-problem" role="alert">
      <p>{problem.message}</p>
      {problem.kind === 'permission' && onAllow && (
        <button type="button" class="primary" onClick={onAllow}>
          Allow access to {new URL(problem.origin).host}
        </button>
      )}
    </div>
  );
}
