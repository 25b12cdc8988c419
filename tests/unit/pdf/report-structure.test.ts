import type { ReportDetails } from '../../../lib/model';
import {
  readReportStructure,
  toPdfTextItems,
  type PdfPageText,
  type ReportStructure,
} from '../../../lib/pdf/report-structure';
import { findDateRange } from '../../../lib/pdf/dates';
import { indexOf, loadReport, REPORTS, syntheticPage, textItems } from './helpers';

const LEADERS = 'The impact of leaders on social work practice with children and families';
const HELP = 'The experiences and progress of children who need help and protection';
const IN_CARE = 'The experiences and progress of children in care';
const CARE_LEAVERS = 'The experiences and progress of care leavers';

interface Loaded {
  pages: PdfPageText[];
  structure: ReportStructure;
}

async function read(file: string): Promise<Loaded> {
  const pages = await loadReport(file);
  return { pages, structure: readReportStructure(pages) };
}

/** The place of the first item on the page whose text starts with text. */
function placeOfText({ pages, structure }: Loaded, page: number, text: string) {
  return structure.placeOf(page, indexOf(pages, page, text));
}

/** Paragraph numbers in reading order, each once per run. */
function paragraphRuns({ pages, structure }: Loaded): number[] {
  const runs: number[] = [];
  for (const { page, index } of textItems(pages)) {
    const paragraph = structure.placeOf(page, index).paragraph;
    if (paragraph !== undefined && paragraph !== runs[runs.length - 1]) runs.push(paragraph);
  }
  return runs;
}

/** Section headings in reading order, each once per run. */
function sectionRuns({ pages, structure }: Loaded): string[] {
  const runs: string[] = [];
  for (const { page, index } of textItems(pages)) {
    const section = structure.placeOf(page, index).section;
    if (section !== undefined && section !== runs[runs.length - 1]) runs.push(section);
  }
  return runs;
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('readReportStructure', () => {
  describe('details', () => {
    it("reads Devon 2025's local authority, visit type, two-part inspection dates, judgements and grades exactly", async () => {
      const { structure } = await read(REPORTS.devon2025);
      expect(structure.details).toEqual<ReportDetails>({
        localAuthority: 'Devon',
        visitType: 'standard inspection',
        inspectionDates: {
          text: '30 September to 11 October 2024 and 13 to 16 January 2025',
          start: '2024-09-30',
          end: '2025-01-16',
        },
        judgements: [
          { judgement: LEADERS, grade: 'Requires improvement to be good' },
          { judgement: HELP, grade: 'Inadequate' },
          { judgement: IN_CARE, grade: 'Inadequate' },
          { judgement: CARE_LEAVERS, grade: 'Inadequate' },
          { judgement: 'Overall effectiveness', grade: 'Inadequate' },
        ],
      });
    });

    it("reads Devon 2020's details from its older layout (council name as title, grades wrapping over lines)", async () => {
      const { structure } = await read(REPORTS.devon2020);
      expect(structure.details).toEqual<ReportDetails>({
        localAuthority: 'Devon',
        visitType: 'standard inspection',
        inspectionDates: {
          text: '20 January 2020 to 31 January 2020',
          start: '2020-01-20',
          end: '2020-01-31',
        },
        judgements: [
          { judgement: LEADERS, grade: 'Inadequate' },
          { judgement: HELP, grade: 'Requires improvement to be good' },
          {
            judgement: 'The experiences and progress of children in care and care leavers',
            grade: 'Inadequate',
          },
          { judgement: 'Overall effectiveness', grade: 'Inadequate' },
        ],
      });
    });

    it('reads Torbay 2026 as a short inspection (one week on site) with every judgement good', async () => {
      const { structure } = await read(REPORTS.torbay2026);
      expect(structure.details).toEqual<ReportDetails>({
        localAuthority: 'Torbay',
        visitType: 'short inspection',
        inspectionDates: { text: '12 to 16 January 2026', start: '2026-01-12', end: '2026-01-16' },
        judgements: [
          { judgement: LEADERS, grade: 'Good' },
          { judgement: HELP, grade: 'Good' },
          { judgement: IN_CARE, grade: 'Good' },
          { judgement: CARE_LEAVERS, grade: 'Good' },
          { judgement: 'Overall effectiveness', grade: 'Good' },
        ],
      });
    });

    it('reads North Northamptonshire 2026 (title over two lines, no overall effectiveness grade) exactly', async () => {
      const { structure } = await read(REPORTS.northNorthamptonshire2026);
      expect(structure.details).toEqual<ReportDetails>({
        localAuthority: 'North Northamptonshire',
        visitType: 'standard inspection',
        inspectionDates: { text: '11 to 22 May 2026', start: '2026-05-11', end: '2026-05-22' },
        judgements: [
          { judgement: 'The impact of leaders on practice with children and families', grade: 'Outstanding' },
          { judgement: HELP, grade: 'Good' },
          { judgement: IN_CARE, grade: 'Good' },
          { judgement: CARE_LEAVERS, grade: 'Good' },
        ],
      });
    });
  });

  describe('paragraphs', () => {
    it.each([
      [REPORTS.devon2025, 66],
      [REPORTS.devon2020, 50],
      [REPORTS.torbay2026, 51],
      [REPORTS.northNorthamptonshire2026, 58],
    ])('numbers the paragraphs of %s 1 to %i in reading order with none missing', async (file, last) => {
      expect(paragraphRuns(await read(file))).toEqual(upTo(last));
    });

    it("places Devon 2025's sample items in their paragraphs on several pages, first to last", async () => {
      const report = await read(REPORTS.devon2025);
      expect(placeOfText(report, 2, '1.').paragraph).toBe(1);
      expect(placeOfText(report, 2, 'An increasingly stable senior leadership team').paragraph).toBe(1);
      expect(placeOfText(report, 2, 'neglect, domestic abuse and extra-familial harm.').paragraph).toBe(1);
      expect(placeOfText(report, 2, 'and improved the speed of response.').paragraph).toBe(2);
      expect(placeOfText(report, 3, 'The application of thresholds').paragraph).toBe(3);
      expect(placeOfText(report, 7, '30.').paragraph).toBe(30);
      expect(placeOfText(report, 13, '66.').paragraph).toBe(66);
      expect(placeOfText(report, 13, 'Most feedback from staff during the inspection period').paragraph).toBe(
        66,
      );
    });

    it('keeps the number of a paragraph that runs on over a page break', async () => {
      const devon2025 = await read(REPORTS.devon2025);
      expect(placeOfText(devon2025, 3, '9.').paragraph).toBe(9);
      expect(placeOfText(devon2025, 4, 'actions such as seeing children').paragraph).toBe(9);
      expect(placeOfText(devon2025, 4, '10.').paragraph).toBe(10);

      const devon2020 = await read(REPORTS.devon2020);
      expect(placeOfText(devon2020, 5, 'concerns or challenging drift and delay').paragraph).toBe(10);

      const northNorthamptonshire = await read(REPORTS.northNorthamptonshire2026);
      expect(
        placeOfText(northNorthamptonshire, 3, 'Assessments are informed by multiple visits').paragraph,
      ).toBe(5);
    });

    it('keeps a paragraph running on past a footnote at the foot of the page, which belongs to no paragraph', async () => {
      const torbay = await read(REPORTS.torbay2026);
      expect(placeOfText(torbay, 3, 'in plans. Following the recent restructure').paragraph).toBe(5);
      expect(placeOfText(torbay, 3, 'The areas for improvement have been cross-referenced')).toEqual({
        section: `${HELP}: good`,
      });
      expect(placeOfText(torbay, 4, 'meaningful time getting to know families').paragraph).toBe(5);
    });

    it('does not read a line starting with a number but no full stop ("9 new-build properties") as a paragraph', async () => {
      const torbay = await read(REPORTS.torbay2026);
      expect(placeOfText(torbay, 8, '9 new-build properties').paragraph).toBe(40);
    });

    it('gives the summary, "What needs to improve?" and its ◼ bullets no paragraph', async () => {
      const report = await read(REPORTS.devon2025);
      expect(placeOfText(report, 1, 's experiences in Devon remain poor').paragraph).toBeUndefined();
      expect(
        placeOfText(report, 2, 'Local authority leaders took decisive action').paragraph,
      ).toBeUndefined();
      expect(placeOfText(report, 2, 'What needs to improve?').paragraph).toBeUndefined();
      expect(
        placeOfText(report, 2, 'The response to children at immediate risk of harm').paragraph,
      ).toBeUndefined();
      expect(placeOfText(report, 2, '◼')).toEqual({});
    });

    it.each(Object.values(REPORTS))(
      'marks the running headers, footers and page numbers of %s as running, with no paragraph or section',
      async (file) => {
        const { pages, structure } = await read(file);
        // All four reports print these below 50pt from the foot of the page; body text and footnotes stand higher.
        const furniture = textItems(pages).filter(({ item }) => item.y < 50);
        for (const { page } of pages.slice(1)) expect(furniture.some((f) => f.page === page)).toBe(true);
        for (const { page, index } of furniture) {
          expect(structure.placeOf(page, index)).toEqual({ running: true });
        }
      },
    );

    it("gives Ofsted's closing page (after the last paragraph) no paragraph and no section", async () => {
      const report = await read(REPORTS.devon2025);
      expect(placeOfText(report, 14, 'The Office for Standards in Education')).toEqual({});
    });

    it('gives the title and grade table no paragraph and no section', async () => {
      const report = await read(REPORTS.torbay2026);
      expect(placeOfText(report, 1, 'Inspection of Torbay local authority')).toEqual({});
      expect(placeOfText(report, 1, 'Inspection dates:')).toEqual({});
      expect(placeOfText(report, 1, 'Overall effectiveness')).toEqual({});
    });
  });

  describe('sections', () => {
    it.each([
      [
        REPORTS.devon2025,
        [
          'What needs to improve?',
          `${HELP}: inadequate`,
          `${IN_CARE}: inadequate`,
          `${CARE_LEAVERS}: inadequate`,
          `${LEADERS}: requires improvement to be good`,
        ],
      ],
      [
        REPORTS.devon2020,
        [
          // Set bold at body size in this report, and printed without a question mark.
          'What needs to improve',
          `${HELP}: requires improvement to be good`,
          'The experiences and progress of children in care and care leavers are: inadequate',
          `${LEADERS} is: inadequate`,
        ],
      ],
      [
        REPORTS.torbay2026,
        [
          'What needs to improve?',
          `${HELP}: good`,
          `${IN_CARE}: good`,
          `${CARE_LEAVERS}: good`,
          `${LEADERS}: good`,
        ],
      ],
      [
        REPORTS.northNorthamptonshire2026,
        [
          'What needs to improve?',
          `${HELP}: good`,
          `${IN_CARE}: good`,
          `${CARE_LEAVERS}: good`,
          `${LEADERS}: outstanding`,
        ],
      ],
    ])('finds the section headings of %s, each wrapped heading joined into one', async (file, sections) => {
      expect(sectionRuns(await read(file))).toEqual(sections);
    });

    it('places "What needs to improve?" items and judgement paragraphs in their sections', async () => {
      const report = await read(REPORTS.devon2025);
      expect(placeOfText(report, 2, 'The response to children at immediate risk of harm')).toEqual({
        section: 'What needs to improve?',
      });
      expect(placeOfText(report, 2, 'protection: inadequate')).toEqual({ section: `${HELP}: inadequate` });
      expect(placeOfText(report, 2, 'An increasingly stable senior leadership team')).toEqual({
        paragraph: 1,
        section: `${HELP}: inadequate`,
      });
      expect(placeOfText(report, 8, 'the impact has been that placement stability is stronger')).toEqual({
        paragraph: 33,
        section: `${IN_CARE}: inadequate`,
      });
      expect(placeOfText(report, 11, '55.')).toEqual({
        paragraph: 55,
        section: `${LEADERS}: requires improvement to be good`,
      });
    });

    it('leaves the footnote mark out of the heading "What needs to improve?" while placing the mark in that section', async () => {
      const report = await read(REPORTS.northNorthamptonshire2026);
      const heading = indexOf(report.pages, 2, 'What needs to improve?');
      expect(report.structure.placeOf(2, heading + 1)).toEqual({ section: 'What needs to improve?' });
      expect(report.pages[1]!.items[heading + 1]!.str).toBe('1');
    });

    it('gives the summary before the first heading no section', async () => {
      const report = await read(REPORTS.northNorthamptonshire2026);
      expect(placeOfText(report, 1, 'The experiences of children, young people and families')).toEqual({});
    });
  });

  describe('letters and other documents', () => {
    const address = [
      { text: 'Piccadilly Gate', x: 400 },
      { text: 'Store Street', x: 400 },
      { text: 'Manchester', x: 400 },
      { text: 'M1 2WD', x: 400 },
      { text: '' },
      { text: '15 March 2022' },
      { text: '' },
      { text: 'Jo Smith' },
      { text: 'Director of Children’s Services' },
      { text: 'Devon County Council' },
      { text: '' },
      { text: 'Dear Ms Smith' },
      { text: '' },
    ];
    const findings = [
      { text: 'Senior leaders have taken decisive action to strengthen the front door, and most' },
      { text: 'children now receive a timely response when concerns about them are first raised.' },
      { text: 'The quality of assessments is improving, although too many plans remain vague about' },
      { text: 'what needs to change for children and by when.' },
    ];

    it('reads a monitoring visit letter: authority and dates from its wording, no judgements, its headings as sections', () => {
      const pages = [
        syntheticPage(1, [
          ...address,
          { text: 'Monitoring visit to Devon children’s services', font: 'bold' },
          { text: '' },
          {
            text: 'This letter summarises the findings of the monitoring visit to Devon children’s services on',
          },
          {
            text: '25 and 26 January 2022. This visit was the fourth monitoring visit since the local authority',
          },
          { text: 'was judged inadequate in March 2020.' },
          { text: '' },
          { text: 'Headline findings', font: 'bold' },
          { text: '' },
          ...findings,
        ]),
      ];
      const structure = readReportStructure(pages);
      expect(structure.details).toEqual<ReportDetails>({
        localAuthority: 'Devon',
        visitType: 'monitoring visit',
        inspectionDates: { text: '25 and 26 January 2022', start: '2022-01-25', end: '2022-01-26' },
        judgements: [],
      });
      const at = (text: string) => structure.placeOf(1, indexOf(pages, 1, text));
      expect(at('Dear Ms Smith')).toEqual({});
      expect(at('This letter summarises')).toEqual({
        section: 'Monitoring visit to Devon children’s services',
      });
      expect(at('Senior leaders have taken decisive action')).toEqual({ section: 'Headline findings' });
    });

    it('reads a focused visit letter over two pages, its dates spanning two months and its page numbers no part of it', () => {
      const pageNumber = (n: number) => ({
        str: String(n),
        hasEOL: false,
        x: 500,
        y: 30,
        width: 6,
        height: 10,
        fontName: 'regular',
      });
      const first = syntheticPage(1, [
        ...address,
        { text: 'Focused visit to Torbay children’s services', font: 'bold' },
        { text: '' },
        { text: 'This letter summarises the findings of the focused visit to Torbay children’s services on' },
        { text: '30 November to 1 December 2021.' },
        { text: '' },
        { text: 'Areas for improvement', font: 'bold' },
        { text: '' },
        ...findings,
      ]);
      const second = syntheticPage(2, [{ text: 'Main findings', font: 'bold' }, { text: '' }, ...findings]);
      first.items.push(pageNumber(1));
      second.items.push(pageNumber(2));
      const structure = readReportStructure([first, second]);

      expect(structure.details).toEqual<ReportDetails>({
        localAuthority: 'Torbay',
        visitType: 'focused visit',
        inspectionDates: { text: '30 November to 1 December 2021', start: '2021-11-30', end: '2021-12-01' },
        judgements: [],
      });
      expect(structure.placeOf(1, indexOf([first], 1, 'Senior leaders'))).toEqual({
        section: 'Areas for improvement',
      });
      expect(structure.placeOf(2, indexOf([first, second], 2, 'Senior leaders'))).toEqual({
        section: 'Main findings',
      });
      expect(structure.placeOf(1, first.items.length - 1)).toEqual({ running: true });
      expect(structure.placeOf(2, second.items.length - 1)).toEqual({ running: true });
    });

    it('reads the numbered paragraphs of a letter that has them', () => {
      const pages = [
        syntheticPage(1, [
          ...address,
          { text: 'Focused visit to Torbay children’s services', font: 'bold' },
          { text: '' },
          {
            text: 'This letter summarises the findings of the focused visit to Torbay children’s services on 8 and 9 May 2019.',
          },
          { text: '' },
          { text: 'Findings', font: 'bold' },
          { text: '' },
        ]),
      ];
      const items = pages[0]!.items;
      let y = items[items.length - 1]!.y - 30;
      for (const [n, text] of [
        [1, 'The front door is effective.'],
        [2, 'Assessments are timely and'],
        [undefined, 'thorough.'],
      ] as const) {
        if (n)
          items.push({ str: `${n}.`, hasEOL: false, x: 72, y, width: 10, height: 12, fontName: 'regular' });
        items.push({ str: text, hasEOL: true, x: 100, y, width: 300, height: 12, fontName: 'regular' });
        y -= n === 1 ? 26 : 14.5;
      }
      const structure = readReportStructure(pages);
      expect(structure.details?.inspectionDates).toEqual({
        text: '8 and 9 May 2019',
        start: '2019-05-08',
        end: '2019-05-09',
      });
      expect(structure.placeOf(1, indexOf(pages, 1, 'The front door'))).toEqual({
        paragraph: 1,
        section: 'Findings',
      });
      expect(structure.placeOf(1, indexOf(pages, 1, 'thorough.'))).toEqual({
        paragraph: 2,
        section: 'Findings',
      });
    });

    it('reads a joint targeted area inspection letter, its heading wrapped over two lines', () => {
      const pages = [
        syntheticPage(1, [
          ...address,
          {
            text: 'Joint targeted area inspection of the multi-agency response to children and',
            font: 'bold',
          },
          { text: 'families who need help in Devon', font: 'bold' },
          { text: '' },
          { text: 'Between 4 and 8 March 2024, Ofsted, the Care Quality Commission and His Majesty’s' },
          { text: 'Inspectorate of Constabulary and Fire & Rescue Services carried out a joint inspection.' },
          { text: '' },
          ...findings,
        ]),
      ];
      const structure = readReportStructure(pages);
      expect(structure.details).toEqual<ReportDetails>({
        localAuthority: 'Devon',
        visitType: 'joint targeted area inspection',
        inspectionDates: { text: '4 and 8 March 2024', start: '2024-03-04', end: '2024-03-08' },
        judgements: [],
      });
      expect(structure.placeOf(1, indexOf(pages, 1, 'Senior leaders'))).toEqual({
        section:
          'Joint targeted area inspection of the multi-agency response to children and families who need help in Devon',
      });
    });

    it('returns no details for text that does not read as an Ofsted report, yet still places its items', () => {
      const pages = [
        syntheticPage(1, [
          { text: 'Council pledges to improve children’s services', size: 20 },
          { text: '' },
          {
            text: 'The council said on 3 March 2022 that it would invest in its children’s services after a',
          },
          { text: 'critical report by inspectors earlier this year.' },
        ]),
      ];
      const structure = readReportStructure(pages);
      expect(structure.details).toBeNull();
      expect(structure.placeOf(1, indexOf(pages, 1, 'The council said'))).toEqual({});
      expect(structure.placeOf(9, 0)).toEqual({});
    });
  });
});

describe('findDateRange', () => {
  it.each([
    ['30 September to 11 October 2024 and 13 to 16 January 2025', '2024-09-30', '2025-01-16', 12],
    ['20 January 2020 to 31 January 2020', '2020-01-20', '2020-01-31', 12],
    ['12 to 16 January 2026', '2026-01-12', '2026-01-16', 5],
    ['31 January and 1 February 2024', '2024-01-31', '2024-02-01', 1],
  ])('reads "%s" as %s to %s, its longest stretch %i days', (text, start, end, days) => {
    expect(findDateRange(`Inspection dates: ${text}`)).toEqual({
      text,
      start,
      end,
      longestStretchDays: days,
    });
  });
});

describe('toPdfTextItems', () => {
  it('converts text items and turns marked-content entries into empty items, keeping indices aligned', () => {
    const items = toPdfTextItems([
      { type: 'beginMarkedContentProps', id: 'p1' },
      {
        str: 'Inspection',
        dir: 'ltr',
        transform: [12, 0, 0, 12, 70.9, 625.5],
        width: 60,
        height: 12,
        fontName: 'g_d0_f1',
        hasEOL: false,
      },
      { type: 'endMarkedContent' },
      {
        str: '',
        dir: 'ltr',
        transform: [1, 0, 0, 1, 0, 0],
        width: 0,
        height: 0,
        fontName: 'g_d0_f1',
        hasEOL: true,
      },
    ]);
    expect(items).toEqual([
      { str: '', hasEOL: false, x: 0, y: 0, width: 0, height: 0, fontName: '' },
      { str: 'Inspection', hasEOL: false, x: 70.9, y: 625.5, width: 60, height: 12, fontName: 'g_d0_f1' },
      { str: '', hasEOL: false, x: 0, y: 0, width: 0, height: 0, fontName: '' },
      { str: '', hasEOL: true, x: 0, y: 0, width: 0, height: 0, fontName: 'g_d0_f1' },
    ]);
  });
});
