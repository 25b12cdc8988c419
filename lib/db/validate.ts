// Checks what content scripts send before it is stored. Each check returns a clean copy
// holding only the model's fields, or throws an Error whose message can be shown to the user.

import type { Annotation, AnnotationChanges, AnnotationDraft, Selector } from '../model';
import { isSeverity } from '../taxonomy/severity';

export const MAX_QUOTE_LENGTH = 10_000;
export const MAX_NOTE_LENGTH = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
  throw new Error(message);
}

/** A new annotation's content: quote, selectors, themes, severity and note. */
export function checkDraft(draft: unknown, themeIds: ReadonlySet<string>): AnnotationDraft {
  if (!isRecord(draft)) fail('The annotation is missing');
  const { quote } = draft;
  if (typeof quote !== 'string' || quote.trim() === '') fail('The quote is empty');
  if (quote.length > MAX_QUOTE_LENGTH) {
    fail(`The quote is longer than ${MAX_QUOTE_LENGTH.toLocaleString('en-GB')} characters`);
  }
  return { quote, selectors: checkSelectors(draft.selectors), ...checkChanges(draft, themeIds) };
}

/** The editable part: themes (known ids, duplicates dropped), severity and note. */
export function checkChanges(changes: unknown, themeIds: ReadonlySet<string>): AnnotationChanges {
  if (!isRecord(changes)) fail('The changes are missing');
  const { themes, severity, note } = changes;
  if (!Array.isArray(themes)) fail('Themes must be a list of theme ids');
  for (const id of themes) {
    if (typeof id !== 'string' || !themeIds.has(id)) fail(`Unknown theme: ${JSON.stringify(id)}`);
  }
  if (!isSeverity(severity)) {
    fail(`Severity must be 0, 1, 2, 3 or 4, not ${JSON.stringify(severity)}`);
  }
  if (typeof note !== 'string') fail('The note must be text');
  if (note.length > MAX_NOTE_LENGTH) {
    fail(`The note is longer than ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters`);
  }
  return { themes: [...new Set(themes as string[])], severity, note };
}

/** A whole annotation coming back for undo: a valid draft plus id, url and timestamps. */
export function checkAnnotation(annotation: unknown, themeIds: ReadonlySet<string>): Annotation {
  if (!isRecord(annotation)) fail('The annotation is missing');
  const { id, url, createdAt, updatedAt } = annotation;
  if (typeof id !== 'string' || id === '') fail('The annotation has no id');
  if (typeof url !== 'string' || url === '') fail('The annotation has no document address');
  if (!isTimestamp(createdAt) || !isTimestamp(updatedAt)) fail('The annotation has invalid dates');
  return { id, url, ...checkDraft(annotation, themeIds), createdAt, updatedAt };
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function checkSelectors(selectors: unknown): Selector[] {
  if (!Array.isArray(selectors)) fail('Selectors must be a list');
  const clean = selectors.map(checkSelector);
  if (!clean.some((s) => s.type === 'TextQuoteSelector')) {
    fail('At least one TextQuoteSelector is required');
  }
  return clean;
}

function checkSelector(selector: unknown): Selector {
  if (!isRecord(selector)) fail('A selector is not an object');
  switch (selector.type) {
    case 'TextQuoteSelector': {
      const { exact, prefix, suffix } = selector;
      if (typeof exact !== 'string' || exact === '') fail('A TextQuoteSelector has an empty exact text');
      if (typeof prefix !== 'string' || typeof suffix !== 'string') {
        fail('A TextQuoteSelector needs a prefix and a suffix (possibly empty)');
      }
      return { type: 'TextQuoteSelector', exact, prefix, suffix };
    }
    case 'TextPositionSelector': {
      const { start, end } = selector;
      if (!isOffset(start) || !isOffset(end) || end < start) {
        fail('A TextPositionSelector needs whole-number offsets with start <= end');
      }
      return { type: 'TextPositionSelector', start, end };
    }
    default:
      return fail(`Unknown selector type: ${JSON.stringify(selector.type)}`);
  }
}

function isOffset(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
