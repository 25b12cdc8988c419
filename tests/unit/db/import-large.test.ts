// A file of 100,000 annotations (issue point 3): imported in one go, every annotation there;
// and the same file with one bad annotation near its end refused, the database unchanged.
// The file is what the popup's "Export JSON" writes (buildJsonExport, indented by two).

import type { AnnotatorDb } from '../../../lib/db/database';
import { importFile, MAX_IMPORT_BYTES } from '../../../lib/db/import';
import { buildJsonExport, type JsonExport } from '../../../lib/export/json';
import type { Annotation, DocumentRecord, Severity, Theme } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';
import { dump } from './fuzz/oracle';
import { freshDb } from './helpers';

const ANNOTATIONS = 100_000;
const REPORTS = 300;
const PAGES = 900;
/** Under fake-indexeddb the import takes about half a minute; allow for a slow machine. */
const TIMEOUT = 240_000;

/** A small seeded generator, so the file is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'Too many children wait too long for their needs to be assessed.',
  'Social workers report manageable caseloads and regular, reflective supervision.',
  'Leaders have not ensured that management oversight of decision-making is consistently effective.',
  'Children at risk of exploitation receive a prompt and well-coordinated response.',
  'Plans for children in care are not always reviewed in a timely way, leading to drift.',
  'The front door is well staffed and thresholds are understood by partners.',
  'Care leavers have access to suitable accommodation and are well supported by personal advisers.',
  'Domestic abuse is a significant feature in many referrals to children’s social care.',
];
const AUTHORITIES = ['Devon', 'Plymouth', 'Torbay', 'Cornwall', 'Somerset', 'Dorset', 'Bristol', 'Wiltshire'];

function stamp(ms: number) {
  return new Date(ms).toISOString();
}

/** 100,000 annotations over 300 reports (PDFs with details and citations) and 900 web pages, with a custom and a retired theme. */
function largeDataset() {
  const next = random(20260320);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const themes: Theme[] = [
    ...DEFAULT_THEMES.map((t) => (t.id === 'neglect' ? { ...t, retired: true } : t)),
    {
      id: 'youth-justice',
      label: 'Youth justice',
      color: '#101010',
      order: DEFAULT_THEMES.length,
      retired: false,
    },
  ];
  const themeIds = themes.map((t) => t.id);
  const base = Date.parse('2024-01-01T00:00:00.000Z');
  const documents: DocumentRecord[] = [];
  for (let d = 0; d < REPORTS + PAGES; d++) {
    const report = d < REPORTS;
    const createdAt = base + d * 3_600_000;
    const authority = pick(AUTHORITIES);
    documents.push({
      url: report
        ? `https://files.ofsted.gov.uk/v1/file/${50_200_000 + d}`
        : `https://www.example-news.co.uk/news/children-services-${d}`,
      title: report
        ? `Inspection of ${authority} local authority children’s services`
        : `${authority} council children’s services: what the inspectors found (${d})`,
      ...(report && {
        details: {
          localAuthority: authority,
          visitType: 'standard inspection' as const,
          inspectionDates: {
            text: '30 September to 11 October 2024',
            start: '2024-09-30',
            end: '2024-10-11',
          },
          judgements: [
            {
              judgement: 'The experiences and progress of children in care',
              grade: 'Requires improvement to be good',
            },
            { judgement: 'Overall effectiveness', grade: pick(['Good', 'Inadequate', 'Outstanding']) },
          ],
        },
      }),
      createdAt: stamp(createdAt),
      updatedAt: stamp(createdAt + 86_400_000),
    });
  }
  const annotations: Annotation[] = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const document = documents[i % documents.length]!;
    const quote = pick(SENTENCES);
    const start = 200 + Math.floor(i / documents.length) * 300;
    const createdAt = Date.parse(document.createdAt) + i * 1000;
    const note = next() < 0.3 ? `Compare with the ${pick(AUTHORITIES)} report.` : '';
    annotations.push({
      id: `${String(i).padStart(8, '0')}-8d1b-4c53-9a4e-2f1d7c9b0a11`,
      url: document.url,
      quote,
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: quote,
          prefix: 'In the assessment service, ',
          suffix: ' Managers know',
        },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
      themes: [...new Set([pick(themeIds), pick(themeIds)])],
      severity: Math.floor(next() * 5) as Severity,
      note,
      ...(document.details && {
        citation: { page: 1 + (i % 40), paragraph: 1 + (i % 120), section: 'What needs to improve?' },
      }),
      createdAt: stamp(createdAt),
      updatedAt: stamp(createdAt + 60_000),
    });
  }
  return { themes, documents, annotations };
}

const data = largeDataset();
const exported: JsonExport = buildJsonExport(data, new Date('2026-03-20T12:00:00.000Z'));

/** A file the user chose, holding `text`. */
function fileOf(text: string) {
  return { size: Buffer.byteLength(text), text: async () => text };
}

let db: AnnotatorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('importing 100,000 annotations', () => {
  it('imports them all in one go, with their 1,200 documents', { timeout: TIMEOUT }, async () => {
    const text = JSON.stringify(exported, null, 2);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_IMPORT_BYTES);

    const result = await importFile(db, fileOf(text));

    expect(result).toMatchObject({ added: ANNOTATIONS, updated: 0, unchanged: 0, themesAdded: 1 });
    expect(await db.annotations.count()).toBe(ANNOTATIONS);
    expect(await db.documents.count()).toBe(REPORTS + PAGES);
    for (const i of [0, 1, 299, 1_199, 1_200, 12_345, 50_000, 77_777, 99_998, 99_999]) {
      expect(await db.annotations.get(data.annotations[i]!.id)).toEqual(data.annotations[i]);
    }
    for (const d of [0, REPORTS - 1, REPORTS, REPORTS + PAGES - 1]) {
      expect(await db.documents.get(data.documents[d]!.url)).toEqual(data.documents[d]);
    }
    expect(await db.annotations.where('url').equals(data.documents[0]!.url).count()).toBe(
      Math.ceil(ANNOTATIONS / (REPORTS + PAGES)),
    );
    expect(await db.themes.get('youth-justice')).toEqual(data.themes.at(-1));
  });

  it(
    'refuses the file when one annotation near the end is bad, changing nothing',
    { timeout: TIMEOUT },
    async () => {
      // A database with some of the same annotations and documents, older, and one of its own.
      const stored = data.annotations
        .slice(99_000, 99_500)
        .map((a) => ({ ...a, note: 'mine', updatedAt: a.createdAt }));
      await db.annotations.bulkAdd(stored);
      await db.documents.bulkAdd(data.documents.slice(0, 10).map((d) => ({ ...d, title: 'Mine' })));
      await db.themes.update('voice', { retired: true });
      const before = await dump(db);

      const broken = structuredClone(exported) as unknown as { annotations: Array<Record<string, unknown>> };
      broken.annotations[99_990]!.severity = 7;

      await expect(importFile(db, fileOf(JSON.stringify(broken, null, 2)))).rejects.toThrow(
        'annotations[99990].severity: Severity must be -1 (unrated), 0, 1, 2, 3 or 4, not 7',
      );
      expect(await dump(db)).toStrictEqual(before);
    },
  );
});
