import type { ConnectRequest } from '../background/team-space';
import type { Annotation, AnnotationChanges, AnnotationDraft, ReportDetails, Selector, Theme } from '../model';
import type { Passage, Suggestions } from '../suggest/types';

// One typed map per direction. A content script's document is its sender's page: the
// background takes the browser's word for the page's origin, and accepts a `url` only on that
// same origin (a single-page site changes address with history.pushState), so a page can only
// ever reach its own site's annotations. Extension pages (the PDF viewer) name any document.

/** Requests that content scripts and extension pages send to the background. */
export interface BackgroundRequests {
  /** The sender's document's annotations and every theme (retired ones too, for labels). */
  'page/load': { request: { url?: string }; response: { annotations: Annotation[]; themes: Theme[] } };
  /**
   * Saves a new annotation on the sender's document; `title` names the document, and the PDF
   * viewer adds what the report says about itself (`details`).
   */
  'annotation/create': {
    /** `id`, chosen by the sender, makes sending the same save twice store it once. */
    request: { id?: string; draft: AnnotationDraft; title: string; url?: string; details?: ReportDetails };
    response: Annotation;
  };
  /** Changes the themes, severity or note of one of the sender's document's annotations. */
  'annotation/update': {
    request: { id: string; changes: AnnotationChanges; url?: string };
    response: Annotation;
  };
  /**
   * The quote a page found at the position of an imported annotation that had none, with the
   * selectors described there; null if it already had one, or the user may not change it.
   */
  'annotation/complete': {
    request: { id: string; quote: string; selectors: Selector[]; url?: string };
    response: Annotation | null;
  };
  /** Deletes an annotation and returns it, so the user can undo; null if it was already gone. */
  'annotation/delete': { request: { id: string; url?: string }; response: Annotation | null };
  /** Puts back an annotation the user has just deleted (undo). */
  'annotation/restore': { request: { annotation: Annotation; title: string }; response: Annotation };
  /**
   * Suggested themes and severity for each passage, from the user's own themes and tagging,
   * worked out in the background: nothing leaves the browser.
   */
  'passages/suggest': { request: { passages: Passage[] }; response: Suggestions[] };
  /** The content script reports how many annotations it found and which are orphans. */
  'page/anchored': { request: { total: number; orphanIds: string[] }; response: null };
  /** Signs in to a team space and starts syncing (the options page only). */
  'space/connect': { request: ConnectRequest; response: { user: string; name: string } };
  /** Stops syncing; every annotation stays (the options page only). */
  'space/disconnect': { request: Record<string, never>; response: null };
}

/** Requests that the background and the popup send to a tab's content script. */
export interface ContentRequests {
  /** Opens the dialog for the selection, or for the highlight the caret is in (shortcut, context menu). */
  'dialog/open': { request: Record<string, never>; response: { opened: boolean } };
  /** The page's address and title, and which of its annotations are painted or orphans. */
  'page/status': {
    request: Record<string, never>;
    response: {
      url: string;
      title: string;
      anchoredIds: string[];
      orphanIds: string[];
      /** For a report in the PDF viewer. */
      details?: ReportDetails;
    };
  };
  /** Scrolls the page to an annotation and flashes it. */
  'annotation/reveal': { request: { id: string }; response: { found: boolean } };
  /**
   * Colleagues' changes arrived from the team space for these documents (EVERY_DOCUMENT: the
   * theme list changed): load them again.
   */
  'annotations/changed': { request: { urls: string[] }; response: null };
}

/** In 'annotations/changed', stands for every document: what changed (the themes) is shown on all. */
export const EVERY_DOCUMENT = '*';

/** A map of message types to their request and response. */
export type RequestMap<M> = { [K in keyof M]: { request: unknown; response: unknown } };

/** Every reply is wrapped so failures reach the caller as a message, not a dropped promise. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
