import type { ReportDetails } from '../../../lib/model';
import { councilName } from '../../../lib/pdf/council-name';
import { letterDates } from '../../../lib/pdf/details-letters';
import { readReportStructure, type ReportStructure } from '../../../lib/pdf/report-structure';
import type { PdfPageText } from '../../../lib/pdf/text-items';
import { indexOf, loadReport, MORE, runsOf } from './helpers';

const LEADERS = 'The impact of leaders on social work practice with children and families';
const HELP = 'The experiences and progress of children who need help and protection';
const IN_CARE = 'The experiences and progress of children in care';
const CARE_LEAVERS = 'The experiences and progress of care leavers';
const IN_CARE_AND_LEAVERS = 'The experiences and progress of children in care and care leavers';
const SIF_JUDGEMENTS = [
  'Children who need help and protection',
  'Children looked after and achieving permanence',
  'Adoption performance',
  'Experiences and progress of care leavers',
  'Leadership, management and governance',
];

interface Loaded {
  pages: PdfPageText[];
  structure: ReportStructure;
}

async function read(file: string): Promise<Loaded> {
  const pages = await loadReport(file);
  return { pages, structure: readReportStructure(pages) };
}

async function detailsOf(file: string): Promise<ReportDetails | null> {
  return (await read(file)).structure.details;
}

function placeOfText({ pages, structure }: Loaded, page: number, text: string) {
  return structure.placeOf(page, indexOf(pages, page, text));
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const paragraphs = ({ pages, structure }: Loaded) => runsOf<number>(pages, structure.placeOf, 'paragraph');
const sections = ({ pages, structure }: Loaded) => runsOf<string>(pages, structure.placeOf, 'section');
const dates = (text: string, start: string, end: string) => ({ text, start, end });
const rows = (judgements: string[], grades: string[]) =>
  judgements.map((judgement, i) => ({ judgement, grade: grades[i]! }));

describe('report details of every framework', () => {
  describe('ILACS reports since 2018', () => {
    it("reads BCP 2021's combined 'children in care and care leavers' judgement and its full name", async () => {
      expect(await detailsOf(MORE.ilacsBcp2021)).toEqual<ReportDetails>({
        localAuthority: 'Bournemouth, Christchurch and Poole',
        visitType: 'standard inspection',
        inspectionDates: dates('6 to 17 December 2021', '2021-12-06', '2021-12-17'),
        judgements: rows(
          [LEADERS, HELP, IN_CARE_AND_LEAVERS, 'Overall effectiveness'],
          ['Inadequate', 'Inadequate', 'Requires improvement to be good', 'Inadequate'],
        ),
      });
    });

    it("reads Liverpool 2026's split judgements with no overall effectiveness (framework as changed in April 2026)", async () => {
      expect(await detailsOf(MORE.ilacsLiverpool2026)).toEqual<ReportDetails>({
        localAuthority: 'Liverpool',
        visitType: 'standard inspection',
        inspectionDates: dates('11 May to 22 May 2026', '2026-05-11', '2026-05-22'),
        judgements: rows(
          [LEADERS, HELP, IN_CARE, CARE_LEAVERS],
          ['Good', 'Good', 'Good', 'Requires improvement to be good'],
        ),
      });
    });

    it("reads Wiltshire 2019's early layout: 'Wiltshire Council' as Wiltshire, dates printed in full twice", async () => {
      expect(await detailsOf(MORE.ilacsWiltshire2019)).toEqual<ReportDetails>({
        localAuthority: 'Wiltshire',
        visitType: 'standard inspection',
        inspectionDates: dates('3 June 2019 to 19 June 2019', '2019-06-03', '2019-06-19'),
        judgements: rows(
          [LEADERS, HELP, IN_CARE_AND_LEAVERS, 'Overall effectiveness'],
          ['Good', 'Good', 'Good', 'Good'],
        ),
      });
    });

    it("reads the Isles of Scilly's short inspection, keeping 'Requires Improvement to be good' as printed", async () => {
      expect(await detailsOf(MORE.ilacsIslesOfScilly2023)).toEqual<ReportDetails>({
        localAuthority: 'Isles of Scilly',
        visitType: 'short inspection',
        inspectionDates: dates('11 to 13 July 2023', '2023-07-11', '2023-07-13'),
        judgements: rows(
          [LEADERS, HELP, IN_CARE, CARE_LEAVERS, 'Overall effectiveness'],
          [
            'Inadequate',
            'Inadequate',
            'Requires Improvement to be good',
            'Requires improvement to be good',
            'Inadequate',
          ],
        ),
      });
    });

    it('reads Halton 2024: every judgement inadequate', async () => {
      expect(await detailsOf(MORE.ilacsHalton2024)).toEqual<ReportDetails>({
        localAuthority: 'Halton',
        visitType: 'standard inspection',
        inspectionDates: dates('13 to 24 May 2024', '2024-05-13', '2024-05-24'),
        judgements: rows(
          [LEADERS, HELP, IN_CARE, CARE_LEAVERS, 'Overall effectiveness'],
          Array(5).fill('Inadequate'),
        ),
      });
    });
  });

  describe('single inspection framework (2013–2018) and before', () => {
    it("reads Devon 2015's SIF cover: the overall verdict ('require improvement' read as the grade 'Requires improvement'), the numbered sub-judgements as printed, and the LSCB review's verdict", async () => {
      expect(await detailsOf(MORE.sifDevon2015)).toEqual<ReportDetails>({
        localAuthority: 'Devon',
        visitType: 'single inspection framework inspection',
        inspectionDates: dates('24 February – 18 March 2015', '2015-02-24', '2015-03-18'),
        judgements: [
          { judgement: 'Overall effectiveness', grade: 'Requires improvement' },
          ...rows(SIF_JUDGEMENTS, [
            'Requires Improvement',
            'Requires Improvement',
            'Good',
            'Inadequate',
            'Requires Improvement',
          ]),
          { judgement: 'Local Safeguarding Children Board', grade: 'Inadequate' },
        ],
      });
    });

    it("reads Hull 2015's SIF cover ('Kingston upon Hull' whole, grades on the judgement's line) and its LSCB review", async () => {
      expect(await detailsOf(MORE.sifHull2015)).toEqual<ReportDetails>({
        localAuthority: 'Kingston upon Hull',
        visitType: 'single inspection framework inspection',
        inspectionDates: dates('18 November – 10 December 2014', '2014-11-18', '2014-12-10'),
        judgements: [
          { judgement: 'Overall effectiveness', grade: 'Requires improvement' },
          ...rows(SIF_JUDGEMENTS, Array(5).fill('Requires improvement')),
          { judgement: 'Local Safeguarding Children Board', grade: 'Requires improvement' },
        ],
      });
    });

    it("reads Kent 2013's looked-after-children inspection: each graded heading with its grade as printed, 'Grade 3 (Adequate)'", async () => {
      expect(await detailsOf(MORE.preSifKent2013)).toEqual<ReportDetails>({
        localAuthority: 'Kent',
        visitType: 'looked after children inspection',
        inspectionDates: dates('15 – 19 July 2013', '2013-07-15', '2013-07-19'),
        judgements: rows(
          [
            'Overall effectiveness of services for looked after children and young people',
            'Capacity to improve',
            'Outcomes for looked after children and young people',
            'Quality of provision',
            'Leadership and management',
          ],
          [
            'Grade 3 (Adequate)',
            'Grade 2 (Good)',
            'Grade 3 (Adequate)',
            'Grade 3 (Adequate)',
            'Grade 3 (Adequate)',
          ],
        ),
      });
    });

    it("reads Haringey's 2009 joint area review progress inspection: no grades, and (no inspection dates printed) its publication date, 'Published: 3 July 2009', as its date", async () => {
      expect(await detailsOf(MORE.jointAreaReviewHaringey2009)).toEqual<ReportDetails>({
        localAuthority: 'Haringey',
        visitType: 'joint area review',
        inspectionDates: dates('3 July 2009', '2009-07-03', '2009-07-03'),
        judgements: [],
      });
    });

    it("reads Derbyshire's Area SEND inspection: 'Derbyshire Local Area Partnership' as Derbyshire, its outcome instead of grades", async () => {
      expect(await detailsOf(MORE.areaSendDerbyshire2024)).toEqual<ReportDetails>({
        localAuthority: 'Derbyshire',
        visitType: 'area SEND inspection',
        inspectionDates: dates('23 September to 27 September 2024', '2024-09-23', '2024-09-27'),
        judgements: [],
        outcome:
          'There are widespread and/or systemic failings leading to significant concerns about the experiences and outcomes of children and young people with special educational needs and/or disabilities (SEND), which the local area partnership must address urgently.',
      });
    });
  });

  describe('letters', () => {
    const letter = (
      localAuthority: string,
      visitType: ReportDetails['visitType'],
      inspectionDates: ReportDetails['inspectionDates'],
    ) => ({ localAuthority, visitType, inspectionDates, judgements: [] }) satisfies ReportDetails;

    it("reads Devon's 2019 focused visit letter ('Devon local authority children’s services')", async () => {
      expect(await detailsOf(MORE.focusedVisitDevon2019)).toEqual(
        letter('Devon', 'focused visit', dates('1 and 2 May 2019', '2019-05-01', '2019-05-02')),
      );
    });

    it("reads BCP's 2020 focused visit letter, a one-day visit", async () => {
      expect(await detailsOf(MORE.focusedVisitBcp2020)).toEqual(
        letter(
          'Bournemouth, Christchurch and Poole',
          'focused visit',
          dates('13 October 2020', '2020-10-13', '2020-10-13'),
        ),
      );
    });

    it("reads Bradford's 2021 focused visit letter", async () => {
      expect(await detailsOf(MORE.focusedVisitBradford2021)).toEqual(
        letter('Bradford', 'focused visit', dates('15 December 2020', '2020-12-15', '2020-12-15')),
      );
    });

    it("reads Kingston's focused visit letter: 'the Royal Borough of Kingston-upon-Thames local authority' as Kingston upon Thames", async () => {
      expect(await detailsOf(MORE.focusedVisitKingston2019)).toEqual(
        letter(
          'Kingston upon Thames',
          'focused visit',
          dates('19 and 20 March 2019', '2019-03-19', '2019-03-20'),
        ),
      );
    });

    it("reads Camden's focused visit letter, whose heading names no council, from its first sentence", async () => {
      expect(await detailsOf(MORE.focusedVisitCamden2023)).toEqual(
        letter(
          'Camden',
          'focused visit',
          dates('31 October and 1 November 2023', '2023-10-31', '2023-11-01'),
        ),
      );
    });

    it("reads Liverpool's 2016 JTAI letter, its dates printed without a year ('Between 20 and 24 June,'), in the year of the letter's own date", async () => {
      expect(await detailsOf(MORE.jtaiLiverpool2016)).toEqual(
        letter(
          'Liverpool',
          'joint targeted area inspection',
          dates('20 and 24 June', '2016-06-20', '2016-06-24'),
        ),
      );
    });

    it("reads Hampshire's JTAI letter ('Between 5 and 9 December 2016')", async () => {
      expect(await detailsOf(MORE.jtaiHampshire2017)).toEqual(
        letter(
          'Hampshire',
          'joint targeted area inspection',
          dates('5 and 9 December 2016', '2016-12-05', '2016-12-09'),
        ),
      );
    });

    it("reads Somerset's 2024 JTAI letter ('Joint targeted area inspection of Somerset')", async () => {
      expect(await detailsOf(MORE.jtaiSomerset2024)).toEqual(
        letter(
          'Somerset',
          'joint targeted area inspection',
          dates('20 to 24 May 2024', '2024-05-20', '2024-05-24'),
        ),
      );
    });

    it('takes a yearless visit in December before a January letter to the year before', () => {
      const text =
        '9 January 2017 Dear partners Joint targeted area inspection of the response in Hampshire Between 5 and 9 December, inspectors visited.';
      expect(letterDates(text, text.indexOf('Joint'))).toMatchObject({
        text: '5 and 9 December',
        start: '2016-12-05',
        end: '2016-12-09',
      });
    });
  });
});

describe('councilName', () => {
  it.each([
    ['Devon County Council', 'Devon'],
    ['the London Borough of Haringey’s', 'Haringey'],
    ['Royal Borough of Kingston-upon-Thames local authority', 'Kingston upon Thames'],
    ['Kingston upon Hull City Council', 'Kingston upon Hull'],
    ['Derbyshire Local Area Partnership', 'Derbyshire'],
    ['Council of the Isles of Scilly', 'Isles of Scilly'],
    ['Bournemouth, Christchurch and Poole Council', 'Bournemouth, Christchurch and Poole'],
    ['City of London', 'City of London'],
    ['Stockton-on-Tees Borough Council', 'Stockton-on-Tees'],
  ])('reads "%s" as "%s"', (printed, known) => {
    expect(councilName(printed)).toBe(known);
  });
});

describe('paragraphs and sections of every layout', () => {
  it('numbers the paragraphs of SIF reports from the first recommendation, leaving the numbered judgements of the cover out', async () => {
    const devon = await read(MORE.sifDevon2015);
    expect(paragraphs(devon)).toEqual(upTo(194));
    expect(placeOfText(devon, 1, 'Children who need help and protection')).toEqual({});
    expect(placeOfText(devon, 4, 'Review all those care leavers')).toEqual({
      paragraph: 1,
      section: 'Priority and immediate action',
    });
    expect(placeOfText(devon, 5, 'Ensure that vulnerable children')).toEqual({
      paragraph: 10,
      section: 'Areas for improvement',
    });
    expect(placeOfText(devon, 4, 'What does the local authority need to improve?')).toEqual({
      section: 'What does the local authority need to improve?',
    });
    expect(paragraphs(await read(MORE.sifHull2015))).toEqual(upTo(140));
  });

  it("keeps a pre-2013 report's 'Grade 3 (Adequate)' in its heading's section, and places its areas for improvement", async () => {
    const kent = await read(MORE.preSifKent2013);
    expect(paragraphs(kent)).toEqual(upTo(72));
    const overall =
      'Overall effectiveness of services for looked after children and young people: Grade 3 (Adequate)';
    expect(placeOfText(kent, 6, 'Grade 3 (Adequate)')).toEqual({ section: overall });
    expect(placeOfText(kent, 6, '11.')).toEqual({ paragraph: 11, section: overall });
    expect(placeOfText(kent, 6, 'Grade 2 (Good)')).toEqual({
      section: 'Capacity to improve: Grade 2 (Good)',
    });
    expect(placeOfText(kent, 8, 'Areas for improvement')).toEqual({ section: 'Areas for improvement' });
    expect(placeOfText(kent, 8, 'improve the quality of supervision')).toEqual({
      paragraph: 22,
      section: 'Areas for improvement',
    });
  });

  it("places the early ILACS layout's numbered paragraphs and its 'What needs to improve' items", async () => {
    const wiltshire = await read(MORE.ilacsWiltshire2019);
    expect(paragraphs(wiltshire)).toEqual(upTo(52));
    expect(placeOfText(wiltshire, 3, 'Raising awareness of private fostering')).toEqual({
      section: 'What needs to improve',
    });
    expect(placeOfText(wiltshire, 3, '1.').paragraph).toBe(1);
  });

  it("places a focused visit letter's numbered findings and its priority actions", async () => {
    const bcp = await read(MORE.focusedVisitBcp2020);
    expect(paragraphs(bcp)).toEqual(upTo(22));
    expect(placeOfText(bcp, 4, 'Findings')).toEqual({ section: 'Findings' });
    expect(placeOfText(bcp, 3, 'Areas for priority action')).toEqual({
      section: 'Areas for priority action',
    });
    const devon = await read(MORE.focusedVisitDevon2019);
    expect(placeOfText(devon, 2, 'the quality of assessments so that')).toEqual({
      section: 'What needs to improve in this area of social work practice',
    });
  });

  it("places a JTAI letter's priority actions, naming the part under them ('Areas for priority actions — Leadership')", async () => {
    const liverpool = await read(MORE.jtaiLiverpool2016);
    expect(paragraphs(liverpool)).toEqual([]);
    expect(sections(liverpool).slice(0, 6)).toEqual([
      'Joint targeted area inspection of the multi-agency response to abuse and neglect in Liverpool',
      'Areas for priority actions',
      'Areas for priority actions — Leadership',
      'Case study: area for priority action',
      'Areas for improvement',
      'Areas for improvement — Leadership and management',
    ]);
    expect(placeOfText(liverpool, 2, 'Ineffective management oversight')).toEqual({
      section: 'Areas for priority actions — Leadership',
    });
    const somerset = await read(MORE.jtaiSomerset2024);
    expect(placeOfText(somerset, 3, 'How well the Safer Somerset Partnership')).toEqual({
      section: 'Areas for priority action',
    });
    expect(placeOfText(somerset, 3, 'How effectively the Somerset Safeguarding')).toEqual({
      section: 'What needs to improve?',
    });
  });

  it("places an Area SEND report's areas for priority action and improvement (it numbers no paragraphs)", async () => {
    const derbyshire = await read(MORE.areaSendDerbyshire2024);
    expect(paragraphs(derbyshire)).toEqual([]);
    expect(placeOfText(derbyshire, 1, 'Area SEND inspection of Derbyshire')).toEqual({});
    expect(placeOfText(derbyshire, 6, 'Derbyshire County Council')).toEqual({
      section: 'Areas for priority action',
    });
    expect(placeOfText(derbyshire, 7, 'Area leaders need to co-produce')).toEqual({
      section: 'Areas for improvement',
    });
  });

  it('numbers the paragraphs of a joint area review', async () => {
    const haringey = await read(MORE.jointAreaReviewHaringey2009);
    expect(paragraphs(haringey)).toEqual(upTo(51));
    expect(placeOfText(haringey, 4, 'The inspection was carried out')).toEqual({
      paragraph: 1,
      section: 'About the inspection',
    });
  });
});
