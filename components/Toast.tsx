export interface ToastProps {
  message: string;
  /** With onAction, shows a button, e.g. "Undo". */
  actionLabel?: string;
  onAction?(): void;
  onDismiss(): void;
}

/** A short message with an optional action. Dismissing after a delay is the caller's job. */
export function Toast({ message, actionLabel, onAction, onDismiss }: ToastProps) {
  return (
    <div class="toast" role="status">
      <span class="message">{message}</span>
      {actionLabel && onAction && (
        <button type="button" class="action" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" class="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
