import { render } from 'preact';
import { AnnotationDialog, type AnnotationDialogProps } from '../../components/AnnotationDialog';
import { Toast, type ToastProps } from '../../components/Toast';

/** Where the annotation dialog is drawn: in the document itself, or in a frame of its own. */
export interface DialogSurface {
  /** `key` names what the dialog is for, so reopening it for the same thing keeps its state. */
  show(key: string, props: AnnotationDialogProps): void;
  close(): void;
}

/**
 * The dialog drawn in the document, for the extension's own pages (the PDF viewer), where no
 * page script listens. Rendering is Preact's, so stored strings only ever show as text.
 */
export class InPageDialog implements DialogSurface {
  constructor(private readonly container: Element) {}

  show(key: string, props: AnnotationDialogProps): void {
    render(<AnnotationDialog key={key} {...props} />, this.container);
  }

  close(): void {
    render(null, this.container);
  }
}

/** What the extension shows over a document: at most one dialog and one toast. */
export class Overlay {
  private readonly toastContainer: Element;
  private readonly dialog: DialogSurface;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each toast is drawn afresh, so that its action takes the focus. */
  private toasts = 0;

  constructor(container: Element, dialog?: DialogSurface) {
    const part = () => container.appendChild(container.ownerDocument.createElement('div'));
    this.dialog = dialog ?? new InPageDialog(part());
    this.toastContainer = part();
  }

  showDialog(key: string, props: AnnotationDialogProps): void {
    this.dialog.show(key, props);
  }

  closeDialog(): void {
    this.dialog.close();
  }

  showToast(props: Omit<ToastProps, 'onDismiss'>, ms = 8000): void {
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => this.dismissToast(), ms);
    render(
      <Toast key={++this.toasts} {...props} onDismiss={() => this.dismissToast()} />,
      this.toastContainer,
    );
  }

  dismissToast(): void {
    clearTimeout(this.toastTimer);
    render(null, this.toastContainer);
  }
}
