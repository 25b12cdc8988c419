// Where a W3C file's annotations are: a lone annotation, a list of them, an AnnotationPage, or
// an AnnotationCollection with its own `items` or with pages embedded from `first` on through
// `next`. Each is given with its place in the file ("first.next.items[3]"). A page held in
// another file (an address where a page should be) ends the walk: what is here is read, and
// the note says the rest is elsewhere; a collection with no pages here at all is refused. An
// empty list of items is an empty file (the extension exports one when it has nothing).

import { fail, show } from '../db/field-error';
import { isRecord } from '../db/validate';
import { fileTimeOf } from './read-w3c-dates';
import { hasType, type Json } from './read-w3c-json';
import { SKIP, type W3cReadLog } from './read-w3c-log';

export interface W3cEntries {
  entries: Array<[place: string, item: unknown]>;
  /** When the file says it was made, for annotations with no date of their own. */
  fileTime?: string;
}

export function annotationsIn(json: unknown, log: W3cReadLog): W3cEntries {
  if (Array.isArray(json)) {
    return { entries: listed(json, '') };
  }
  if (!isRecord(json)) fail('', 'This is not a W3C Web Annotation');
  if (hasType(json, 'AnnotationCollection')) {
    return { entries: collectionItems(json, log), fileTime: fileTimeOf(json) };
  }
  if (hasType(json, 'AnnotationPage')) {
    const partOf = isRecord(json.partOf) ? fileTimeOf(json.partOf) : undefined;
    return { entries: pageItems(json, '', log), fileTime: fileTimeOf(json) ?? partOf };
  }
  return { entries: [['', json]] };
}

/** The collection's `items`, or those of its `first` page and the pages embedded after it. */
function collectionItems(collection: Json, log: W3cReadLog): Array<[string, unknown]> {
  if (Array.isArray(collection.items)) return listed(collection.items, 'items');
  if (collection.first === undefined) fail('', 'The collection has no items');
  if (typeof collection.first === 'string') {
    fail('first', 'The collection continues in another file: only a whole collection can be imported');
  }
  return pageItems(collection.first, 'first', log);
}

/** The items of `page` and of each page embedded after it through `next`. */
function pageItems(first: unknown, firstPlace: string, log: W3cReadLog): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  let page = first;
  let place = firstPlace;
  while (page !== undefined && page !== null) {
    if (typeof page === 'string') {
      log.addNote(
        `The collection continues in another file (${show(page)}): only the annotations in this file were read`,
      );
      break;
    }
    if (!isRecord(page) || !Array.isArray(page.items)) {
      log.skip(place, SKIP.pageWithoutItems);
      break;
    }
    found.push(...listed(page.items, place === '' ? 'items' : `${place}.items`));
    page = page.next;
    place = place === '' ? 'next' : `${place}.next`;
  }
  return found;
}

const listed = (items: unknown[], place: string): Array<[string, unknown]> =>
  items.map((item, i) => [`${place}[${i}]`, item]);
