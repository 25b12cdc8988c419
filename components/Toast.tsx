import { useEffect, useRef } from 'preact/hooks';

export interface ToastProps {
  message: string;
  /** With onAction, shows a button, e.g. "Undo". */
  actionLabel?: string;
  onAction?(): void;
  onDismiss(): void;
}

/**
 * A short message with an optional action. The action takes the focus, so that a keyboard
 * user who has just deleted something can press Enter to undo it; Escape dismisses.
 * Dismissing after a delay is the caller's job.
 */
export function Toast({ message, actionLabel, onAction, onDismiss }: ToastProps) {
  const actionRef = useRef<HTMLButtonElement>(null);
  useEffect(() => actionRef.current?.focus({ preventScroll: true }), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onDismiss();
  };

  return (
    <div class="toast" role="status" onKeyDown={onKeyDown}>
      <span class="message">{message}</span>
      {actionLabel && onAction && (
        <button type="button" class="action" ref={actionRef} onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" class="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
