import { buildTextIndex, describeRange } from '../../../lib/anchoring';
import { openDb, type AnnotatorDb } from '../../../lib/db/database';
import { importContents, importFile, parseJson } from '../../../lib/db/import';
import { buildJsonExport, exportAllText } from '../../../lib/export/json';
import { readAnyExport } from '../../../lib/export/read-any';
import type { Annotation, DocumentRecord, ReportDetails, Severity, Selector } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { parseBody, pickPassages } from './long-page';
import { median, repeat, type Timing } from './timing';

// Export and import of 10,000 annotations over 500 documents, run in an extension page on the
// extension's own database; the last import leaves the database seeded for the popup and
// dashboard benchmarks.

export interface FixturePage {
  url: string;
  title: string;
  html: string;
}

const PASSAGES_PER_PAGE = 300;

/** Import and export are timed five times however long they take: their targets are seconds. */
const ALWAYS_FIVE = { slowMs: Infinity };

/** A pause after emptying the database, so that its clean-up is not timed as the next import. */
const SETTLE_MS = 1000;

/**
 * `documents` documents with `perDocument` annotations each. The fixture pages are the first
 * documents, at their own addresses, so their annotations anchor when the page is open; the
 * others are councils' reports quoting the fixture pages' text.
 */
export function makeDataset(pages: readonly FixturePage[], documents: number, perDocument: number): string {
  const pools = pages.map((page, p) => {
    const body = parseBody(page.html);
    const index = buildTextIndex(body);
    return pickPassages(index.text, PASSAGES_PER_PAGE, p + 1).map(([start, end]) =>
      describeRange(index, index.rangeFor(start, end)!)!,
    );
  });
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 36e5 * 7).toISOString();
  const records: DocumentRecord[] = [];
  const annotations: Annotation[] = [];
  for (let d = 0; d < documents; d++) {
    const page = pages[d];
    const council = `Council ${d}`;
    const url = page?.url ?? `https://www.council-${d}.gov.uk/childrens-services/ofsted-inspection-report`;
    records.push({
      url,
      title: page?.title ?? `${council}: inspection of children's social care services`,
      ...(page || d % 2 ? {} : { details: details(council, d) }),
      createdAt: day(d * perDocument),
      updatedAt: day(d * perDocument + perDocument),
    });
    const pool = pools[d % pools.length]!;
    for (let j = 0; j < perDocument; j++) {
      const { quote, selectors } = pool[(d * perDocument + j) % pool.length]!;
      annotations.push(annotation(`bench-${d}-${j}`, url, quote, selectors, d + j, day(d * perDocument + j)));
    }
  }
  return JSON.stringify(
    buildJsonExport({ annotations, documents: records, themes: DEFAULT_THEMES }),
    null,
    2,
  );
}

function annotation(
  id: string,
  url: string,
  quote: string,
  selectors: Selector[],
  n: number,
  at: string,
): Annotation {
  const themes = [DEFAULT_THEMES[n % DEFAULT_THEMES.length]!.id];
  if (n % 3 === 0) themes.push(DEFAULT_THEMES[(n * 7 + 3) % DEFAULT_THEMES.length]!.id);
  return {
    id,
    url,
    quote,
    selectors,
    themes: [...new Set(themes)],
    severity: (n % 5) as Severity,
    note: n % 4 === 0 ? '' : `Note ${n}: compare with the previous inspection and the action plan.`,
    createdAt: at,
    updatedAt: at,
  };
}

function details(localAuthority: string, d: number): ReportDetails {
  const year = 2018 + (d % 8);
  return {
    localAuthority,
    visitType: 'standard inspection',
    inspectionDates: { text: `3 to 14 March ${year}`, start: `${year}-03-03`, end: `${year}-03-14` },
    judgements: [
      {
        judgement: 'The impact of leaders on social work practice with children and families',
        grade: 'Good',
      },
      {
        judgement: 'The experiences and progress of children who need help and protection',
        grade: 'Requires improvement to be good',
      },
      { judgement: 'The experiences and progress of children in care', grade: 'Good' },
      { judgement: 'The experiences and progress of care leavers', grade: 'Good' },
      { judgement: 'Overall effectiveness', grade: 'Good' },
    ],
  };
}

let db: AnnotatorDb | null = null;
const database = () => (db ??= openDb());

async function clear(): Promise<void> {
  const d = database();
  await d.transaction('rw', [d.annotations, d.documents], async () => {
    await d.annotations.clear();
    await d.documents.clear();
  });
}

export interface StoreResult {
  importFile: Timing;
  importContents: Timing;
  export: Timing;
  annotations: number;
  documents: number;
  fileBytes: number;
}

export async function runStore(
  pages: readonly FixturePage[],
  documents: number,
  perDocument: number,
): Promise<StoreResult> {
  const json = makeDataset(pages, documents, perDocument);
  const file = new File([json], 'ofsted-annotations.json', { type: 'application/json' });
  const contents = readAnyExport(parseJson(json));
  const timeAfterClearing = (write: () => Promise<unknown>) => async () => {
    await clear();
    await new Promise((settle) => setTimeout(settle, SETTLE_MS));
    const started = performance.now();
    await write();
    return performance.now() - started;
  };
  // The two imports take turns, so that drift over the runs (garbage collection, the
  // database's compaction) falls on both alike; the file import, last, leaves it seeded.
  const contentsRun = timeAfterClearing(() => importContents(database(), contents));
  const fileRun = timeAfterClearing(() => importFile(database(), file));
  const contentsTimes: number[] = [];
  const fileTiming = await repeat(async () => {
    contentsTimes.push(await contentsRun());
    return fileRun();
  }, ALWAYS_FIVE);
  const contentsTiming = { median: median(contentsTimes.slice(1)), runs: contentsTimes.slice(1) };
  const exportTiming = await repeat(async () => {
    const started = performance.now();
    await exportAllText(database()); // what the popup's Export JSON writes: JSON.stringify(exportAll(…), null, 2)'s text
    return performance.now() - started;
  }, ALWAYS_FIVE);
  return {
    importFile: fileTiming,
    importContents: contentsTiming,
    export: exportTiming,
    annotations: await database().annotations.count(),
    documents: await database().documents.count(),
    fileBytes: file.size,
  };
}

/** For profiling (tests/bench/profile.mjs): the dataset's file, kept between calls. */
let profiled: { json: string; contents: ReturnType<typeof readAnyExport> } | null = null;

/** Prepares one step to profile: fills or empties the database as the step needs. */
export async function prepareProfile(
  pages: readonly FixturePage[],
  documents: number,
  perDocument: number,
  step: string,
): Promise<void> {
  const json = makeDataset(pages, documents, perDocument);
  profiled = { json, contents: readAnyExport(parseJson(json)) };
  await clear();
  if (step === 'export' || step === 'seed') await importContents(database(), profiled.contents);
  await new Promise((settle) => setTimeout(settle, SETTLE_MS));
}

/** Runs one step once and returns its time in ms. */
export async function runProfiled(step: string): Promise<number> {
  const started = performance.now();
  if (step === 'importContents') await importContents(database(), profiled!.contents);
  else if (step === 'importFile')
    await importFile(database(), new File([profiled!.json], 'f.json', { type: 'application/json' }));
  else if (step === 'export') await exportAllText(database());
  return performance.now() - started;
}
