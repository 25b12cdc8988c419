// The dashboard's exports: which builder makes each file, its name and its type.

import type { BriefingInput } from '../export/briefing-input';
import type { buildCsv } from '../export/csv';
import type { buildJsonExport } from '../export/json';
import type { buildMarkdownBriefing, buildMarkdownQuotes } from '../export/markdown';
import type { buildW3cCollection } from '../export/w3c';
import type { buildWordBriefing, BriefingPicture } from '../export/word/briefing';
import type { Annotation, DocumentRecord, Theme } from '../model';

export type ExportKind = 'markdown' | 'word' | 'csv' | 'w3c' | 'json';

/** The exports written as text; the Word briefing is built asynchronously, as bytes (buildWordFile). */
export type TextExportKind = Exclude<ExportKind, 'word'>;

export const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The export builders (lib/export/*); tests pass their own to see what is exported. */
export interface ExportBuilders {
  markdownBriefing: typeof buildMarkdownBriefing;
  markdownQuotes: typeof buildMarkdownQuotes;
  wordBriefing: typeof buildWordBriefing;
  csv: typeof buildCsv;
  w3c: typeof buildW3cCollection;
  json: typeof buildJsonExport;
}

export interface ExportFile {
  contents: string | Uint8Array;
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
export function buildExportFile(
  kind: TextExportKind,
  input: BriefingInput,
  options: ExportOptions,
): ExportFile {
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

export interface WordExportOptions extends ExportOptions {
  /** The dashboard's pictures (lib/dashboard/pictures.ts); each SVG gets a PNG from `rasterise`. */
  pictures?: readonly BriefingPicture[];
  /** Draws an SVG as a PNG (lib/export/word/rasterise.ts); without it, pictures go in as their tables alone. */
  rasterise?: (svg: string, width: number, height: number) => Promise<Uint8Array>;
}

/** The Word briefing of `input`, with the pictures drawn as PNGs where they can be. */
export async function buildWordFile(input: BriefingInput, options: WordExportOptions): Promise<ExportFile> {
  const { builders, now, title, authors = false, pictures = [], rasterise } = options;
  const drawn = await Promise.all(
    pictures.map(async (p) =>
      p.svg && !p.png && rasterise ? { ...p, png: await rasterise(p.svg, p.width, p.height) } : p,
    ),
  );
  return {
    contents: await builders.wordBriefing(input, { ...(title && { title }), now, authors, pictures: drawn }),
    fileName: datedFileName('ofsted-briefing', 'docx', now),
    type: WORD_TYPE,
  };
}
