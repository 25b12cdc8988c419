import { indexData, LOCAL_FILES, siteOf } from '../../../lib/dashboard/documents';
import { documentDate, documentHref } from '../../../lib/dashboard/format';
import {
  annotation,
  DEVON_2020,
  DEVON_2025,
  DEVON_FOCUSED,
  DEVON_LIVE,
  GUARDIAN,
  LOCAL_PDF,
  PLYMOUTH,
  quotes,
  record,
  sampleData,
  THEMES,
} from './fixtures';

const viewerUrl = (address: string) => `chrome-extension://x/viewer.html?file=${encodeURIComponent(address)}`;

describe('indexData', () => {
  it('groups reports by local authority and web pages by host name, groups ordered by name', () => {
    const index = indexData(sampleData());
    expect(index.groups.map((g) => [g.name, g.kind])).toEqual([
      ['Devon', 'authority'],
      ['Plymouth', 'authority'],
      ['www.devonlive.com', 'site'],
      ['www.theguardian.com', 'site'],
    ]);
  });

  it('orders a group’s documents by inspection end date, newest first', () => {
    const devon = indexData(sampleData()).groups[0]!;
    expect(devon.documents.map((d) => d.url)).toEqual([DEVON_2025, DEVON_FOCUSED, DEVON_2020]);
  });

  it('dates web pages by their first annotation and orders them newest first', () => {
    const data = {
      annotations: [
        annotation({ url: 'https://www.bbc.co.uk/news/old', createdAt: '2025-05-01T10:00:00.000Z' }),
        annotation({ url: 'https://www.bbc.co.uk/news/new', createdAt: '2026-02-01T10:00:00.000Z' }),
        annotation({ url: 'https://www.bbc.co.uk/news/old', createdAt: '2026-03-01T10:00:00.000Z' }),
      ],
      documents: [
        record('https://www.bbc.co.uk/news/old', 'Old'),
        record('https://www.bbc.co.uk/news/new', 'New'),
      ],
      themes: THEMES,
    };
    const [bbc] = indexData(data).groups;
    expect(bbc!.name).toBe('www.bbc.co.uk');
    expect(bbc!.documents.map((d) => [d.title, d.date, d.dateKind])).toEqual([
      ['New', '2026-02-01T10:00:00.000Z', 'annotated'],
      ['Old', '2025-05-01T10:00:00.000Z', 'annotated'],
    ]);
  });

  it('gives each document its visit type, title, address and count, and each group its total', () => {
    const index = indexData(sampleData());
    const devon2025 = index.documents.get(DEVON_2025)!;
    expect(devon2025).toMatchObject({
      url: DEVON_2025,
      title: 'Devon ILACS 2025',
      visitType: 'standard inspection',
      count: 3,
      pdf: true,
    });
    expect(index.documents.get(DEVON_FOCUSED)).toMatchObject({ visitType: 'focused visit', count: 0 });
    expect(index.groups[0]!.count).toBe(5);
    expect(index.documents.get(DEVON_LIVE)).toMatchObject({
      site: 'www.devonlive.com',
      pdf: false,
      count: 1,
    });
  });

  it('orders groups case-insensitively and keeps an annotation whose document record is missing', () => {
    const data = {
      annotations: [
        annotation({ url: 'https://zeta.example/a' }),
        annotation({ url: 'https://Alpha.example/b' }),
        annotation({ url: LOCAL_PDF, citation: { page: 1 } }),
      ],
      documents: [
        record('https://files.ofsted.gov.uk/v1/file/1', 'Barnet', {
          localAuthority: 'barnet',
          visitType: 'focused visit',
          inspectionDates: { text: '1 May 2025', start: '2025-05-01', end: '2025-05-01' },
          judgements: [],
        }),
      ],
      themes: THEMES,
    };
    const index = indexData(data);
    expect(index.groups.map((g) => g.name)).toEqual(['alpha.example', 'barnet', LOCAL_FILES, 'zeta.example']);
    expect(index.documents.get('https://zeta.example/a')!.title).toBe('https://zeta.example/a');
    expect(index.documents.get(LOCAL_PDF)).toMatchObject({
      site: '',
      pdf: true,
      groupKey: `local:${LOCAL_FILES}`,
    });
  });

  it('lists every annotation in group order, reading order within a document', () => {
    const index = indexData(sampleData());
    expect(quotes(index.ordered).slice(0, 5)).toEqual([
      'Social workers have manageable caseloads.',
      'Thresholds are now well understood by partners.',
      'The council has commissioned a new family hub.',
      'Caseloads are too high.',
      'Thresholds are not consistently applied at the front door.',
    ]);
    expect(index.ordered).toHaveLength(8);
  });

  it('lists the documents’ host names, sorted and without repeats', () => {
    expect(indexData(sampleData()).sites).toEqual([
      'files.ofsted.gov.uk',
      'www.devonlive.com',
      'www.theguardian.com',
    ]);
  });
});

describe('document links and dates', () => {
  it('opens reports in the viewer and web pages at their address; a local PDF has no link', () => {
    const index = indexData({
      ...sampleData(),
      annotations: [...sampleData().annotations, annotation({ url: LOCAL_PDF, citation: { page: 2 } })],
    });
    expect(documentHref(index.documents.get(PLYMOUTH)!, viewerUrl)).toBe(viewerUrl(PLYMOUTH));
    expect(documentHref(index.documents.get(GUARDIAN)!, viewerUrl)).toBe(GUARDIAN);
    expect(documentHref(index.documents.get(LOCAL_PDF)!, viewerUrl)).toBeUndefined();
  });

  it('never links a javascript: address', () => {
    const index = indexData({
      annotations: [annotation({ url: 'javascript:alert(1)' })],
      documents: [],
      themes: [],
    });
    expect(documentHref(index.documents.get('javascript:alert(1)')!, viewerUrl)).toBeUndefined();
  });

  it('says when a report was inspected and when a web page was first annotated', () => {
    const index = indexData(sampleData());
    expect(documentDate(index.documents.get(DEVON_2025)!)).toBe('Inspected 2025-01-13 to 2025-01-24');
    expect(documentDate(index.documents.get(GUARDIAN)!)).toMatch(/^First annotated \d{1,2} March 2026$/);
  });

  it('reads host names, and none from a local PDF', () => {
    expect(siteOf(DEVON_LIVE)).toBe('www.devonlive.com');
    expect(siteOf(LOCAL_PDF)).toBe('');
    expect(siteOf(DEVON_2020)).toBe('files.ofsted.gov.uk');
  });
});
