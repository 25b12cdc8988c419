// The dashboard's exports: which builder makes each file, its name and its type.

import type { BriefingInput } from '../export/briefing-input';
import type { buildCsv } from '../export/csv';
import type { buildJsonExport } from '../export/json';
import type { buildMarkdownBriefing, buildMarkdownQuotes } from '../export/markdown';
import type { buildW3cCollection } from '../export/w3c';
import type { Annotation, DocumentRecord, Theme } from '../model';

export type ExportKind = 'markdown' | 'csv' | 'w3c' | 'json';

/** The export builders (lib/export/*); tests pass their own to see what is exported. */
export interface ExportBuilders {
  markdownBriefing: typeof buildMarkdownBriefing;
  markdownQuotes: typeof buildMarkdownQuotes;
  csv: typeof buildCsv;
  w3c: typeof buildW3cCollection;
  json: typeof buildJsonExport;
}

export interface ExportFile {
  contents: string;
  fileName: string;
  type: string;
}

export interface ExportOptions {
  builders: ExportBuilders;
  now: Date;
  viewerUrl: (address: string) => string;
  /** What the export covers ("Devon", a document's title); undefined for everything or an ad hoc filter. */
  title?: string;
  /** Name the authors in a briefing (team spaces). */
  authors?: boolean;
}

/** `<prefix>-YYYY-MM-DD.<extension>`, dated in the user's local time. */
export function datedFileName(prefix: string, extension: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}

/** The annotations with the records of their documents (only those) and every theme. */
export function briefingInput(
  annotations: readonly Annotation[],
  records: ReadonlyMap<string, DocumentRecord>,
  themes: readonly Theme[],
): BriefingInput {
  const urls = new Set(annotations.map((a) => a.url));
  const documents: DocumentRecord[] = [];
  for (const url of urls) {
    const record = records.get(url);
    if (record) documents.push(record);
  }
  return { annotations: [...annotations], documents, themes: [...themes] };
}

/** The file of one kind for `input`. */
export function buildExportFile(kind: ExportKind, input: BriefingInput, options: ExportOptions): ExportFile {
  const { builders, now, viewerUrl, title, authors = false } = options;
  switch (kind) {
    case 'markdown':
      return {
        contents: builders.markdownBriefing(input, { ...(title && { title }), now, viewerUrl, authors }),
        fileName: datedFileName('ofsted-briefing', 'md', now),
        type: 'text/markdown',
      };
    case 'csv':
      return {
        contents: builders.csv(input),
        fileName: datedFileName('ofsted-annotations', 'csv', now),
        type: 'text/csv',
      };
    case 'w3c':
      return {
        contents: JSON.stringify(builders.w3c(input, { now, ...(title && { label: title }) }), null, 2),
        fileName: datedFileName('ofsted-annotations', 'jsonld', now),
        type: 'application/ld+json',
      };
    case 'json':
      return {
        contents: JSON.stringify(builders.json(input, now), null, 2),
        fileName: datedFileName('ofsted-annotations', 'json', now),
        type: 'application/json',
      };
  }
}
