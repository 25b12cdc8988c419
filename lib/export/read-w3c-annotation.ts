// One W3C annotation as the model's annotations: one for each passage of text it targets,
// each with the annotation's themes, severity, note and dates. An annotation with nothing the
// model can keep is skipped with its reason; so is each target or body left out of one that
// comes across. Nothing is written to the log until the annotation is read whole, so a
// skipped annotation adds no notes.
//
// Several targets (a list, or a Composite, List or Independents): each passage becomes an
// annotation of its own, so every highlight the other tool showed is shown here too. The
// first keeps the annotation's id; each later one gets a UUID made from that id and the
// target's place ("target[2]"), the same on every import of the file.

import { fail } from '../db/field-error';
import { checkAnnotation, isRecord } from '../db/validate';
import type { Annotation } from '../model';
import type { DocumentParts } from './read';
import { readBodies, type Tag } from './read-w3c-body';
import { readDates } from './read-w3c-dates';
import { hasType, type Json } from './read-w3c-json';
import { SKIP, SkipItem, skipReasonOf, type Fact, type SkipReason, type W3cReadLog } from './read-w3c-log';
import { readTargets } from './read-w3c-target';
import { stableUuid } from './stable-uuid';
import { ANNOTATION_ID_PREFIX } from './w3c';

export interface W3cItem {
  annotation: Annotation;
  document: DocumentParts;
  tags: Tag[];
}

export interface ItemContext {
  /** When the file says it was made, for annotations with no date of their own. */
  fileTime?: string;
  /** The time of import, as an ISO string. */
  importTime: string;
  /** The file's positions count UTF-16 units (the extension's own version-1 export). */
  positionsInUtf16: boolean;
  log: W3cReadLog;
}

interface Problem {
  place: string;
  why: SkipReason;
}

/** The annotations read from the file's item at `place`; none when it is skipped (logged with its reason). */
export function readW3cAnnotation(item: unknown, place: string, context: ItemContext): W3cItem[] {
  const { log } = context;
  let read: { items: W3cItem[]; problems: Problem[]; facts: Fact[] };
  try {
    read = readAnnotation(item, context);
  } catch (error) {
    log.skip(place, skipReasonOf(error));
    return [];
  }
  for (const problem of read.problems) log.skip(joined(place, problem.place), problem.why, place);
  for (const fact of read.facts) log.record(fact);
  return read.items;
}

function readAnnotation(item: unknown, { fileTime, importTime, positionsInUtf16 }: ItemContext) {
  if (!isRecord(item) || (item.type !== undefined && !hasType(item, 'Annotation'))) {
    throw new SkipItem(SKIP.notAnnotation);
  }
  const facts: Fact[] = [];
  const { id, name } = readId(item, facts);
  const targets = readTargets(item.target, { positionsInUtf16 });
  if (targets.usable.length === 0) throw new SkipItem(targets.problems[0]!.why);
  const { tags, severity, note, ...bodies } = readBodies(item);
  const { createdAt, updatedAt, ...dates } = readDates(item, fileTime, importTime);
  const problems: Problem[] = [
    ...targets.problems,
    ...bodies.problems.map(({ place, why }) => ({ place, why: { ...why, field: place } })),
  ];
  const themeIds = new Set(tags.map((t) => t.id));
  const items: W3cItem[] = [];
  targets.usable.forEach((target, i) => {
    try {
      const annotation = checkAnnotation(
        {
          id: i === 0 ? id : stableUuid(`${name}#${target.place}`),
          url: target.document.url,
          quote: target.quote,
          selectors: target.selectors,
          themes: tags.map((t) => t.id),
          severity,
          note,
          citation: target.citation,
          createdAt,
          updatedAt,
        },
        themeIds,
      );
      items.push({ annotation, document: target.document, tags });
    } catch (error) {
      problems.push({ place: target.place, why: skipReasonOf(error) });
    }
  });
  if (items.length === 0) throw new SkipItem(problems.find((p) => p.place.startsWith('target'))!.why);
  if (items.length > 1) facts.push({ kind: 'severalTargets' });
  facts.push(...bodies.facts, ...dates.facts);
  return { items, problems, facts };
}

/**
 * The annotation's id: "urn:uuid:<id>" gives <id>; any other a UUID made from it, the same on
 * every import. An annotation with no id (a MUST of the model, yet some tools leave it out) is
 * named by its content, so importing the same file again does not add it twice.
 */
function readId(item: Json, facts: Fact[]): { id: string; name: string } {
  const { id } = item;
  if (typeof id === 'string' && id.trim() !== '') {
    const prefix = ANNOTATION_ID_PREFIX;
    if (id.toLowerCase().startsWith(prefix) && id.length > prefix.length) {
      return { id: id.slice(prefix.length), name: id };
    }
    return { id: stableUuid(id), name: id };
  }
  let content: string;
  try {
    content = JSON.stringify(item);
  } catch {
    return fail('id', 'The annotation has no id'); // Nested too deeply to name by its content.
  }
  facts.push({ kind: 'noId' });
  return { id: stableUuid(content), name: content };
}

/** "items[3]" + "target[1]" → "items[3].target[1]"; a lone annotation's place is "". */
const joined = (place: string, inner: string) => (place === '' ? inner : `${place}.${inner}`);
