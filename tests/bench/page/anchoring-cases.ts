import { buildTextIndex } from '../../../lib/anchoring';
import type { CorpusCase } from './corpus';
import { tally, verdict, type Expectation, type Locate, type Tally, type Verdict } from './judge';
import { buildLongPage, mount, parseBody, pickPassages, type LongPage } from './long-page';
import {
  apacheAnnotator,
  domAnchorTextQuote,
  hypothesisQuoteRules,
  hypothesisRules,
  ours,
  type AnchoringSystem,
} from './systems';
import { repeat, type Timing } from './timing';

export const SYSTEMS: Record<string, AnchoringSystem> = {
  ours,
  hypothesis: hypothesisRules,
  hypothesisQuote: hypothesisQuoteRules,
  apache: apacheAnnotator,
  datq: domAnchorTextQuote,
};

export interface AnchoringResult {
  system: string;
  timing: Timing;
  wrong: number;
  orphans: number;
  /** Counts by kind of edit (corpus only). */
  byKind?: Record<string, Tally>;
}

function rootElement(id: string): HTMLElement {
  let root = document.getElementById(id);
  if (!root) {
    root = document.createElement('main');
    root.id = id;
    document.body.append(root);
  }
  return root;
}

// ---- 1,000 exact annotations on the long page -------------------------------------------

let long: {
  page: LongPage;
  passages: Array<[number, number]>;
  expected: Expectation[];
  described: Map<string, unknown[]>;
} | null = null;

export function setUpLongPage(fixtures: readonly string[], targetChars: number, count: number) {
  const page = buildLongPage(rootElement('long-page'), fixtures, targetChars);
  const passages = pickPassages(buildTextIndex(rootElement('long-page')).text, count);
  long = { page, passages, expected: [], described: new Map() };
  remountLongPage();
  return { chars: page.chars, textContentChars: page.textContentChars, copies: page.copies };
}

/** Rebuilds the long page from its markup (after a benchmark changed its DOM); its passages' ranges. */
export function remountLongPage(): Range[] {
  if (!long) throw new Error('setUpLongPage first');
  const root = rootElement('long-page');
  root.innerHTML = long.page.html;
  const index = buildTextIndex(root);
  long.expected = long.passages.map(([start, end]) => ({
    text: index.text.slice(start, end),
    range: index.rangeFor(start, end)!,
  }));
  return longPageRanges();
}

export function longPageRanges(): Range[] {
  if (!long) throw new Error('setUpLongPage first');
  return long.expected.map((e) => e.range!);
}

/** Each system describes the passages once, with its own calls (untimed). */
export async function describeLongPage(system: string): Promise<number> {
  if (!long) throw new Error('setUpLongPage first');
  const started = performance.now();
  long.described.set(system, await SYSTEMS[system]!.describeAll(rootElement('long-page'), longPageRanges()));
  return performance.now() - started;
}

/** Our text index of the long page alone: the part of our time that does not grow with annotations. */
export async function indexLongPage(): Promise<Timing> {
  const root = rootElement('long-page');
  return repeat(async () => {
    const started = performance.now();
    buildTextIndex(root);
    return performance.now() - started;
  });
}

export async function anchorLongPage(system: string): Promise<AnchoringResult> {
  const state = long;
  const described = state?.described.get(system);
  if (!state || !described) throw new Error(`describeLongPage('${system}') first`);
  const root = rootElement('long-page');
  let found: Array<Range | null> = [];
  const timing = await repeat(async () => {
    const started = performance.now();
    found = await SYSTEMS[system]!.anchorAll(root, described);
    return performance.now() - started;
  });
  const verdicts = found.map((range, i) => verdict(range, state.expected[i]!));
  const counts = tally(verdicts);
  return { system, timing, wrong: counts.wrong, orphans: counts.orphan };
}

// ---- the edit corpus ---------------------------------------------------------------------

interface PreparedCase {
  kind: string;
  edited: HTMLElement;
  expected: Expectation[];
  described: Map<string, unknown[]>;
}

let corpus: PreparedCase[] = [];

/**
 * Mounts each case's original page, places its annotations there with their stored
 * selectors, and has every system describe those passages in its own way. Annotations that
 * cannot be placed on their own original page are left out (and counted).
 */
export async function setUpCorpus(cases: readonly CorpusCase[]) {
  const root = rootElement('corpus-page');
  corpus = [];
  let annotations = 0;
  let leftOut = 0;
  for (const c of cases) {
    mount(root, parseBody(c.original));
    const placed = await ours.anchorAll(
      root,
      c.annotations.map((a) => ({ selectors: a.selectors })),
    );
    const kept = c.annotations.flatMap((a, i) => (placed[i] ? [{ annotation: a, range: placed[i]! }] : []));
    leftOut += c.annotations.length - kept.length;
    annotations += kept.length;
    const described = new Map<string, unknown[]>();
    for (const [name, system] of Object.entries(SYSTEMS)) {
      const ranges = kept.map((k) => k.range);
      // Ours anchors from the corpus's stored selectors; the peers describe the same passages.
      described.set(
        name,
        name === 'ours'
          ? kept.map((k) => ({ selectors: k.annotation.selectors }))
          : await system.describeAll(root, ranges),
      );
    }
    corpus.push({
      kind: c.kind,
      edited: parseBody(c.edited),
      expected: kept.map(({ annotation: { expected } }) =>
        expected === 'orphan' ? { text: null } : { text: expected.text, start: expected.start },
      ),
      described,
    });
  }
  root.replaceChildren();
  const expectedOrphans = corpus.reduce((n, c) => n + c.expected.filter((e) => e.text === null).length, 0);
  return { cases: cases.length, annotations, leftOut, expectedOrphans };
}

/** Where a range starts in the normalised text of `root` (the corpus's coordinates), past a space. */
function locator(root: HTMLElement): Locate {
  let index: ReturnType<typeof buildTextIndex> | null = null;
  return (found) => {
    index ??= buildTextIndex(root);
    const start = index.offsetAt(found.startContainer, found.startOffset);
    return start !== null && index.text[start] === ' ' ? start + 1 : start;
  };
}

/** Anchors every case's annotations on its edited page; the time is the sum over cases. */
export async function anchorCorpus(
  system: string,
): Promise<AnchoringResult & { missed: number; wrongSamples: string[] }> {
  const root = rootElement('corpus-page');
  let verdicts: Array<{ kind: string; verdict: Verdict; expectedOrphan: boolean; sample: string }> = [];
  const timing = await repeat(async () => {
    let total = 0;
    verdicts = [];
    for (const c of corpus) {
      mount(root, c.edited);
      const started = performance.now();
      const found = await SYSTEMS[system]!.anchorAll(root, c.described.get(system)!);
      total += performance.now() - started;
      const locate = locator(root);
      found.forEach((range, i) =>
        verdicts.push({
          kind: c.kind,
          verdict: verdict(range, c.expected[i]!, locate),
          expectedOrphan: c.expected[i]!.text === null,
          sample: `${c.kind}: expected ${JSON.stringify(c.expected[i]!.text)}, found ${JSON.stringify(range?.toString().replace(/\s+/g, ' ') ?? null)}`,
        }),
      );
    }
    return total;
  });
  root.replaceChildren();
  const byKind: Record<string, Tally> = {};
  for (const kind of new Set(verdicts.map((v) => v.kind))) {
    byKind[kind] = tally(verdicts.filter((v) => v.kind === kind).map((v) => v.verdict));
  }
  const counts = tally(verdicts.map((v) => v.verdict));
  const missed = verdicts.filter((v) => v.verdict === 'orphan' && !v.expectedOrphan).length;
  const wrongSamples = verdicts.filter((v) => v.verdict === 'wrong').map((v) => v.sample);
  return { system, timing, wrong: counts.wrong, orphans: counts.orphan, missed, byKind, wrongSamples };
}
