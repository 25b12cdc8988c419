// The text selectors a W3C target offers, from however the file nests them: one selector or a
// list (each describes the same passage), a Choice among several, or a selector `refinedBy`
// another (the refinement selects within what the outer one selects). Kept: TextQuoteSelectors
// and TextPositionSelectors, in the order found, and a PDF page from a FragmentSelector
// "page=N" (RFC 3778). Other kinds (CSS, XPath, ranges, SVG, …) are left out: only text can be
// found again on a page.

import { FieldError, within } from '../db/field-error';
import { checkSelectors, isRecord } from '../db/validate';
import type { Selector } from '../model';
import { typeName, type Json } from './read-w3c-json';

export interface TextSelection {
  selectors: Selector[];
  /** The PDF page a FragmentSelector names, when one does. */
  page?: number;
  /**
   * A TextPositionSelector inside a refinement was left out: it counts from the start of the
   * part the outer selector selects (a paragraph, an element, a page), not from the start of
   * the document, as a stored position does, so taken alone it would mark the wrong words.
   */
  droppedPositionInPart: boolean;
}

/** The text selectors of a target's `selector` (one, a list, a Choice, or refined ones). */
export function readTextSelectors(selector: unknown): TextSelection {
  const found: TextSelection = { selectors: [], droppedPositionInPart: false };
  const many = Array.isArray(selector);
  (many ? (selector as unknown[]) : [selector]).forEach((one, i) =>
    collect(one, many ? `[${i}]` : '', false, found),
  );
  return found;
}

/** Lists, Choices and refinements nest; a file nesting them deeper than this is not read (nor the stack overflowed). */
const MAX_NESTING = 16;

function collect(selector: unknown, place: string, inPart: boolean, found: TextSelection, depth = 0): void {
  if (depth > MAX_NESTING) throw new FieldError(place, `Selectors nested more than ${MAX_NESTING} deep`);
  if (Array.isArray(selector)) {
    selector.forEach((one: unknown, i) => collect(one, `${place}[${i}]`, inPart, found, depth + 1));
    return;
  }
  // A selector given by address only (held elsewhere) cannot be read from this file.
  if (!isRecord(selector)) return;
  const type = typeName(selector);
  if (type === 'Choice') {
    const items: unknown[] = Array.isArray(selector.items) ? selector.items : [];
    items.forEach((item, i) => collect(item, joined(place, `items[${i}]`), inPart, found, depth + 1));
    return;
  }
  found.page ??= pageOf(selector);
  if (selector.refinedBy !== undefined) {
    collectRefined(selector, type, place, inPart, found, depth);
    return;
  }
  if (type === 'TextQuoteSelector') found.selectors.push(checked(selector, type, place));
  else if (type === 'TextPositionSelector') {
    if (inPart) found.droppedPositionInPart = true;
    else found.selectors.push(checked(selector, type, place));
  }
}

/**
 * A selector refined by another: the refinement's text selectors mark the passage (its
 * positions count within the part, so only its quotes are kept). Should it offer none, a
 * text selector being refined stands for the passage itself.
 */
function collectRefined(
  selector: Json,
  type: string | undefined,
  place: string,
  inPart: boolean,
  found: TextSelection,
  depth: number,
): void {
  const refined: TextSelection = { selectors: [], droppedPositionInPart: false };
  collect(selector.refinedBy, joined(place, 'refinedBy'), true, refined, depth + 1);
  found.page ??= refined.page;
  if (refined.selectors.length > 0) {
    found.selectors.push(...refined.selectors);
    return;
  }
  const { refinedBy: _inner, ...outer } = selector;
  if (type === 'TextQuoteSelector' || type === 'TextPositionSelector') {
    collect(outer, place, inPart, found, depth + 1);
  } else if (refined.droppedPositionInPart) {
    found.droppedPositionInPart = true;
  }
}

/** The page of a FragmentSelector "page=N" (RFC 3778, PDF), or undefined. */
function pageOf(selector: Json): number | undefined {
  if (typeName(selector) !== 'FragmentSelector' || typeof selector.value !== 'string') return undefined;
  const page = /(?:^|&)page=(\d{1,6})(?:&|$)/.exec(selector.value)?.[1];
  return page !== undefined && Number(page) >= 1 ? Number(page) : undefined;
}

/** A text selector checked as the model stores it; a quote's prefix and suffix are optional in W3C. */
function checked(
  selector: Json,
  type: 'TextQuoteSelector' | 'TextPositionSelector',
  place: string,
): Selector {
  const plain =
    type === 'TextQuoteSelector'
      ? { ...selector, type, prefix: selector.prefix ?? '', suffix: selector.suffix ?? '' }
      : { ...selector, type };
  return within(place, () => {
    try {
      return checkSelectors([plain], 'refuse', { quoteMayWait: true })[0]!;
    } catch (error) {
      // Checked as a list of one: its fields are named without "[0]".
      if (error instanceof FieldError)
        throw new FieldError(error.field.replace(/^\[0\]\.?/, ''), error.message);
      throw error;
    }
  });
}

const joined = (place: string, key: string) => (place === '' ? key : `${place}.${key}`);
