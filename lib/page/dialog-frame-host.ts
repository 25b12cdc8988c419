import type { AnnotationDialogProps } from '../../components/AnnotationDialog';
import type { AnnotationChanges } from '../model';
import {
  DIALOG_FRAME_PAGE,
  type DialogFrameHello,
  type FromDialogFrame,
  type ToDialogFrame,
} from './dialog-frame-messages';
import type { DialogSurface } from './overlay';

const GAP = 8;
const MAX_HEIGHT = 480;
const FRAME_STYLE =
  'position:fixed;z-index:2147483647;width:320px;max-width:calc(100vw - 16px);height:0;' +
  'border:1px solid #8a8a8a;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.25);' +
  'background:#fff;color-scheme:light;pointer-events:auto;margin:0;padding:0;';

/**
 * Shows the annotation dialog in a frame of the extension's own origin, inside the closed
 * shadow root: what the user types there goes to the frame's document, where no listener of
 * the page (capture or bubble, on any target) receives it. The frame's address carries a
 * secret, and the frame takes its port only from a message that repeats it, so a page that
 * posts to the frame (window.frames) cannot drive it. Loaded on the first use, then kept.
 */
export class DialogFrameHost implements DialogSurface {
  private frame: HTMLIFrameElement | null = null;
  private port: MessagePort | null = null;
  private queued: ToDialogFrame[] = [];
  private props: AnnotationDialogProps | null = null;
  /** What the user has typed in the open dialog, to draw it again if the frame reloads. */
  private draft: AnnotationChanges | null = null;
  private key = '';
  /** Counts the times the same dialog was drawn again from a draft, so the frame starts it anew. */
  private revision = 0;
  private redrawWhenReady = false;
  private height = 0;
  /** Set when a new dialog is shown: the frame takes the focus once it has drawn it. */
  private focusWhenDrawn = false;
  /** What had the focus before the dialog opened, to give it back when it closes. */
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly container: Element,
    /** The frame page's address (in Chrome, a new one every session: use_dynamic_url). */
    private readonly pageUrl: (path: string) => string,
    /** The extension's origin, where the frame's document lives whatever address loaded it. */
    private readonly extensionOrigin: string,
    private readonly doc: Document = document,
  ) {}

  show(key: string, props: AnnotationDialogProps): void {
    const opening = this.props === null;
    if (opening || key !== this.key) this.focusWhenDrawn = true;
    if (key !== this.key) this.draft = null;
    this.key = key;
    this.props = props;
    if (opening) {
      const active = this.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== this.doc.body ? active : null;
    }
    const frame = this.ensureFrame();
    frame.style.display = 'block';
    // Shown once drawn at its own height, so it never jumps under the user's pointer.
    if (this.focusWhenDrawn) frame.style.visibility = 'hidden';
    this.place();
    this.send(this.showMessage());
  }

  private showMessage(): ToDialogFrame {
    const props = this.props!;
    return {
      type: 'show',
      view: {
        key: `${this.key}\n${this.revision}`,
        mode: props.mode,
        quote: props.quote,
        themes: props.themes,
        initial: this.draft ?? props.initial,
        canDelete: !!props.onDelete,
        canCopyLink: !!props.onCopyLink,
        ...(props.suggestions !== undefined && { suggestions: props.suggestions }),
      },
    };
  }

  close(): void {
    if (!this.props) return;
    this.props = null;
    this.draft = null;
    const frameHadFocus =
      (this.container.getRootNode() as ShadowRoot | Document).activeElement === this.frame;
    if (this.frame) this.frame.style.display = 'none';
    this.send({ type: 'hide' });
    if (frameHadFocus) {
      if (this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
      else this.doc.defaultView!.focus();
    }
    this.returnFocus = null;
  }

  private ensureFrame(): HTMLIFrameElement {
    if (this.frame) return this.frame;
    const secret = crypto.randomUUID();
    const src = `${this.pageUrl(DIALOG_FRAME_PAGE)}#${secret}`;
    const frame = this.doc.createElement('iframe');
    frame.title = 'Ofsted Annotator';
    frame.style.cssText = FRAME_STYLE;
    // Loaded again whenever its element is put back in the page (a page script that removed
    // the host): a new port, and the open dialog drawn again with what the user had typed.
    frame.addEventListener('load', () => {
      // What the user typed last in the frame that went away may still be on its way: the old
      // port stays open for it, and a late draft draws the dialog again with it.
      if (this.port)
        this.port.onmessage = (event: MessageEvent<FromDialogFrame>) => {
          if (event.data.type !== 'draft' || !this.props) return;
          this.draft = event.data.changes;
          if (this.redrawWhenReady) return; // the new frame is not drawn yet: it will be with this
          this.revision++;
          this.send(this.showMessage());
        };
      this.queued = [];
      this.redrawWhenReady = this.props !== null;
      this.focusWhenDrawn = this.props !== null;
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<FromDialogFrame>) => this.receive(event.data);
      const hello: DialogFrameHello = { ofstedAnnotatorDialog: secret };
      // Only to the extension's origin: a page that sent the frame elsewhere gets nothing.
      frame.contentWindow?.postMessage(hello, this.extensionOrigin, [channel.port2]);
      this.port = channel.port1;
    });
    frame.src = src;
    this.container.append(frame);
    this.frame = frame;
    return frame;
  }

  private send(message: ToDialogFrame): void {
    if (this.port && this.queued.length === 0) this.port.postMessage(message);
    else this.queued.push(message);
  }

  private receive(message: FromDialogFrame): void {
    const props = this.props;
    switch (message.type) {
      case 'ready':
        // Drawn from the draft as it is now, which a late message from the old frame may have changed.
        if (this.redrawWhenReady) this.port!.postMessage(this.showMessage());
        this.redrawWhenReady = false;
        for (const queued of this.queued.splice(0)) this.port!.postMessage(queued);
        return;
      case 'height':
        this.height = message.px;
        this.place();
        if (props && this.focusWhenDrawn && this.frame) {
          this.focusWhenDrawn = false;
          this.frame.style.visibility = 'visible';
          this.frame.focus();
        }
        return;
      case 'draft':
        this.draft = message.changes;
        return;
      case 'close':
        props?.onClose();
        return;
      case 'save':
        if (props) this.answer(message.request, () => props.onSave(message.changes));
        return;
      case 'delete':
        if (props?.onDelete) this.answer(message.request, props.onDelete);
        return;
      case 'copy-link':
        if (props?.onCopyLink) this.answer(message.request, props.onCopyLink);
        return;
    }
  }

  private answer(request: number, action: () => Promise<void>): void {
    action().then(
      () => this.send({ type: 'done', request }),
      (error: unknown) =>
        this.send({ type: 'done', request, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** Beside the selection (the position it was given), wholly inside the viewport. */
  private place(): void {
    const frame = this.frame;
    const position = this.props?.position;
    if (!frame || !position) return;
    const win = this.doc.defaultView!;
    const height = Math.min(this.height || MAX_HEIGHT, MAX_HEIGHT, win.innerHeight - 2 * GAP);
    const top = Math.max(GAP, Math.min(position.top, win.innerHeight - height - GAP));
    frame.style.top = `${top}px`;
    frame.style.left = `${position.left}px`;
    frame.style.height = `${height}px`;
  }
}
