// Links that open a document at an annotation's quote. Web pages get a text fragment
// (https://wicg.github.io/scroll-to-text-fragment/), which the browser scrolls to and
// highlights; PDFs open in the extension's viewer at the quote's page.

import type { Annotation, TextQuoteSelector } from '../model';
import { isLocalPdf, isPdfAnnotation } from './briefing-input';

/** Quotes longer than this many words are linked by their first and last few words. */
const LONG_QUOTE_WORDS = 8;
/** How many words stand for each end of a long quote. */
const END_WORDS = 4;
/** How many words of context go before and after the quote. */
const CONTEXT_WORDS = 3;
/** Half a surrogate pair, which no URL can encode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A link that opens the document at the quote; null for local PDFs, which have no address. */
export function quoteLink(annotation: Annotation, viewerUrl: (address: string) => string): string | null {
  if (isLocalPdf(annotation.url)) return null;
  if (isPdfAnnotation(annotation)) {
    const page = annotation.citation?.page;
    return viewerUrl(annotation.url) + (page ? `#page=${page}` : '');
  }
  const address = annotation.url.replace(/#.*$/s, '');
  const directive = textDirective(annotation);
  return directive ? `${address}#:~:text=${directive}` : address;
}

/**
 * `[prefix-,]start[,end][,-suffix]`, or '' for an empty quote. Whitespace is collapsed, as
 * the browser's matching ignores how it is laid out.
 */
export function textDirective(annotation: Annotation): string {
  const words = wordsOf(annotation.quote);
  if (words.length === 0) return '';
  const quoteSelector = annotation.selectors.find(
    (s): s is TextQuoteSelector => s.type === 'TextQuoteSelector',
  );
  const prefix = contextBefore(quoteSelector?.prefix ?? '');
  const suffix = contextAfter(quoteSelector?.suffix ?? '');
  const parts =
    words.length > LONG_QUOTE_WORDS
      ? [words.slice(0, END_WORDS).join(' '), words.slice(-END_WORDS).join(' ')]
      : [words.join(' ')];
  return [
    ...(prefix ? [`${encodeTextDirective(prefix)}-`] : []),
    ...parts.map(encodeTextDirective),
    ...(suffix ? [`-${encodeTextDirective(suffix)}`] : []),
  ].join(',');
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/**
 * The last few whole words of the stored prefix. Its first word is dropped when the prefix
 * does not start at a space, since it may be cut off (the selector keeps a fixed number of
 * characters) and the browser matches a prefix from the start of a word.
 */
function contextBefore(prefix: string): string {
  const words = wordsOf(prefix);
  if (!/^\s/.test(prefix)) words.shift();
  return words.slice(-CONTEXT_WORDS).join(' ');
}

/** The first few whole words of the stored suffix (its last word may be cut off, as above). */
function contextAfter(suffix: string): string {
  const words = wordsOf(suffix);
  if (!/\s$/.test(suffix)) words.pop();
  return words.slice(0, CONTEXT_WORDS).join(' ');
}

/**
 * Percent-encodes a term of a text directive. The spec requires '-', ',' and '&' encoded
 * (they delimit the directive); encodeURIComponent leaves '-' and a few others alone, and
 * '(' ')' are encoded too so the link survives inside a Markdown link.
 */
export function encodeTextDirective(text: string): string {
  // encodeURIComponent throws on half a surrogate pair (a quote cut inside an emoji): mark it
  // as the replacement character, as the page's text decoder would have.
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[-!'()*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
