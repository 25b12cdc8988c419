import { buildCsv, CSV_COLUMNS, csvField } from '../../../lib/export/csv';
import type { BriefingInput } from '../../../lib/export/briefing-input';
import type { Annotation } from '../../../lib/model';
import { annotation, NEWS_URL, REPORT_URL, sampleInput } from './briefing-samples';
import { newsAnnotation, reportAnnotation } from './samples';

/**
 * A tiny RFC 4180 reader: records end in CRLF; a quoted field may hold commas, CR, LF and
 * doubled quotes. Throws on a bare LF or CR outside quotes, which RFC 4180 does not allow.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else if (c === '\r' || c === '\n' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
    }
  }
  if (quoted || field !== '' || record.length) throw new Error('unterminated last record');
  return records;
}

/** The rows (after the BOM and header) as objects keyed by column. */
function rowsOf(input: BriefingInput): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(buildCsv(input).slice(1));
  expect(header).toEqual(CSV_COLUMNS);
  return rows.map((cells) => Object.fromEntries(cells.map((cell, i) => [header![i]!, cell])));
}

function only(a: Annotation): Record<string, string> {
  const rows = rowsOf({ ...sampleInput(), annotations: [a] });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('buildCsv', () => {
  it('starts with a UTF-8 byte-order mark and the header row, and ends each row with CRLF', () => {
    const csv = buildCsv({ ...sampleInput(), annotations: [] });
    expect(csv).toBe(
      '\uFEFFLocal authority,Document,Address,Date,Section,Page,Paragraph,Quote,Themes,Severity,Note,Created\r\n',
    );
    expect(CSV_COLUMNS).toEqual([
      'Local authority',
      'Document',
      'Address',
      'Date',
      'Section',
      'Page',
      'Paragraph',
      'Quote',
      'Themes',
      'Severity',
      'Note',
      'Created',
    ]);
  });

  it('writes one row per annotation, by document and then reading order', () => {
    const rows = rowsOf(sampleInput());
    expect(rows.map((r) => r.Address)).toEqual([REPORT_URL, REPORT_URL, NEWS_URL, NEWS_URL, NEWS_URL]);
    expect(rows[0]!.Quote).toBe(reportAnnotation.quote); // position 1234, before the strength at 5000
  });

  it('writes a report quote with its local authority, inspection date, section, pages and paragraph', () => {
    expect(only(reportAnnotation)).toEqual({
      'Local authority': 'Devon',
      Document: 'Inspection of Devon local authority children’s services',
      Address: REPORT_URL,
      Date: '2025-01-16',
      Section: 'What needs to improve?',
      Page: '4–5',
      Paragraph: '12',
      Quote: 'the selected text',
      Themes: 'Workforce stability and caseloads; Management oversight and supervision',
      Severity: 'Needs improvement',
      Note: '',
      Created: '2026-03-15T10:00:00.000Z',
    });
  });

  it('writes themes as labels joined with "; " and the severity as its label', () => {
    const row = only(newsAnnotation);
    expect(row.Themes).toBe('Workforce stability and caseloads');
    expect(row.Severity).toBe('Serious concern');
    expect(row.Date).toBe('2026-03-16'); // no inspection dates: the day it was annotated
    expect(row['Local authority']).toBe('');
    expect(only(annotation({ themes: ['gone'], severity: 2 }))).toMatchObject({
      Themes: 'gone',
      Severity: 'Improving, not yet embedded',
    });
  });

  it('quotes fields holding commas, quotes and line breaks, doubling the quotes', () => {
    const quote = 'Plans are "not always" clear, and\nreviews drift.\r\nStill.';
    const csv = buildCsv({ ...sampleInput(), annotations: [annotation({ quote, note: 'a, b' })] });
    expect(csv).toContain(',"Plans are ""not always"" clear, and\nreviews drift.\r\nStill.",');
    expect(csv).toContain(',"a, b",');
    expect(only(annotation({ quote, note: 'a, b' }))).toMatchObject({ Quote: quote, Note: 'a, b' });
  });

  it('leaves plain fields unquoted', () => {
    expect(csvField('Caseloads are too high.')).toBe('Caseloads are too high.');
    expect(csvField('')).toBe('');
  });

  it('makes formula-like cells harmless with a leading single quote', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('defuses formulas in quotes and notes within the file', () => {
    const row = only(annotation({ quote: '=1+2', note: '@SUM(1)' }));
    expect(row.Quote).toBe("'=1+2");
    expect(row.Note).toBe("'@SUM(1)");
  });
});
