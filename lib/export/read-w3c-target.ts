// An annotation's targets, as passages of text the extension can find again: each target's
// document address, text selectors, quote and (for PDFs) page. A target that is not such a
// passage (a whole document, an image, a part chosen by CSS or XPath alone, a document with
// no web address) is a problem with its reason; the annotation decides what to do with it.

import { legacyPositionsToCodePoints } from '../anchoring/code-points';
import { documentUrl } from '../document-url';
import { fail, within } from '../db/field-error';
import { checkCitation, isRecord } from '../db/validate';
import type { Citation, Selector } from '../model';
import { isLocalPdf } from './briefing-input';
import type { DocumentParts } from './read';
import { EXT, readExtensionDocument } from './read-w3c-extension';
import { hasType, iriOf, isWebAddress, type Json } from './read-w3c-json';
import { SKIP, SkipItem, skipReasonOf, type SkipReason } from './read-w3c-log';
import { readTextSelectors } from './read-w3c-selectors';

export interface TextTarget {
  /** Where in the annotation: "target", "target[1]", "target.items[0]". */
  place: string;
  document: DocumentParts;
  selectors: Selector[];
  /** The quote; '' when the target has only a position (its quote is read when the page is opened). */
  quote: string;
  citation?: Citation;
}

export interface TargetProblem {
  place: string;
  why: SkipReason;
}

/** The W3C classes of resources that are not text. */
const NOT_TEXT_TYPES = ['Image', 'Video', 'Sound', 'Audio', 'Dataset'];
const NOT_TEXT_FORMAT = /^(image|audio|video)\//i;
/** Several targets: a list, or a Composite, List or Independents resource holding them. */
const MULTIPLICITY_TYPES = ['Composite', 'List', 'Independents'];

/** Each target as a passage of text, or a problem saying why it is not one. */
export function readTargets(
  target: unknown,
  { positionsInUtf16 = false } = {},
): { usable: TextTarget[]; problems: TargetProblem[] } {
  const listed = targetsIn(target);
  if (listed.length === 0)
    return { usable: [], problems: [{ place: 'target', why: { ...SKIP.noTarget, field: 'target' } }] };
  const usable: TextTarget[] = [];
  const problems: TargetProblem[] = [];
  for (const [place, one] of listed) {
    try {
      usable.push(within(place, () => readTarget(one, place, positionsInUtf16)));
    } catch (error) {
      const why = skipReasonOf(error);
      problems.push({ place, why: why.field === undefined ? { ...why, field: place } : why });
    }
  }
  return { usable, problems };
}

function targetsIn(target: unknown): Array<[place: string, target: unknown]> {
  if (Array.isArray(target)) return target.map((t, i) => [`target[${i}]`, t]);
  if (
    isRecord(target) &&
    MULTIPLICITY_TYPES.some((type) => hasType(target, type)) &&
    Array.isArray(target.items)
  ) {
    return target.items.map((t: unknown, i) => [`target.items[${i}]`, t]);
  }
  return target === undefined || target === null ? [] : [['target', target]];
}

function readTarget(target: unknown, place: string, positionsInUtf16: boolean): TextTarget {
  if (Array.isArray(target)) fail('', 'A target must be an address or an object, not a list');
  const specific: Json | undefined =
    typeof target === 'string' ? { source: target } : isRecord(target) ? target : undefined;
  if (!specific) throw new SkipItem(SKIP.noTarget);
  // A SpecificResource names its document in `source`; an external resource is the document.
  const resource = specific.source !== undefined ? specific.source : specific;
  const address = iriOf(resource);
  if (address === undefined) throw new SkipItem(SKIP.noTarget);
  if (!isWebAddress(address) && !isLocalPdf(address)) throw new SkipItem(SKIP.notWebAddress);
  if (isRecord(resource) && !isText(resource)) throw new SkipItem(SKIP.notText);
  if (specific.selector === undefined) throw new SkipItem(SKIP.wholeDocument);
  const selection = within('selector', () => readTextSelectors(specific.selector));
  if (selection.selectors.length === 0) {
    throw new SkipItem(selection.droppedPositionInPart ? SKIP.positionInPart : SKIP.noTextSelector);
  }
  // Positions the extension's version-1 export wrote in UTF-16 units, converted as the database's own were.
  const selectors = positionsInUtf16 ? legacyPositionsToCodePoints(selection.selectors) : selection.selectors;
  const url = documentUrl(address);
  const quote = specific[EXT.quote] ?? selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
  if (typeof quote !== 'string') fail(EXT.quote, 'The quote must be text');
  const citation = readCitation(specific, selection.page);
  return {
    place,
    document: within(EXT.document, () => readExtensionDocument(specific[EXT.document], url)),
    selectors,
    quote,
    ...(citation && { citation }),
  };
}

/** The citation the extension's export stored, else the page a FragmentSelector names. */
function readCitation(target: Json, page: number | undefined): Citation | undefined {
  const stored = target[EXT.citation];
  if (stored !== undefined) return within(EXT.citation, () => checkCitation(stored));
  return page === undefined ? undefined : { page };
}

/** Whether a resource may be text: not typed or formatted as an image, video, sound or dataset. */
function isText(resource: Json): boolean {
  if (NOT_TEXT_TYPES.some((type) => hasType(resource, type))) return false;
  return !(typeof resource.format === 'string' && NOT_TEXT_FORMAT.test(resource.format));
}
