import type { Notice } from '../../lib/options/model';

/**
 * Where a section reports back: successes in a status region, failures in an alert. Both
 * regions stay in the page, empty when there is nothing to say, so screen readers announce
 * each new message.
 */
export function NoticeArea({ notice }: { notice: Notice | null }) {
  return (
    <div class="notices">
      <p class="notice" role="status">
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      <p class="notice error" role="alert">
        {notice?.kind === 'error' ? notice.text : ''}
      </p>
    </div>
  );
}
