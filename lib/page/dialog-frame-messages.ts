import type { AnnotationChanges, Theme } from '../model';
import type { Suggestions } from '../suggest/types';

// What the content script and the annotation dialog's frame (an extension page inside the
// web page) say to each other, over a MessagePort that only the two of them hold: nothing
// of it passes through the page's window, where the page's scripts would hear it.

/** What the dialog shows; the callbacks stay with the content script. */
export interface DialogView {
  /** Names what the dialog is for: a new key starts a fresh form. */
  key: string;
  mode: 'create' | 'edit';
  quote: string;
  themes: Theme[];
  initial: AnnotationChanges;
  canDelete: boolean;
  canCopyLink: boolean;
  /** Suggested themes and severity: null while on their way, absent when none are asked for. */
  suggestions?: Suggestions | null;
}

/** Content script → frame. */
export type ToDialogFrame =
  | { type: 'show'; view: DialogView }
  /** The dialog closed: the frame forgets it. */
  | { type: 'hide' }
  /** The answer to a request: `error` is the message to show when it failed. */
  | { type: 'done'; request: number; error?: string };

/** Frame → content script. */
export type FromDialogFrame =
  | { type: 'ready' }
  /** The height the dialog needs, in px, to show without scrolling. */
  | { type: 'height'; px: number }
  | { type: 'save'; request: number; changes: AnnotationChanges }
  | { type: 'delete'; request: number }
  | { type: 'copy-link'; request: number }
  | { type: 'close' }
  /** What the form holds now, kept by the content script in case the frame is loaded again. */
  | { type: 'draft'; changes: AnnotationChanges };

/** The first message the frame takes: the port, with the secret its address was given. */
export interface DialogFrameHello {
  ofstedAnnotatorDialog: string;
}

export const DIALOG_FRAME_PAGE = '/annotation-dialog.html';
