import { useId } from 'preact/hooks';

export interface ProgressBarProps {
  /** What is happening, in words, shown above the bar: "Importing 4,000 of 10,000 annotations…". */
  label: string;
  /** How much is done of `max`; undefined while how much is not known (the bar moves without a value). */
  value?: number;
  max?: number;
  /** Shown as a Cancel button only where cancelling leaves nothing half-done. */
  onCancel?(): void;
  /** The Cancel button's text (and its accessible name). */
  cancelLabel?: string;
  class?: string;
}

/**
 * A native progress bar for long work (issue 14): the label is visible and is also a status
 * region, so screen readers hear each step; the bar is named by the label.
 */
export function ProgressBar({
  label,
  value,
  max,
  onCancel,
  cancelLabel = 'Cancel',
  class: className,
}: ProgressBarProps) {
  const id = useId();
  const known = value !== undefined && max !== undefined && max > 0;
  return (
    <div class={['progress-bar', className].filter(Boolean).join(' ')}>
      <p class="progress-label" id={id} role="status">
        {label}
      </p>
      <div class="progress-row">
        <progress aria-labelledby={id} {...(known && { value: Math.min(value, max), max })} />
        {onCancel && (
          <button type="button" class="progress-cancel" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </div>
    </div>
  );
}
