// What the W3C import leaves out and what it decides for the user: each item skipped with its
// place and reason (counted by reason in the import's message), and the facts that become its
// notes ("2 annotations had no creation date: …").

import { FieldError } from '../db/field-error';
import type { Skipped } from './read';

/** Why something is skipped: `reason` counts several ("3 annotations of …"), `sentence` tells one. */
export interface SkipReason {
  reason: string;
  sentence: string;
  /** The bad field inside the skipped item, when a check failed ("target.selector[1].start"). */
  field?: string;
}

export const SKIP = {
  notAnnotation: {
    reason: 'items that are not annotations',
    sentence: 'This is not an annotation',
  },
  noTarget: {
    reason: 'annotations with no target document',
    sentence: 'The annotation has no target document',
  },
  notWebAddress: {
    reason: 'annotations of a document with no web address (only http and https pages can be annotated)',
    sentence: 'The target is not a web page (only http and https addresses can be annotated)',
  },
  notText: {
    reason: 'annotations of an image, video or sound (only text can be annotated)',
    sentence: 'The target is an image, video or sound, not text',
  },
  wholeDocument: {
    reason: 'annotations of a whole document (no passage of its text is selected)',
    sentence: 'The target selects no passage: it is a whole document',
  },
  noTextSelector: {
    reason:
      'annotations with no text selector (only a quote or a position in the text can be found on a page)',
    sentence: 'At least one TextQuoteSelector or TextPositionSelector is required',
  },
  positionInPart: {
    reason:
      'annotations found only by a position inside a part of the document (a fragment, element or page), which cannot be found without the quote',
    sentence:
      'The only text selector is a position inside a part of the document (refinedBy): without a quote it cannot be found',
  },
  unreadableBody: {
    reason: 'bodies that are neither text nor a web address',
    sentence: 'The body is neither text nor a web address',
  },
  pageWithoutItems: {
    reason: 'collection pages with no list of annotations',
    sentence: 'A collection page must have a list of items',
  },
} as const satisfies Record<string, SkipReason>;

/** Thrown while reading one item: it is skipped for `why`. */
export class SkipItem extends Error {
  readonly why: SkipReason;

  constructor(why: SkipReason) {
    super(why.sentence);
    this.name = 'SkipItem';
    this.why = why;
  }
}

/** Why an error skips what was being read: a SkipItem's reason, or a FieldError as "annotations with an error". */
export function skipReasonOf(error: unknown): SkipReason {
  if (error instanceof SkipItem) return error.why;
  if (error instanceof FieldError) {
    const detail = error.field === '' ? error.message : `${error.field}: ${error.message}`;
    return { reason: `annotations with an error (${detail})`, sentence: error.message, field: error.field };
  }
  throw error;
}

/** Something the reader decided, counted across the file; `example` is shown (e.g. the date used). */
export type Fact =
  | { kind: 'createdFromModified' }
  | { kind: 'datedByFile'; example: string }
  | { kind: 'datedAtImport' }
  | { kind: 'noTimeZone' }
  | { kind: 'unknownSeverity'; example: string }
  | { kind: 'severalSeverities' }
  | { kind: 'severalTargets' }
  | { kind: 'noId' }
  | { kind: 'longTag' };

const annotations = (n: number) => `${n} annotation${n === 1 ? '' : 's'}`;
const quoted = (examples: string[]) => examples.map((e) => `“${e}”`).join(', ');

/** One note per kind of fact, as the import's message shows it. */
const NOTES: { [K in Fact['kind']]: (n: number, examples: string[]) => string } = {
  createdFromModified: (n) =>
    `${annotations(n)} had no readable creation date: the modification date was used`,
  datedByFile: (n, examples) =>
    `${annotations(n)} had no readable date: the date the file gives (${examples.join(', ')}) was used`,
  datedAtImport: (n) => `${annotations(n)} had no readable date: the time of import was used`,
  noTimeZone: (n) => `${annotations(n)} had dates with no time zone: they were read as UTC`,
  unknownSeverity: (n, examples) =>
    `${annotations(n)} had a severity this extension does not know (${quoted(examples)}): unrated, its words kept in the note`,
  severalSeverities: (n) =>
    `${annotations(n)} had more than one severity: the first was kept, the others’ words in the note`,
  severalTargets: (n) =>
    `${annotations(n)} had several passages: each passage became an annotation of its own, with the same note, themes and severity`,
  noId: (n) => `${annotations(n)} had no id: each was given one made from its content`,
  longTag: (n) =>
    `${annotations(n)} had tags too long to be themes (over 120 characters): they were kept in the note`,
};

/** The most examples a note lists. */
const MAX_EXAMPLES = 3;

export class W3cReadLog {
  readonly skipped: Skipped[] = [];
  /** Each skip as one sentence naming its place, for the message when nothing can be imported. */
  readonly sentences: string[] = [];
  private readonly facts = new Map<Fact['kind'], { count: number; examples: Set<string> }>();
  private readonly extraNotes: string[] = [];

  /** Skips what is at `place`; `why.field` is a place inside the item at `itemPlace`. */
  skip(place: string, why: SkipReason, itemPlace: string = place): void {
    this.skipped.push({ place, reason: why.reason });
    const where = joinPlaces(itemPlace, why.field ?? '');
    this.sentences.push(where === '' ? why.sentence : `${where}: ${why.sentence}`);
  }

  record(fact: Fact): void {
    const entry = this.facts.get(fact.kind) ?? { count: 0, examples: new Set<string>() };
    entry.count++;
    if ('example' in fact && entry.examples.size < MAX_EXAMPLES) entry.examples.add(fact.example);
    this.facts.set(fact.kind, entry);
  }

  /** A note of the file's own, e.g. that the collection goes on in another file. */
  addNote(note: string): void {
    this.extraNotes.push(note);
  }

  notes(): string[] {
    const counted = [...this.facts].map(([kind, { count, examples }]) => NOTES[kind](count, [...examples]));
    return [...this.extraNotes, ...counted];
  }
}

/** "items[3]" + "target.selector" → "items[3].target.selector"; "" + "target" → "target". */
function joinPlaces(outer: string, inner: string): string {
  if (inner === '') return outer;
  if (outer === '' || inner.startsWith('[')) return outer + inner;
  return `${outer}.${inner}`;
}
