import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PdfSource } from './load';

const MAX_TITLE = 200;

/**
 * Titles that Word templates leave in a PDF's properties: "Microsoft Word - x.docx", or the
 * placeholders of Ofsted's own template ("LA NAME - standard-short inspection report -
 * INSPECTION DATE").
 */
function isPlaceholder(title: string): boolean {
  return /^Microsoft Word\b|\bLA NAME\b|\bINSPECTION DATE\b|^untitled$/i.test(title);
}

const isTextItem = (item: TextContent['items'][number]): item is TextItem => 'str' in item;

/** The biggest text at the top of the first page (the report's heading), joined into one line. */
export function headingOf(firstPage: Pick<TextContent, 'items'> | undefined): string | null {
  if (!firstPage) return null;
  const items = firstPage.items.filter(isTextItem);
  const size = (item: TextItem) => Math.hypot(item.transform[2] as number, item.transform[3] as number);
  let biggest = 0;
  for (const item of items) if (item.str.trim()) biggest = Math.max(biggest, size(item));
  if (!biggest) return null;
  const isHeading = (item: TextItem) => Math.abs(size(item) - biggest) < 0.5;
  const first = items.findIndex((item) => item.str.trim() && isHeading(item));
  const parts: string[] = [];
  for (let i = first; i < items.length; i++) {
    const item = items[i]!;
    // Empty items (line ends) may carry any size; other text of another size ends the heading.
    if (item.str.trim() && !isHeading(item)) break;
    parts.push(item.str, item.hasEOL ? ' ' : '');
  }
  const heading = parts.join('').replace(/\s+/g, ' ').trim();
  return heading && heading.length <= MAX_TITLE ? heading : null;
}

/** The last segment of an address's path, e.g. "50276862" or "report.pdf". */
function addressName(url: string): string {
  try {
    const { pathname, host } = new URL(url);
    return decodeURIComponent(pathname.split('/').filter(Boolean).pop() ?? host);
  } catch {
    return url;
  }
}

/**
 * The document's title: the one in its properties when it is a real one, else its first
 * page's heading, else the file's name (or the last part of its address).
 */
export function documentTitle(
  info: { Title?: unknown } | undefined,
  firstPage: Pick<TextContent, 'items'> | undefined,
  source: PdfSource,
): string {
  const property = typeof info?.Title === 'string' ? info.Title.replace(/\s+/g, ' ').trim() : '';
  if (property && !isPlaceholder(property)) return property.slice(0, MAX_TITLE);
  return headingOf(firstPage) ?? (source.kind === 'local' ? source.name : addressName(source.url));
}
