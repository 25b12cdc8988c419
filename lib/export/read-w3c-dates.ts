// An annotation's creation and modification dates. `created` is only a SHOULD in the W3C
// model, so a missing (or unreadable) one is not an error: the modification date stands in,
// else the date the annotation or its file was generated, else the time of import; each is
// counted for the import's message. A date and time with no time zone (which xsd:dateTime
// allows) is read as UTC.

import { isTimestamp } from '../db/validate';
import type { Json } from './read-w3c-json';
import type { Fact } from './read-w3c-log';

export interface Dates {
  createdAt: string;
  updatedAt: string;
  facts: Fact[];
}

const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * @param fileTime when the file says it was made (its collection's `generated` or `created`)
 * @param importTime the time of import, as an ISO string
 */
export function readDates(item: Json, fileTime: string | undefined, importTime: string): Dates {
  const facts: Fact[] = [];
  const created = readDate(item.created, facts);
  const modified = readDate(item.modified, facts);
  if (created !== undefined) return { createdAt: created, updatedAt: modified ?? created, facts };
  if (modified !== undefined) {
    facts.push({ kind: 'createdFromModified' });
    return { createdAt: modified, updatedAt: modified, facts };
  }
  const generated = readDate(item.generated, facts) ?? fileTime;
  if (generated !== undefined) {
    facts.push({ kind: 'datedByFile', example: generated });
    return { createdAt: generated, updatedAt: generated, facts };
  }
  facts.push({ kind: 'datedAtImport' });
  return { createdAt: importTime, updatedAt: importTime, facts };
}

/** When a collection or page says it was made: `generated`, else `created`. */
export function fileTimeOf(container: Json): string | undefined {
  return [container.generated, container.created].map((date) => readDate(date, [])).find(Boolean);
}

/** A date and time with its time zone; one without is read as UTC (noted); anything else is no date. */
function readDate(value: unknown, facts: Fact[]): string | undefined {
  if (isTimestamp(value)) return value;
  if (typeof value === 'string' && ZONELESS.test(value) && isTimestamp(`${value}Z`)) {
    if (!facts.some((f) => f.kind === 'noTimeZone')) facts.push({ kind: 'noTimeZone' });
    return `${value}Z`;
  }
  return undefined;
}
