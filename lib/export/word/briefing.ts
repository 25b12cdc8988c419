// The Word briefing: what the Markdown briefing says (../markdown.ts), in the same order, as a
// .docx an officer can edit and send: the title and date; each document with its details and
// grades in tables; the dashboard's pictures, each followed by its figures; then the findings
// by theme and, within a theme, by severity (concerns first, strengths after), each quote
// cited by document, date, page, paragraph and section, with a link back to it.

import { Document, Packer, Paragraph, TextRun, type ParagraphChild, type Table } from 'docx';
import type { Annotation, DocumentRecord, ReportDetails } from '../../model';
import { quoteShown } from '../../quote-shown';
import { severityGroups, themeGroups, type ThemeGroup } from '../briefing-groups';
import { annotatedUrls, documentTitle, quoteDate, recordsByUrl, type BriefingInput } from '../briefing-input';
import { localDate, longDateOf, pages, plural } from '../briefing-text';
import { quoteLink } from '../links';
import { heading, lineRuns, link, paragraph, run, textTable } from './blocks';
import { pictureBlocks, type BriefingPicture } from './pictures';
import { BRIEFING_STYLES, CITATION, QUOTE, QUOTE_NOTE } from './styles';
import { linesOf, oneLine } from './text';

export type { BriefingPicture } from './pictures';

export interface WordBriefingOptions {
  title?: string;
  now?: Date;
  /** Name who wrote each quote's annotation in a team space ("By: Ann Scrutiny"). */
  authors?: boolean;
  /** The dashboard's pictures, in the order it shows them. */
  pictures?: readonly BriefingPicture[];
}

const DEFAULT_TITLE = 'Ofsted briefing';
type Block = Paragraph | Table;

/** The briefing as the bytes of a .docx file. */
export async function buildWordBriefing(
  input: BriefingInput,
  options: WordBriefingOptions = {},
): Promise<Uint8Array> {
  return Packer.pack(wordBriefingDocument(input, options), 'uint8array');
}

/** The briefing as a docx Document (before it is packed). */
export function wordBriefingDocument(input: BriefingInput, options: WordBriefingOptions = {}): Document {
  const { now = new Date(), pictures = [] } = options;
  const title = oneLine(options.title ?? '') || DEFAULT_TITLE;
  const records = recordsByUrl(input.documents);
  const urls = annotatedUrls(input);
  const prepared = `Prepared ${longDateOf(localDate(now))}: ${plural(input.annotations.length, 'quote')} from ${plural(urls.length, 'document')}.`;
  const children: Block[] = [
    heading(title, 0),
    paragraph([run(prepared)]),
    heading('Documents', 1),
    ...urls.flatMap((url) => documentBlocks(url, records.get(url))),
    ...(pictures.length ? [heading('Figures', 1), ...pictures.flatMap((p) => pictureBlocks(p, 2))] : []),
    heading('Findings by theme', 1),
    ...themeGroups(input).flatMap((group) => themeBlocks(group, records, options)),
  ];
  return new Document({
    creator: 'Ofsted Annotator',
    title,
    description: prepared,
    styles: BRIEFING_STYLES,
    sections: [{ children }],
  });
}

// --- Documents ---------------------------------------------------------------------------

function documentBlocks(url: string, record: DocumentRecord | undefined): Block[] {
  const details = record?.details;
  const facts: Array<[string, string | ParagraphChild]> = [
    ...(details ? detailFacts(details) : []),
    ['Address', link(url, url)],
  ];
  return [
    heading(documentTitle(url, record), 2),
    textTable(null, facts, { shares: [3, 7] }),
    ...(details?.judgements.length
      ? [
          paragraph([]),
          textTable(
            ['Judgement', 'Grade'],
            details.judgements.map(({ judgement, grade }) => [judgement, grade]),
            { shares: [6, 4] },
          ),
        ]
      : []),
  ];
}

function detailFacts({
  localAuthority,
  visitType,
  inspectionDates,
  outcome,
}: ReportDetails): Array<[string, string]> {
  return [
    ['Local authority', localAuthority],
    ['Visit type', visitType],
    ['Inspection dates', inspectionDates.text],
    ...(outcome ? [['Outcome', outcome] as [string, string]] : []),
  ];
}

// --- Themes and severities ---------------------------------------------------------------

/**
 * A theme: its heading, a line counting its quotes by severity (so strengths and concerns
 * are seen side by side at once), then a subsection per severity, highest first.
 */
function themeBlocks(
  { heading: label, annotations }: ThemeGroup,
  records: ReadonlyMap<string, DocumentRecord>,
  options: WordBriefingOptions,
): Block[] {
  const groups = severityGroups(annotations);
  const counts = groups.map((g) => `${g.label}: ${g.annotations.length}`).join(' · ');
  return [
    heading(label, 2),
    paragraph([run(counts)]),
    ...groups.flatMap(({ label: severity, annotations: group }) => [
      heading(severity, 3),
      ...group.flatMap((a) => quoteBlocks(a, records.get(a.url), options)),
    ]),
  ];
}

// --- Quotes ------------------------------------------------------------------------------

/** The quote in the Quote style, its citation, and the note and author if any. */
function quoteBlocks(
  annotation: Annotation,
  record: DocumentRecord | undefined,
  options: WordBriefingOptions,
): Block[] {
  const note = linesOf(annotation.note.trim());
  const hasNote = note.some((line) => line !== '');
  const author = options.authors && annotation.author ? annotation.author.name || annotation.author.user : '';
  return [
    paragraph(lineRuns(linesOf(quoteShown(annotation))), QUOTE),
    paragraph(citationRuns(annotation, record), CITATION),
    ...(hasNote
      ? [paragraph([new TextRun({ text: 'Note: ', bold: true }), ...lineRuns(note)], QUOTE_NOTE)]
      : []),
    ...(oneLine(author)
      ? [paragraph([new TextRun({ text: 'By: ', bold: true }), run(author)], QUOTE_NOTE)]
      : []),
  ];
}

/** "— Title, Devon, 16 January 2025, pages 4–5, paragraph 12, “What needs to improve?” (open at the quote)" */
export function citationRuns(annotation: Annotation, record: DocumentRecord | undefined): ParagraphChild[] {
  const { citation } = annotation;
  const localAuthority = record?.details?.localAuthority;
  const date = quoteDate(annotation, record);
  const rest = [
    ...(localAuthority ? [oneLine(localAuthority)] : []),
    longDateOf(date) ?? oneLine(date),
    ...(citation ? [pages(citation.page, citation.pageEnd)] : []),
    ...(citation?.paragraph !== undefined ? [`paragraph ${citation.paragraph}`] : []),
    ...(citation?.section ? [`“${oneLine(citation.section)}”`] : []),
  ];
  const href = wordQuoteLink(annotation);
  return [
    new TextRun('— '),
    run(documentTitle(annotation.url, record), { italics: true }),
    new TextRun(`, ${rest.join(', ')}`),
    ...(href ? [new TextRun(' ('), link('open at the quote', href), new TextRun(')')] : []),
  ];
}

/**
 * Where the quote's link goes from a Word file: a web page at a text fragment, or an Ofsted
 * report's own address at the quote's page (#page=N, which browsers' PDF viewers follow),
 * since the extension's viewer (chrome-extension://) opens only inside the browser that
 * has the extension. Null for a local PDF, or for an address that is not http(s).
 */
export function wordQuoteLink(annotation: Annotation): string | null {
  const href = quoteLink(annotation, (address) => address);
  return href && /^https?:\/\//i.test(href) ? href : null;
}
