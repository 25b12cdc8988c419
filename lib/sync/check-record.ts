// A record that came from the team space is checked as an import is: colleagues' browsers
// run other versions, and a space's server holds whatever its members wrote.

import { checkAnnotation, checkDetails, checkTheme, isRecord, isTimestamp } from '../db/validate';
import type { Annotation, DocumentRecord, Theme } from '../model';
import type { SyncedTable } from './space-docs';

/** The record to store, or undefined for one this extension cannot use (it stays in the space). */
export function checkSpaceRecord(
  table: SyncedTable,
  record: unknown,
): Annotation | DocumentRecord | Theme | undefined {
  try {
    switch (table) {
      case 'annotations': {
        // Its themes arrive as documents of their own, perhaps later: they are not checked here.
        const themes = isRecord(record) && Array.isArray(record.themes) ? record.themes : [];
        return checkAnnotation(record, new Set(themes.filter((t): t is string => typeof t === 'string')));
      }
      case 'themes':
        return checkTheme(record, 0);
      case 'documents':
        return checkDocument(record);
    }
  } catch {
    return undefined;
  }
}

function checkDocument(record: unknown): DocumentRecord {
  if (!isRecord(record)) throw new Error('not a document record');
  const { url, title, details, createdAt, updatedAt } = record;
  if (typeof url !== 'string' || url === '' || typeof title !== 'string') throw new Error('no address');
  if (!isTimestamp(createdAt) || !isTimestamp(updatedAt)) throw new Error('invalid dates');
  return {
    url,
    title,
    ...(details !== undefined && { details: checkDetails(details) }),
    createdAt,
    updatedAt,
  };
}
