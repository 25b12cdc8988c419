// The Markdown briefing: the documents and what they say about themselves, then the quotes
// by theme and severity, each cited by document, date, page or paragraph, and link.
//
// Every string from a user or a page goes through escapeInline/escapeLines, so a quote or
// note holding Markdown or HTML shows as the text it is: it cannot add links, images, HTML,
// headings, lists or table cells to the briefing.

import type { Annotation, DocumentRecord, ReportDetails } from '../model';
import { quoteShown } from '../quote-shown';
import { severityLabel } from '../taxonomy/severity';
import {
  annotatedUrls,
  documentTitle,
  quoteDate,
  recordsByUrl,
  themeLabeller,
  type BriefingInput,
} from './briefing-input';
import { severityGroups, themeGroups } from './briefing-groups';
import { localDate, longDateOf, pages, plural } from './briefing-text';
import { quoteLink } from './links';
import { heatMapMarkdown, visitsSectionMarkdown } from './markdown-pictures';

export interface MarkdownOptions {
  viewerUrl: (address: string) => string;
  /** Name who wrote each quote's annotation in a team space ("By: Ann Scrutiny"). */
  authors?: boolean;
}

export interface BriefingOptions extends MarkdownOptions {
  title?: string;
  now?: Date;
}

const DEFAULT_TITLE = 'Ofsted briefing';

/** The whole briefing, Markdown text ending in a newline. */
export function buildMarkdownBriefing(input: BriefingInput, options: BriefingOptions): string {
  const { title = DEFAULT_TITLE, now = new Date() } = options;
  const records = recordsByUrl(input.documents);
  const urls = annotatedUrls(input);
  const count = input.annotations.length;
  const blocks = [
    `# ${escapeInline(title) || DEFAULT_TITLE}`,
    `Prepared ${longDate(localDate(now))}: ${plural(count, 'quote')} from ${plural(urls.length, 'document')}.`,
    ...heatMapMarkdown(input, escapeInline),
    ...visitsSectionMarkdown(input, escapeInline),
    '## Documents',
    ...urls.flatMap((url) => documentSection(url, records.get(url))),
    '## Findings by theme',
    ...themeSections(input, options),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** A few annotations as quote blocks (to copy to the clipboard), in the order given. */
export function buildMarkdownQuotes(input: BriefingInput, options: MarkdownOptions): string {
  const records = recordsByUrl(input.documents);
  const label = themeLabeller(input.themes);
  const blocks = input.annotations.flatMap((a) => [
    tagLine(a, label),
    ...quoteBlock(a, records.get(a.url), options),
  ]);
  return `${blocks.join('\n\n')}\n`;
}

// --- Documents ---------------------------------------------------------------------------

function documentSection(url: string, record: DocumentRecord | undefined): string[] {
  const details = record?.details;
  const facts = [...(details ? detailFacts(details) : []), `- Address: ${addressText(url)}`];
  return [
    `### ${escapeInline(documentTitle(url, record))}`,
    facts.join('\n'),
    ...(details?.judgements.length ? [judgementTable(details.judgements)] : []),
  ];
}

function detailFacts({ localAuthority, visitType, inspectionDates, outcome }: ReportDetails): string[] {
  return [
    `- Local authority: ${escapeInline(localAuthority)}`,
    `- Visit type: ${escapeInline(visitType)}`,
    `- Inspection dates: ${escapeInline(inspectionDates.text)}`,
    ...(outcome ? [`- Outcome: ${escapeInline(outcome)}`] : []),
  ];
}

function judgementTable(judgements: ReportDetails['judgements']): string {
  const rows = judgements.map(
    ({ judgement, grade }) => `| ${escapeInline(judgement)} | ${escapeInline(grade)} |`,
  );
  return ['| Judgement | Grade |', '| --- | --- |', ...rows].join('\n');
}

/** A web address as a link to itself; a local file's name as text. */
function addressText(url: string): string {
  const href = safeHref(url);
  return href ? `[${escapeInline(url)}](${href})` : escapeInline(url);
}

// --- Themes and severities ---------------------------------------------------------------

/** One section per theme in use (theme order, unknown ids after), then "No theme". */
function themeSections(input: BriefingInput, options: MarkdownOptions): string[] {
  const records = recordsByUrl(input.documents);
  return themeGroups(input).flatMap(({ heading, annotations }) => [
    `### ${escapeInline(heading)}`,
    ...severityGroups(annotations).flatMap(({ label: severity, annotations: group }) => [
      `#### ${severity}`,
      ...group.flatMap((a) => quoteBlock(a, records.get(a.url), options)),
    ]),
  ]);
}

// --- Quotes ------------------------------------------------------------------------------

/** The quote as a block quote, its citation, and the note if any (separate Markdown blocks). */
function quoteBlock(
  annotation: Annotation,
  record: DocumentRecord | undefined,
  options: MarkdownOptions,
): string[] {
  const quoted = escapeLines(quoteShown(annotation))
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  const note = escapeLines(annotation.note.trim()).join('\n');
  const author = options.authors && annotation.author ? annotation.author.name || annotation.author.user : '';
  return [
    quoted,
    citationLine(annotation, record, options),
    ...(note ? [`Note: ${note}`] : []),
    ...(author ? [`By: ${escapeInline(author)}`] : []),
  ];
}

/** "— *Title*, Devon, 16 January 2025, page 4, paragraph 12 ([open at the quote](…))" */
export function citationLine(
  annotation: Annotation,
  record: DocumentRecord | undefined,
  { viewerUrl }: MarkdownOptions,
): string {
  const { citation } = annotation;
  const localAuthority = record?.details?.localAuthority;
  const parts = [
    `*${escapeInline(documentTitle(annotation.url, record))}*`,
    ...(localAuthority ? [escapeInline(localAuthority)] : []),
    longDate(quoteDate(annotation, record)),
    ...(citation ? [pages(citation.page, citation.pageEnd)] : []),
    ...(citation?.paragraph !== undefined ? [`paragraph ${citation.paragraph}`] : []),
    ...(citation?.section ? [`“${escapeInline(citation.section)}”`] : []),
  ];
  const link = quoteLink(annotation, viewerUrl);
  const href = link && safeHref(link);
  return `— ${parts.join(', ')}${href ? ` ([open at the quote](${href}))` : ''}`;
}

function tagLine(annotation: Annotation, label: (id: string) => string): string {
  const severity = severityLabel(annotation.severity);
  const themes = annotation.themes.map((id) => escapeInline(label(id))).join('; ');
  return `**${severity}**${themes ? ` · ${themes}` : ''}`;
}

// --- Text --------------------------------------------------------------------------------

/** "2025-01-16" (or a full ISO time) → "16 January 2025"; as given (escaped) if it is not a date. */
function longDate(iso: string): string {
  return longDateOf(iso) ?? escapeInline(iso);
}

/**
 * Characters that mean something anywhere in a line: escapes, code, emphasis, strikethrough,
 * links and images, HTML and autolinks, table cells, attribute lists, and # (which also
 * closes a heading, and is a tag in some editors).
 */
const INLINE_SPECIAL = /[\\`*_~{}[\]<>()!|#]/g;

/** Text for one line of Markdown: white space collapsed, special characters escaped. */
export function escapeInline(text: string): string {
  return escapeLineStart(escapeCharacters(text.replace(/\s+/g, ' ').trim()));
}

/**
 * Text that may run over several lines, as escaped lines (blank lines kept, so paragraphs
 * stay apart). Leading spaces go, as four of them would start a code block.
 */
export function escapeLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLineStart(escapeCharacters(line.replace(/\s+/g, ' ').trim())));
}

function escapeCharacters(text: string): string {
  return (
    text
      .replace(INLINE_SPECIAL, '\\$&')
      // "&amp;" would show as "&": keep character references as typed.
      .replace(/&(?=#?\w+;)/g, '\\&')
      // Bare addresses become links in GitHub's Markdown; keep them plain text.
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`)
  );
}

/**
 * Characters that mean something only at the start of a line: a list item (- + 1.), a
 * thematic break or setext underline (- =). (# * > ) are escaped everywhere already.)
 */
function escapeLineStart(line: string): string {
  return line.replace(/^[+\-=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * An address fit for a Markdown link: web and extension addresses only (never javascript:
 * or data:), with the characters that would end or break the link percent-encoded.
 */
export function safeHref(url: string): string | null {
  if (!/^(https?|chrome-extension|moz-extension):\/\//i.test(url)) return null;
  return url.replace(/[\s()<>[\]\\"'`]/g, (c) =>
    /[()'[\]]/.test(c) ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(c),
  );
}
