import { describeRange } from '../../lib/anchoring/describe';
import type { Selector } from '../../lib/model';
import { buildTextIndex, type TextIndex } from '../../lib/anchoring/text-index';
import {
  alignWords,
  editDistance,
  fatesOf,
  mapWords,
  wordsOf,
  type Fate,
  type Hunk,
  type Words,
} from './align';
import type { CorpusAnnotation } from './corpus';

// Builds the edit corpus from its page pairs: which passages are annotated on each original,
// and what each must anchor to on the edited copy. Run by tests/unit/anchoring/corpus-data.test.ts,
// which keeps tests/fixtures/corpus/corpus.json up to date (see README.md).

export interface CaseSpec {
  name: string;
  kind: string;
  /** Page names (keys of the pages given to buildCase). */
  original: string;
  edited: string;
  /** How many annotations to draw. */
  count: number;
  /** Where on the original to draw them from (CSS selector), if not the whole page. */
  scope?: string;
  /** Annotate occurrences of these phrases instead of sentences and runs of words. */
  phrases?: readonly string[];
  /**
   * How the annotations were stored, when not as describeRange stores them: 'raw', as tools
   * that read the page's raw text store them (Hypothesis: quote, 32 characters of context a
   * side and the position, all in `textContent`, white space and line breaks as in the
   * source); 'prefix only' or 'suffix only', with context on that side alone (the other
   * empty, as imports from tools that keep one side have it).
   */
  stored?: 'raw' | 'prefix only' | 'suffix only';
}

/** Leaf blocks of text: annotations are drawn from within one, or across two in a row. */
const BLOCKS = 'p, li, td, th, h1, h2, h3, figcaption, dt, dd, cite';

/** A change this close to a span (in characters) puts the span among those "near an edit". */
const NEAR = 150;

/** Characters of context stored each side of a quote (as lib/anchoring/describe.ts). */
const CONTEXT = 32;

/** A quote this long, found once, needs no context (as UNMISTAKABLE_LENGTH in lib/anchoring/choose.ts). */
const UNMISTAKABLE = 100;

/** A fuzzy match may change at most this share of a quote (as lib/anchoring/anchor.ts). */
const CHANGE_LIMIT = 1 / 5;

interface Span {
  start: number;
  end: number;
}

/**
 * Annotations for one case. The expected result of each (written down here, and independent
 * of lib/anchoring):
 * 1. Align the words of the original's normalised text with the edited copy's (a word diff;
 *    short runs of common words inside a rewrite count as rewritten).
 * 2. Find what each original word became: the word in the same place of an unchanged run; a
 *    similar word inside a change (a fixed typo, a curly quotation mark: at most a quarter
 *    of its characters differ); the edited words facing it between such pairs (rewritten:
 *    "don’t" into "do not"); or nothing (removed).
 * 3. The annotation maps to the edited words from what its first word became to what its
 *    last became: words removed at either end are left out, and an end word that was
 *    rewritten takes in its whole rewrite.
 * 4. The expected text runs from the first mapped word to the last, whatever now lies between
 *    (an inserted "read more" link, say). It is 'orphan' when nothing maps (the words were
 *    removed) or when it differs from the quote by more than a fifth of the quote's characters
 *    (edit distance).
 * 5. It is 'orphan' too when the quote is shorter than its stored context (32 characters a
 *    side) and a word of that context was removed or rewritten (an insertion only moves it):
 *    such a phrase recurs ("care leavers" 45 times in the report), and only its context tells
 *    the annotated one from the others; with part of it gone, the evidence left is the same
 *    whether a table row beside it was inserted or the annotated row itself removed.
 * 6. Context counts where text was stored: a side stored empty, or as white space only (a
 *    quote at an end of the text, a tool that kept one side), tells nothing of the place. A
 *    quote with context stored on one side only, and shorter than 100 characters (less than
 *    unmistakable), is 'orphan' when a word of that context was removed or rewritten, or text
 *    was inserted between it and the quote: context moved away is evidence only where the
 *    other side confirms the place (else a look-alike just before a removed quote has the
 *    removed quote's context after it too).
 * Expected text is given with where it starts in the edited text: the right words in the
 * wrong place (another "care leavers") are a wrong anchor.
 */
export function buildCase(
  spec: CaseSpec,
  pages: Record<string, string>,
  show: (html: string) => Document,
): CorpusAnnotation[] {
  const edited = buildTextIndex(show(pages[spec.edited]!).body).text;
  const doc = show(pages[spec.original]!);
  const index = buildTextIndex(doc.body);
  const originalWords = wordsOf(index.text);
  const editedWords = wordsOf(edited);
  const hunks = alignWords(originalWords.words, editedWords.words);
  const fates = fatesOf(hunks, originalWords.words, editedWords.words);

  const random = seededRandom(spec.name);
  const candidates = spec.phrases
    ? phraseSpans(index.text, spec.phrases, leafBlocks(doc, index, spec.scope))
    : blockSpans(doc, index, spec.scope, random);
  const chosen = choose(candidates, spec.count, (s) => closeness(s, hunks, originalWords), random);

  const raw = spec.stored === 'raw' ? rawText(doc.body) : null;
  return chosen.map((span, i) => {
    const range = index.rangeFor(span.start, span.end)!;
    const described = describeRange(index, range)!;
    const position = described.selectors[1] as Span;
    if (position.start !== span.start || position.end !== span.end)
      throw new Error(`A span moved: ${spec.name}`);
    const selectors = raw ? raw.selectors(range) : storedSides(described.selectors, spec.stored);
    const { exact, prefix, suffix } = quoteSelector(selectors);
    return {
      id: `${spec.name}#${i + 1}`,
      selectors,
      expected: expectedFor(
        squash(exact),
        { prefix: storedContext(prefix), suffix: storedContext(suffix) },
        span,
        index.text,
        { original: originalWords, edited: editedWords, editedText: edited, fates },
      ),
    };
  });
}

/** White space collapsed as the text index does. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Stored context as it compares with the normalised text: none if it holds only white space. */
function storedContext(context: string): string {
  return /\S/.test(context) ? context.replace(/\s+/g, ' ') : '';
}

function quoteSelector(selectors: readonly Selector[]): { exact: string; prefix: string; suffix: string } {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || quote.type !== 'TextQuoteSelector') throw new Error('No quote selector');
  return quote;
}

/** The selectors with the context of one side left out, as `stored` says. */
function storedSides(selectors: Selector[], stored: CaseSpec['stored']): Selector[] {
  if (!stored) return selectors;
  return selectors.map((s) =>
    s.type !== 'TextQuoteSelector'
      ? s
      : stored === 'prefix only'
        ? { ...s, suffix: '' }
        : { ...s, prefix: '' },
  );
}

/**
 * The body's raw text (`textContent`) and selectors for a range in it, as tools that read it
 * store them: the quote and 32 characters of context each side as they stand in the source
 * (white space, line breaks and all), and the position in that text.
 */
function rawText(body: HTMLElement): { selectors: (range: Range) => Selector[] } {
  const text = body.textContent ?? '';
  const offsets = new Map<Node, number>();
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    offsets.set(node, offset);
    offset += (node as Text).data.length;
  }
  if (offset !== text.length) throw new Error('The raw text is not the text nodes in order');
  const at = (node: Node, within: number) => {
    const start = offsets.get(node);
    if (start === undefined) throw new Error('A range ends outside a text node');
    return start + within;
  };
  return {
    selectors(range) {
      const start = at(range.startContainer, range.startOffset);
      const end = at(range.endContainer, range.endOffset);
      return [
        {
          type: 'TextQuoteSelector',
          exact: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - CONTEXT), start),
          suffix: text.slice(end, end + CONTEXT),
        },
        { type: 'TextPositionSelector', start, end },
      ];
    },
  };
}

/** The two texts' words and how they align. */
interface Alignment {
  original: Words;
  edited: Words;
  editedText: string;
  fates: readonly Fate[];
}

/** The stored context of each side, white space collapsed; '' where none was stored, or only white space. */
interface StoredContext {
  prefix: string;
  suffix: string;
}

function expectedFor(
  quote: string,
  context: StoredContext,
  span: Span,
  originalText: string,
  { original, edited, editedText, fates }: Alignment,
): CorpusAnnotation['expected'] {
  const first = original.starts.findIndex((s, i) => s <= span.start && span.start < original.ends[i]!);
  const last = original.starts.findIndex((s, i) => s < span.end && span.end <= original.ends[i]!);
  const mapped = mapWords(fates, first, last);
  if (!mapped) return 'orphan';
  // A span may leave out the start or end of its edge words (a full stop): so does the text,
  // where what it became still starts or ends with what was left out.
  let [from, to] = [edited.starts[mapped[0]]!, edited.ends[mapped[1]]!];
  const before = originalText.slice(original.starts[first]!, span.start);
  const after = originalText.slice(span.end, original.ends[last]!);
  if (editedText.startsWith(before, from)) from += before.length;
  if (editedText.slice(0, to).endsWith(after)) to -= after.length;
  const text = editedText.slice(from, to);
  const limit = Math.floor(quote.length * CHANGE_LIMIT);
  if (editDistance(quote, text, limit) > limit) return 'orphan';
  // A side of context is there when found beside the quote with at most an eighth of it
  // changed (small edits are forgiven); it is lost when not, and a word of it was removed or
  // rewritten (an insertion only moves it away).
  const beside = {
    prefix:
      context.prefix !== '' &&
      foundIn(context.prefix, around(editedText, from - reach(context.prefix), from)),
    suffix:
      context.suffix !== '' && foundIn(context.suffix, around(editedText, to, to + reach(context.suffix))),
  };
  const lost = {
    prefix:
      context.prefix !== '' &&
      !beside.prefix &&
      wordLost(
        original,
        fates,
        (start, end) => start < span.start && end > span.start - context.prefix.length,
      ),
    suffix:
      context.suffix !== '' &&
      !beside.suffix &&
      wordLost(original, fates, (start) => start >= span.end && start < span.end + context.suffix.length),
  };
  if (quote.length < CONTEXT && (lost.prefix || lost.suffix)) return 'orphan';
  const oneSide = (context.prefix === '') !== (context.suffix === '');
  if (oneSide && quote.length < UNMISTAKABLE && !(beside.prefix || beside.suffix)) return 'orphan';
  return { text, start: from };
}

/** Whether a word of the original in the stretch described (by its start and end) was removed or rewritten. */
function wordLost(
  words: Words,
  fates: readonly Fate[],
  within: (start: number, end: number) => boolean,
): boolean {
  return words.starts.some((start, i) => !(fates[i] && 'word' in fates[i]) && within(start, words.ends[i]!));
}

/** Characters either side of a context's length where it may still be found: an eighth of it. */
function reach(context: string): number {
  return context.length + Math.floor(context.length / 8);
}

/** text[from, to), with a space for each end of the text it runs past (the text has none there). */
function around(text: string, from: number, to: number): string {
  return (
    (from < 0 ? ' ' : '') + text.slice(Math.max(0, from), Math.max(0, to)) + (to > text.length ? ' ' : '')
  );
}

/** Whether `pattern` occurs in `text` with at most an eighth of its characters changed (edit distance). */
function foundIn(pattern: string, text: string): boolean {
  const limit = Math.floor(pattern.length / 8);
  // Edit distance of pattern[0, i) to the best substring of text ending at j (Sellers).
  let previous = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= pattern.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = row;
  }
  return Math.min(...previous) <= limit;
}

/**
 * How close the nearest change (removal, insertion or rewrite) is to a span: 0 when a change
 * lies inside it (an insertion strictly inside), 1 when one lies within NEAR characters of it,
 * 2 otherwise.
 */
function closeness(span: Span, hunks: readonly Hunk[], words: Words): 0 | 1 | 2 {
  const offsetOf = (word: number) => (word < words.starts.length ? words.starts[word]! : words.ends.at(-1)!);
  let best: 0 | 1 | 2 = 2;
  for (const h of hunks) {
    if (h.equal) continue;
    const [from, to] = [offsetOf(h.from), h.to > h.from ? words.ends[h.to - 1]! : offsetOf(h.to)];
    const inside = h.to > h.from ? from < span.end && to > span.start : span.start < from && from < span.end;
    if (inside) return 0;
    if (from <= span.end + NEAR && to + NEAR >= span.start) best = 1;
  }
  return best;
}

/**
 * Where anchoring is tested: 40% of the annotations (rounded up) among spans with a change
 * inside, up to 70% among spans with one inside or near, the rest anywhere (fewer in a tier
 * that runs out).
 */
function choose(
  candidates: Span[],
  count: number,
  tier: (s: Span) => 0 | 1 | 2,
  random: () => number,
): Span[] {
  const unique = shuffle([...new Map(candidates.map((s) => [`${s.start}:${s.end}`, s])).values()], random);
  const picked = new Set<Span>();
  const quotas: Array<[number, number]> = [
    [0, Math.ceil(count * 0.4)],
    [1, Math.ceil(count * 0.7)],
    [2, count],
  ];
  for (const [worst, upTo] of quotas) {
    for (const span of unique) {
      if (picked.size >= upTo) break;
      if (tier(span) <= worst) picked.add(span);
    }
  }
  return [...picked].sort((a, b) => a.start - b.start);
}

/** The text spans of the page's leaf blocks, in order. */
function leafBlocks(doc: Document, index: TextIndex, scope?: string): Span[] {
  const roots = scope ? [...doc.querySelectorAll(scope)] : [doc.body];
  const spans: Span[] = [];
  for (const root of roots) {
    const blocks = [...(root.matches(BLOCKS) ? [root] : []), ...root.querySelectorAll(BLOCKS)];
    for (const block of blocks) {
      if (block.querySelector(BLOCKS)) continue;
      const range = doc.createRange();
      range.selectNodeContents(block);
      const described = describeRange(index, range);
      if (described) spans.push(described.selectors[1] as Span);
    }
  }
  const unique = new Map(spans.map((s) => [s.start, s])); // scopes may share blocks
  return [...unique.values()].sort((a, b) => a.start - b.start);
}

/**
 * Candidate spans: each block whole, its sentences (with and without their last full stop or
 * quotation mark) and pairs of them, a run of 3, 6 and 12
 * words at a random place in it, and the last words of each block with the first of the next
 * when nothing lies between them.
 */
function blockSpans(
  doc: Document,
  index: TextIndex,
  scope: string | undefined,
  random: () => number,
): Span[] {
  const { text } = index;
  const blocks = leafBlocks(doc, index, scope);
  const spans: Span[] = [];
  blocks.forEach((block, b) => {
    const words = wordsOf(text.slice(block.start, block.end));
    const at = (w: number) => block.start + words.starts[w]!;
    const endOf = (w: number) => block.start + words.ends[w]!;
    spans.push(block);
    const sentences: Span[] = [];
    let sentenceStart = 0;
    words.words.forEach((word, w) => {
      const last = w === words.words.length - 1;
      if (last || (/[.!?][”’"]?$/.test(word) && /^[“"‘(]?[A-Z0-9]/.test(words.words[w + 1]!))) {
        if (w - sentenceStart >= 3) sentences.push({ start: at(sentenceStart), end: endOf(w) });
        sentenceStart = w + 1;
      }
    });
    spans.push(...sentences);
    // A reader often leaves out the full stop (or closing quotation mark) at the end.
    for (const { start, end } of sentences) {
      const trimmed = text.slice(start, end).replace(/[.!?,;:”’"]+$/, '');
      if (trimmed.length < end - start) spans.push({ start, end: start + trimmed.length });
    }
    for (let i = 0; i + 1 < sentences.length; i++) {
      spans.push({ start: sentences[i]!.start, end: sentences[i + 1]!.end });
    }
    for (const length of [3, 6, 12]) {
      if (words.words.length <= length) continue;
      const from = Math.floor(random() * (words.words.length - length + 1));
      spans.push({ start: at(from), end: endOf(from + length - 1) });
    }
    const next = blocks[b + 1];
    if (next && next.start - block.end <= 1) {
      // Only blocks next to each other in the text: nothing but a space between them.
      const nextWords = wordsOf(text.slice(next.start, next.end));
      const tail = Math.min(words.words.length, 2 + Math.floor(random() * 6));
      const head = Math.min(nextWords.words.length, 2 + Math.floor(random() * 6));
      spans.push({
        start: at(words.words.length - tail),
        end: next.start + nextWords.ends[head - 1]!,
      });
    }
  });
  return spans;
}

/** Each occurrence of the phrases (as whole words) within the blocks. */
function phraseSpans(text: string, phrases: readonly string[], blocks: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const phrase of phrases) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + phrase.length };
      if (blocks.some((b) => b.start <= span.start && span.end <= b.end)) spans.push(span);
    }
  }
  return spans;
}

/** A deterministic random number generator (mulberry32), seeded by a string. */
function seededRandom(seed: string): () => number {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
