import { signal } from '@preact/signals';
import type { DashboardData } from '../../../lib/dashboard/documents';
import type { ExportBuilders } from '../../../lib/dashboard/exports';
import { createDashboardModel, type DashboardDeps } from '../../../lib/dashboard/model';
import type { JsonExport } from '../../../lib/export/json';
import type { W3cCollection } from '../../../lib/export/w3c';
import type { Annotation, DocumentRecord, ReportDetails, Severity, VisitType } from '../../../lib/model';
import { DEFAULT_THEMES } from '../../../lib/taxonomy/themes';

export const THEMES = DEFAULT_THEMES.map((t) => ({ ...t }));

export const DEVON_2020 = 'https://files.ofsted.gov.uk/v1/file/50150000';
export const DEVON_2025 = 'https://files.ofsted.gov.uk/v1/file/50250000';
export const DEVON_FOCUSED = 'https://files.ofsted.gov.uk/v1/file/50230000';
export const PLYMOUTH = 'https://files.ofsted.gov.uk/v1/file/50240000';
export const DEVON_LIVE = 'https://www.devonlive.com/news/devon-news/ofsted-children-services-1234';
export const GUARDIAN = 'https://www.theguardian.com/society/2025/mar/01/council-childrens-services';
export const LOCAL_PDF = 'urn:pdf:0123456789abcdef';

let next = 1;

export function annotation(changes: Partial<Annotation> & { start?: number } = {}): Annotation {
  const { start, ...rest } = changes;
  const id = `a${String(next++).padStart(5, '0')}`;
  return {
    id,
    url: DEVON_2025,
    quote: `Quote ${id}`,
    selectors: start === undefined ? [] : [{ type: 'TextPositionSelector', start, end: start + 10 }],
    themes: [],
    severity: 3,
    note: '',
    createdAt: '2026-01-10T12:00:00.000Z',
    updatedAt: '2026-01-10T12:00:00.000Z',
    ...rest,
  };
}

export function report(
  localAuthority: string,
  visitType: VisitType,
  start: string,
  end: string,
  text = `${start} to ${end}`,
): ReportDetails {
  return { localAuthority, visitType, inspectionDates: { text, start, end }, judgements: [] };
}

export function record(url: string, title: string, details?: ReportDetails): DocumentRecord {
  return {
    url,
    title,
    ...(details && { details }),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Two Devon inspections five years apart, a Devon focused visit, Plymouth, and two news pages. */
export const RECORDS: DocumentRecord[] = [
  record(DEVON_2020, 'Devon ILACS 2020', report('Devon', 'standard inspection', '2020-01-13', '2020-01-24')),
  record(DEVON_2025, 'Devon ILACS 2025', report('Devon', 'standard inspection', '2025-01-13', '2025-01-24')),
  record(
    DEVON_FOCUSED,
    'Devon focused visit 2023',
    report('Devon', 'focused visit', '2023-06-06', '2023-06-07'),
  ),
  record(
    PLYMOUTH,
    'Plymouth ILACS 2024',
    report('Plymouth', 'standard inspection', '2024-03-04', '2024-03-15'),
  ),
  record(DEVON_LIVE, 'Devon children’s services still inadequate'),
  record(GUARDIAN, 'Councils struggle with children’s services'),
];

/** A small data set over RECORDS that each filter kind can tell apart. */
export function sampleData(): DashboardData {
  const annotations = [
    annotation({
      url: DEVON_2020,
      quote: 'Thresholds are not consistently applied at the front door.',
      themes: ['front-door'],
      severity: 4,
      start: 100,
      citation: { page: 4, paragraph: 12 },
      createdAt: '2025-12-01T09:00:00.000Z',
    }),
    annotation({
      url: DEVON_2020,
      quote: 'Caseloads are too high.',
      themes: ['workforce'],
      severity: 3,
      start: 50,
      createdAt: '2025-12-01T09:05:00.000Z',
    }),
    annotation({
      url: DEVON_2025,
      quote: 'Thresholds are now well understood by partners.',
      themes: ['front-door', 'partnership'],
      severity: 1,
      note: 'Big change since 2020',
      start: 300,
      citation: { page: 6, pageEnd: 7, paragraph: 21, section: 'What needs to improve?' },
      createdAt: '2026-02-03T10:00:00.000Z',
    }),
    annotation({
      url: DEVON_2025,
      quote: 'Social workers have manageable caseloads.',
      themes: ['workforce'],
      severity: 1,
      start: 200,
      createdAt: '2026-02-03T10:05:00.000Z',
    }),
    annotation({
      url: DEVON_2025,
      quote: 'The council has commissioned a new family hub.',
      themes: [],
      severity: 0,
      start: 400,
      createdAt: '2026-02-03T10:10:00.000Z',
    }),
    annotation({
      url: PLYMOUTH,
      quote: 'Managers do not always record their decisions.',
      themes: ['oversight'],
      severity: 3,
      createdAt: '2026-01-20T08:00:00.000Z',
    }),
    annotation({
      url: DEVON_LIVE,
      quote: 'Ofsted said thresholds were applied inconsistently.',
      themes: ['front-door'],
      severity: 4,
      note: 'Syndicated wording',
      createdAt: '2026-03-01T08:00:00.000Z',
    }),
    annotation({
      url: GUARDIAN,
      quote: 'Caseloads across England remain high.',
      themes: ['workforce'],
      severity: 2,
      createdAt: '2026-03-02T08:00:00.000Z',
    }),
  ];
  return { annotations, documents: RECORDS.map((r) => ({ ...r })), themes: THEMES };
}

/** `n` annotations spread over `documents` reports of `documents / 10` local authorities. */
export function bulkData(n: number, documents: number): DashboardData {
  const records: DocumentRecord[] = [];
  for (let d = 0; d < documents; d++) {
    const year = 2015 + (d % 10);
    records.push(
      record(
        `https://files.ofsted.gov.uk/v1/file/${60000000 + d}`,
        `Report ${d}`,
        report(`Authority ${Math.floor(d / 10)}`, 'standard inspection', `${year}-03-01`, `${year}-03-12`),
      ),
    );
  }
  const severities: Severity[] = [0, 1, 2, 3, 4];
  const annotations: Annotation[] = [];
  for (let i = 0; i < n; i++) {
    annotations.push(
      annotation({
        url: records[i % documents]!.url,
        quote: `Finding number ${i} about ${i % 7 === 0 ? 'thresholds' : 'caseloads'} in this authority.`,
        themes: [
          THEMES[i % THEMES.length]!.id,
          ...(i % 3 === 0 ? [THEMES[(i + 5) % THEMES.length]!.id] : []),
        ],
        severity: severities[i % 5]!,
        note: i % 11 === 0 ? 'Follow up with the service' : '',
        start: i,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }),
    );
  }
  return { annotations, documents: records, themes: THEMES };
}

export const NOW = new Date(2026, 3, 7, 15, 30); // 7 April 2026, local time

/** Dependencies that record what they are asked to do. */
export function fakeDeps() {
  return {
    builders: {
      markdownBriefing: vi.fn<ExportBuilders['markdownBriefing']>(() => '# briefing\n'),
      markdownQuotes: vi.fn<ExportBuilders['markdownQuotes']>(() => '> quotes\n'),
      wordBriefing: vi.fn<ExportBuilders['wordBriefing']>(async () => new Uint8Array([0x50, 0x4b])),
      csv: vi.fn<ExportBuilders['csv']>(() => 'csv\n'),
      w3c: vi.fn<ExportBuilders['w3c']>(() => ({ type: 'AnnotationCollection' }) as unknown as W3cCollection),
      json: vi.fn<ExportBuilders['json']>(() => ({ format: 'ofsted-annotator' }) as unknown as JsonExport),
    },
    download: vi.fn<DashboardDeps['download']>(),
    copyText: vi.fn<DashboardDeps['copyText']>(async () => {}),
    importFile: vi.fn<DashboardDeps['importFile']>(async () => '3 added, 1 updated, 0 unchanged'),
    viewerUrl: (address: string) => `chrome-extension://test/viewer.html?file=${encodeURIComponent(address)}`,
    now: () => NOW,
  } satisfies DashboardDeps;
}

/** A model over `data` with fake dependencies (`deps`), some replaced by `overrides`. */
export function modelOver(data: DashboardData | null = sampleData(), overrides: Partial<DashboardDeps> = {}) {
  const source = signal(data);
  const deps = fakeDeps();
  return { model: createDashboardModel(source, { ...deps, ...overrides }), deps, source };
}

/** The quotes of some annotations, for readable expectations. */
export const quotes = (annotations: readonly Annotation[]) => annotations.map((a) => a.quote);
