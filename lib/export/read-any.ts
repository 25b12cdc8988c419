// Reads a parsed file of any kind the extension imports: its own export (read.ts, any
// version it reads), Hypothesis's export or API search response (read-hypothesis.ts), or W3C
// Web Annotations (read-w3c.ts). Whichever, each annotation id may appear only once in the file.

import { shorten } from '../db/field-error';
import { isRecord } from '../db/validate';
import { EXPORT_FORMAT } from './json';
import { readExport, type ExportContents } from './read';
import { isHypothesisFile, readHypothesisExport } from './read-hypothesis';
import { isW3cAnnotations, readW3cCollection } from './read-w3c';

export const UNKNOWN_FILE =
  'This file is not an Ofsted Annotator export, a Hypothesis export (or API search response) or W3C Web Annotations.';

/** The contents of a parsed native, Hypothesis or W3C file; throws an Error naming the first problem. */
export function readAnyExport(json: unknown): ExportContents {
  let contents: ExportContents;
  if (isRecord(json) && json.format === EXPORT_FORMAT) contents = readExport(json);
  else if (isHypothesisFile(json)) contents = readHypothesisExport(json);
  else if (isW3cAnnotations(json)) contents = readW3cCollection(json);
  else throw new Error(UNKNOWN_FILE);
  refuseDuplicateIds(contents);
  return contents;
}

function refuseDuplicateIds({ annotations }: ExportContents): void {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { id } of annotations) (seen.has(id) ? twice : seen).add(id);
  if (twice.size === 0) return;
  const ids = [...twice].map((id) => `“${shorten(id)}”`);
  const listed = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  throw new Error(
    `This file has more than one annotation with the id${twice.size === 1 ? '' : 's'} ${listed}: each annotation needs its own id.`,
  );
}
