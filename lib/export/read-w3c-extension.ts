// The properties the extension's own W3C export adds (w3c.ts describes them), read back so
// that its files give back exactly what was exported: the version and the collection's
// themes, and on each target the stored quote, the citation and the document's record (the
// tag's theme id and the severity level are read with the bodies).

import { fail, show, within } from '../db/field-error';
import { checkDetails, checkTheme, isRecord } from '../db/validate';
import type { Theme } from '../model';
import { readDocumentDates, type DocumentParts } from './read';
import type { Json } from './read-w3c-json';
import { W3C_EXTENSION_VERSION } from './w3c';

/** The extension properties of w3c.ts. */
export const EXT = {
  version: 'ofsted-annotator:version',
  themes: 'ofsted-annotator:themes',
  theme: 'ofsted-annotator:theme',
  severity: 'ofsted-annotator:severity',
  quote: 'ofsted-annotator:quote',
  citation: 'ofsted-annotator:citation',
  document: 'ofsted-annotator:document',
} as const;

/** Every version of the extension properties so far: this reader reads them all. */
const READABLE_VERSIONS = Array.from({ length: W3C_EXTENSION_VERSION }, (_, i) => i + 1);

/** The last version whose TextPositionSelectors counted UTF-16 units, not code points. */
const LAST_UTF16_VERSION = 1;

/** What the collection's extension properties say of how to read it. */
export interface ExtensionFormat {
  themes: Theme[];
  /** Positions written in UTF-16 units (version 1), to convert to code points. */
  positionsInUtf16: boolean;
}

/** The collection's version and own list of themes, if it has them; refuses a later version. */
export function readExtensionFormat(collection: Json): ExtensionFormat {
  const version = collection[EXT.version];
  if (version !== undefined && !READABLE_VERSIONS.includes(version as number)) {
    const reads = READABLE_VERSIONS.length === 1 ? 'version' : 'versions';
    fail(
      EXT.version,
      `Cannot read version ${show(version)} of the Ofsted Annotator properties: this version of Ofsted Annotator reads ${reads} ${READABLE_VERSIONS.join(', ').replace(/, (\d+)$/, ' and $1')}`,
    );
  }
  return {
    themes: readExtensionThemes(collection[EXT.themes]),
    positionsInUtf16: typeof version === 'number' && version <= LAST_UTF16_VERSION,
  };
}

function readExtensionThemes(themes: unknown): Theme[] {
  if (themes === undefined) return [];
  if (!Array.isArray(themes)) fail(EXT.themes, 'The themes must be a list');
  const seen = new Set<string>();
  return themes.map((theme: unknown, i) => {
    const place = `${EXT.themes}[${i}]`;
    const clean = within(place, () => checkTheme(theme, i));
    if (seen.has(clean.id)) fail(`${place}.id`, `The theme ${show(clean.id)} is listed twice`);
    seen.add(clean.id);
    return clean;
  });
}

/** The document's record as the target carries it, or its address as its title (files from other tools). */
export function readExtensionDocument(record: unknown, url: string): DocumentParts {
  if (record === undefined) return { url, title: url };
  if (!isRecord(record)) fail('', 'The document must be an object with a title');
  const { title, createdAt, updatedAt, details } = record;
  if (typeof title !== 'string') fail('title', 'The document title must be text');
  const parts: DocumentParts = { url, title, ...readDocumentDates(createdAt, updatedAt) };
  if (details !== undefined) parts.details = within('details', () => checkDetails(details));
  return parts;
}
