import { render } from 'preact';
import { AnnotationDialog } from '../../components/AnnotationDialog';
import type { AnnotationChanges } from '../model';
import type { DialogFrameHello, DialogView, FromDialogFrame, ToDialogFrame } from './dialog-frame-messages';

/**
 * Inside the dialog's frame: waits for the content script's port (the one message that
 * repeats the secret in this page's address; anything else posted here is ignored), then
 * draws the dialog it is asked for and passes the user's actions back.
 */
export function serveDialogFrame(win: Window = window): void {
  const secret = win.location.hash.slice(1);
  const onHello = (event: MessageEvent<DialogFrameHello>) => {
    const port = event.ports[0];
    if (!secret || event.source !== win.parent || event.data?.ofstedAnnotatorDialog !== secret || !port)
      return;
    win.removeEventListener('message', onHello);
    new DialogFrameView(win.document, port).start();
  };
  win.addEventListener('message', onHello);
}

class DialogFrameView {
  private requests = 0;
  private readonly waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  private readonly root: HTMLElement;

  constructor(
    doc: Document,
    private readonly port: MessagePort,
  ) {
    this.root = doc.getElementById('app')!;
  }

  start(): void {
    this.port.onmessage = (event: MessageEvent<ToDialogFrame>) => this.receive(event.data);
    // The dialog's natural height, so the frame can be sized to it.
    new ResizeObserver(() => {
      const dialog = this.root.firstElementChild;
      if (dialog) this.send({ type: 'height', px: Math.ceil(dialog.scrollHeight) });
    }).observe(this.root);
    // A frame shown again after being hidden may not have been laid out when the dialog asked
    // for the focus: when the frame itself takes it, it goes to the dialog's first field.
    this.root.ownerDocument.defaultView!.addEventListener('focus', () => {
      const doc = this.root.ownerDocument;
      if (doc.activeElement === doc.body)
        this.root.querySelector<HTMLElement>('input, textarea, button')?.focus();
    });
    this.send({ type: 'ready' });
  }

  private send(message: FromDialogFrame): void {
    this.port.postMessage(message);
  }

  private receive(message: ToDialogFrame): void {
    if (message.type === 'show') this.show(message.view);
    else if (message.type === 'hide') render(null, this.root);
    else if (message.type === 'done') {
      const waiting = this.waiting.get(message.request);
      this.waiting.delete(message.request);
      if (message.error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(message.error));
    }
  }

  /** Asks the content script to do something, and waits for its answer. */
  private ask(message: (request: number) => FromDialogFrame): Promise<void> {
    const request = ++this.requests;
    return new Promise((resolve, reject) => {
      this.waiting.set(request, { resolve, reject });
      this.send(message(request));
    });
  }

  private show(view: DialogView): void {
    render(
      <AnnotationDialog
        key={view.key}
        mode={view.mode}
        quote={view.quote}
        themes={view.themes}
        initial={view.initial}
        suggestions={view.suggestions}
        onSave={(changes: AnnotationChanges) => this.ask((request) => ({ type: 'save', request, changes }))}
        onDelete={view.canDelete ? () => this.ask((request) => ({ type: 'delete', request })) : undefined}
        onCopyLink={
          view.canCopyLink ? () => this.ask((request) => ({ type: 'copy-link', request })) : undefined
        }
        onClose={() => this.send({ type: 'close' })}
        onDraft={(changes) => this.send({ type: 'draft', changes })}
      />,
      this.root,
    );
    // The dialog keeps its size as the frame's; the observer reports later changes.
    const dialog = this.root.firstElementChild;
    if (dialog) this.send({ type: 'height', px: Math.ceil(dialog.scrollHeight) });
  }
}
