import { render } from 'preact';
import { AnnotationDialog, type AnnotationDialogProps } from '../../components/AnnotationDialog';
import { Toast, type ToastProps } from '../../components/Toast';

/**
 * What the extension shows inside its shadow root on a page: at most one dialog and one
 * toast. Rendering is Preact's, so stored strings only ever reach the page as text.
 */
export class Overlay {
  private dialog: (AnnotationDialogProps & { key: string }) | null = null;
  private toast: ToastProps | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly container: Element) {}

  /** `key` names what the dialog is for, so reopening it for the same thing keeps its state. */
  showDialog(key: string, props: AnnotationDialogProps): void {
    this.dialog = { ...props, key };
    this.update();
  }

  closeDialog(): void {
    this.dialog = null;
    this.update();
  }

  showToast(props: Omit<ToastProps, 'onDismiss'>, ms = 8000): void {
    clearTimeout(this.toastTimer);
    this.toast = { ...props, onDismiss: () => this.dismissToast() };
    this.toastTimer = setTimeout(() => this.dismissToast(), ms);
    this.update();
  }

  dismissToast(): void {
    clearTimeout(this.toastTimer);
    this.toast = null;
    this.update();
  }

  private update(): void {
    render(
      <>
        {this.dialog && <AnnotationDialog {...this.dialog} />}
        {this.toast && <Toast {...this.toast} />}
      </>,
      this.container,
    );
  }
}
