import type { BriefingInput } from '../../../lib/export/briefing-input';
import { wordQuoteLink } from '../../../lib/export/word/briefing';
import { linesOf, oneLine, webLink, xmlText } from '../../../lib/export/word/text';
import type { Annotation } from '../../../lib/model';
import {
  annotation,
  HOSTILE,
  NEWS_URL,
  REPORT_URL,
  reportStrength,
  sampleInput,
  unthemed,
} from './briefing-samples';
import { inStyle, readDocx, type DocxContents } from './docx-reader';
import { newsAnnotation, reportAnnotation, reportRecord } from './samples';
import { HEAT_MAP, wordBriefing } from './word-samples';

const DEVON = 'Inspection of Devon local authority children’s services';

async function docx(
  input?: BriefingInput,
  options?: Parameters<typeof wordBriefing>[1],
): Promise<DocxContents> {
  return readDocx(await wordBriefing(input, options));
}

function withOne(a: Annotation): BriefingInput {
  return { ...sampleInput(), annotations: [a] };
}

/** The paragraphs' texts from the one whose text is `from` up to (not including) the next in one of `until` styles. */
function sectionUnder(d: DocxContents, style: string, from: string, until: string[]): string[] {
  const start = d.paragraphs.findIndex((p) => p.style === style && p.text === from);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = d.paragraphs.findIndex((p, i) => i > start && until.includes(p.style));
  return d.paragraphs.slice(start + 1, end < 0 ? undefined : end).map((p) => p.text);
}

/** Every field, formula or script construct a .docx could carry. */
const ACTIVE = /<w:fldSimple|<w:instrText|<w:fldChar|<w:ffData|<w:object|<w:altChunk|<w:dde/;

describe('buildWordBriefing: structure', () => {
  it('is a .docx whose title, date line and headings are in Word’s built-in styles', async () => {
    const d = await docx();
    expect(inStyle(d, 'Title')).toEqual(['Ofsted briefing']);
    expect(d.paragraphs[1]!.text).toBe('Prepared 17 March 2026: 5 quotes from 2 documents.');
    expect(inStyle(d, 'Heading1')).toEqual(['Documents', 'Findings by theme']);
    expect(inStyle(d, 'Heading2')).toEqual([
      DEVON,
      'Council news',
      'Management oversight and supervision',
      'Workforce stability and caseloads',
      'Front door and thresholds',
      'No theme',
    ]);
    const styles = new TextDecoder().decode(d.files['word/styles.xml']);
    // Outline levels put the headings in Word's navigation pane.
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/s);
    expect(styles).toMatch(/w:styleId="Heading3">.*?<w:outlineLvl w:val="2"\/>/s);
    const core = new TextDecoder().decode(d.files['docProps/core.xml']);
    expect(core).toContain('<dc:title>Ofsted briefing</dc:title>');
  });

  it('takes the title given, as text', async () => {
    const d = await docx(sampleInput(), { title: 'Devon: <what> Ofsted said' });
    expect(inStyle(d, 'Title')).toEqual(['Devon: <what> Ofsted said']);
    expect(d.documentXml).toContain('Devon: &lt;what&gt; Ofsted said');
  });

  it('gives each document a table of its details and a table of its grades', async () => {
    const d = await docx();
    expect(sectionUnder(d, 'Heading2', DEVON, ['Heading1', 'Heading2'])).toEqual([
      'Local authority',
      'Devon',
      'Visit type',
      'standard inspection',
      'Inspection dates',
      '30 September to 11 October 2024 and 13 to 16 January 2025',
      'Address',
      REPORT_URL,
      '',
      'Judgement',
      'Grade',
      'The impact of leaders on social work practice with children and families',
      'Requires improvement to be good',
      'Overall effectiveness',
      'Inadequate',
    ]);
    expect(d.documentXml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(d.documentXml).toContain('<w:tblHeader/>');
    expect(sectionUnder(d, 'Heading2', 'Council news', ['Heading1', 'Heading2'])).toEqual([
      'Address',
      NEWS_URL,
    ]);
  });

  it('prints an ungraded inspection’s outcome among its details, and no grade table', async () => {
    const outcome =
      'The local area partnership’s arrangements lead to inconsistent experiences and outcomes.';
    const record = {
      ...reportRecord,
      details: {
        ...reportRecord.details!,
        visitType: 'area SEND inspection' as const,
        judgements: [],
        outcome,
      },
    };
    const d = await docx({ ...sampleInput(), documents: [record], annotations: [reportAnnotation] });
    const section = sectionUnder(d, 'Heading2', DEVON, ['Heading1', 'Heading2']);
    expect(section).toContain('Outcome');
    expect(section).toContain(outcome);
    expect(section).not.toContain('Judgement');
  });

  it('groups findings by theme, strengths beside weaknesses, highest severity first', async () => {
    const d = await docx();
    const workforce = sectionUnder(d, 'Heading2', 'Workforce stability and caseloads', [
      'Heading1',
      'Heading2',
    ]);
    expect(workforce[0]).toBe('Serious concern: 1 · Needs improvement: 1 · Strength: 1');
    const severities = d.paragraphs
      .slice(
        d.paragraphs.findIndex(
          (p) => p.text === 'Workforce stability and caseloads' && p.style === 'Heading2',
        ),
      )
      .filter((p) => p.style === 'Heading3')
      .slice(0, 3)
      .map((p) => p.text);
    expect(severities).toEqual(['Serious concern', 'Needs improvement', 'Strength']);
    expect(workforce.indexOf(newsAnnotation.quote)).toBeLessThan(workforce.indexOf(reportAnnotation.quote));
    expect(workforce.indexOf(reportAnnotation.quote)).toBeLessThan(workforce.indexOf(reportStrength.quote));
    expect(sectionUnder(d, 'Heading2', 'No theme', ['Heading1', 'Heading2'])).toContain(unthemed.quote);
    // Under each of its themes.
    expect(inStyle(d, 'Quote').filter((q) => q === reportAnnotation.quote)).toHaveLength(2);
  });
});

describe('buildWordBriefing: quotes and citations', () => {
  it('cites a report quote by title, local authority, date, pages, paragraph and section, linking to the Ofsted original at its page', async () => {
    const d = await docx(withOne(reportAnnotation));
    // Under both its themes.
    expect(inStyle(d, 'Quote')).toEqual([reportAnnotation.quote, reportAnnotation.quote]);
    expect(inStyle(d, 'Citation')[0]).toBe(
      `— ${DEVON}, Devon, 16 January 2025, pages 4–5, paragraph 12, “What needs to improve?” (open at the quote)`,
    );
    expect(d.links).toContainEqual({ target: `${REPORT_URL}#page=4`, mode: 'External' });
    expect(d.documentXml).not.toContain('chrome-extension');
    expect(d.rels).not.toContain('chrome-extension');
  });

  it('links a news quote to its text fragment', async () => {
    const d = await docx(withOne(newsAnnotation));
    expect(inStyle(d, 'Citation')).toEqual(['— Council news, 16 March 2026 (open at the quote)']);
    expect(d.links).toContainEqual({
      target: `${NEWS_URL}#:~:text=Caseloads%20are%20too%20high.`,
      mode: 'External',
    });
  });

  it('gives a local PDF a citation with its page but no link', async () => {
    const d = await docx(withOne(annotation({ url: 'urn:pdf:abc123', citation: { page: 3, paragraph: 9 } })));
    expect(inStyle(d, 'Citation')).toEqual(['— urn:pdf:abc123, 15 March 2026, page 3, paragraph 9']);
    expect(d.links).toEqual([]);
    expect(d.documentXml).not.toContain('<w:hyperlink');
  });

  it('puts the note, line by line, after the citation, and the author only when asked', async () => {
    const a = {
      ...newsAnnotation,
      note: 'Front page\nsecond line',
      author: { user: 'ann', name: 'Ann Scrutiny' },
    };
    const d = await docx(withOne(a));
    const texts = d.paragraphs.map((p) => p.text);
    const at = texts.indexOf('Note: Front page\nsecond line');
    expect(at).toBeGreaterThan(0);
    expect(d.paragraphs[at - 1]!.style).toBe('Citation');
    expect(d.paragraphs[at]!.style).toBe('QuoteNote');
    expect(texts).not.toContain('By: Ann Scrutiny');
    const named = await docx(withOne(a), { authors: true });
    expect(named.paragraphs.map((p) => p.text)).toContain('By: Ann Scrutiny');
  });

  it('keeps the lines of a multi-line quote in one quotation, with line breaks', async () => {
    const d = await docx(withOne(annotation({ quote: 'First line\n\nthird   line' })));
    expect(inStyle(d, 'Quote')).toEqual(['First line\n\nthird line']);
  });
});

describe('buildWordBriefing: stored text stays text', () => {
  const FIELD =
    '{ HYPERLINK "javascript:alert(1)" } { DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc" }';

  it('writes HTML, Markdown, field codes and formulas in a quote or note as literal text', async () => {
    const quote = `<b>bold</b> ${HOSTILE} ${FIELD}`;
    const note = '=HYPERLINK("http://evil.example","x")\n+1\n-2\n@SUM(A1)';
    const d = await docx(withOne(annotation({ quote, note })));
    expect(inStyle(d, 'Quote')).toEqual([quote]);
    expect(d.paragraphs.map((p) => p.text)).toContain(`Note: ${note}`);
    expect(d.documentXml).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(d.documentXml).not.toContain('<b>');
    expect(d.documentXml).not.toMatch(ACTIVE);
    expect(d.links.map((l) => l.target)).not.toContainEqual(expect.stringMatching(/^(?!https?:)/));
    expect(d.rels).not.toMatch(/javascript|evil\.example/);
  });

  it('takes out characters XML 1.0 cannot hold, keeping the rest', async () => {
    const quote = 'a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uD800g 😀 h';
    const d = await docx(withOne(annotation({ quote, note: 'n\u0001o' })));
    expect(inStyle(d, 'Quote')).toEqual(['abcdefg 😀 h']);
    expect(d.paragraphs.map((p) => p.text)).toContain('Note: no');
    // eslint-disable-next-line no-control-regex
    expect(d.documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  it('keeps titles, local authorities, judgements and theme labels from pages as text', async () => {
    const record = {
      ...reportRecord,
      title: 'Report <script>alert(1)</script> { HYPERLINK "javascript:x" }',
      details: {
        ...reportRecord.details!,
        localAuthority: '<i>Devon</i>',
        judgements: [{ judgement: '=1+1', grade: '<w:fldSimple w:instr="DATE"/>' }],
      },
    };
    const input = { ...sampleInput(), documents: [record], annotations: [reportAnnotation] };
    input.themes = input.themes.map((t) => (t.id === 'workforce' ? { ...t, label: '<b>Workforce</b>' } : t));
    const d = await docx(input);
    const texts = d.paragraphs.map((p) => p.text);
    expect(texts).toContain(record.title);
    expect(texts).toContain('<i>Devon</i>');
    expect(texts).toContain('=1+1');
    expect(texts).toContain('<w:fldSimple w:instr="DATE"/>');
    expect(inStyle(d, 'Heading2')).toContain('<b>Workforce</b>');
    expect(d.documentXml).not.toMatch(ACTIVE);
    expect(d.documentXml).not.toMatch(/<script|<i>|<b>/);
  });

  it('links only to http(s) addresses: no javascript:, data: or extension links', async () => {
    const input: BriefingInput = {
      ...sampleInput(),
      annotations: [
        annotation({ url: 'javascript:alert(1)' }),
        annotation({ url: 'data:text/html,<script>alert(1)</script>' }),
        annotation({ url: 'chrome-extension://abcdefgh/page.html' }),
        annotation({ url: 'file:///C:/reports/devon.pdf', citation: { page: 2 } }),
        reportAnnotation,
      ],
    };
    const d = await docx(input);
    expect(d.links.length).toBeGreaterThan(0);
    for (const { target, mode } of d.links) {
      expect(target).toMatch(/^https?:\/\//);
      expect(mode).toBe('External');
    }
    expect(d.paragraphs.map((p) => p.text)).toContain('javascript:alert(1)');
  });

  it('text helpers: XML-safe text, lines, web links', () => {
    expect(xmlText('a\u0000\u0008\t\n\rb')).toBe('a\t\n\rb');
    expect(oneLine('  a \t\n b  ')).toBe('a b');
    expect(linesOf('a\r\nb\rc\n\n d ')).toEqual(['a', 'b', 'c', '', 'd']);
    expect(webLink('https://x.example/a b')).toBe('https://x.example/a%20b');
    expect(webLink('HTTP://X.example')).toBe('http://x.example/');
    expect(webLink('javascript:alert(1)')).toBeNull();
    expect(webLink(' javascript:alert(1)')).toBeNull();
    expect(webLink('chrome-extension://abc/viewer.html')).toBeNull();
    expect(webLink('not a url')).toBeNull();
    expect(wordQuoteLink(reportAnnotation)).toBe(`${REPORT_URL}#page=4`);
  });
});

describe('buildWordBriefing: pictures', () => {
  it('puts each picture under Figures, between the documents and the findings, as an SVG with a PNG fallback, then its table', async () => {
    const d = await docx(sampleInput(), { pictures: [HEAT_MAP] });
    expect(inStyle(d, 'Heading1')).toEqual(['Documents', 'Figures', 'Findings by theme']);
    expect(sectionUnder(d, 'Heading2', HEAT_MAP.title, ['Heading1', 'Heading2'])).toEqual([
      '',
      'Theme',
      'Serious concern',
      'Strength',
      'Workforce stability and caseloads',
      '1',
      '1',
    ]);
    const media = Object.keys(d.files).filter((f) => f.startsWith('word/media/'));
    expect(media.map((f) => f.replace(/^.*\./, '')).sort()).toEqual(['png', 'svg']);
    expect(d.documentXml).toContain('<asvg:svgBlip');
    expect(d.documentXml).toContain(`descr="${HEAT_MAP.title}: the table below gives its figures."`);
    // 320 × 120 pixels, in EMUs (9525 a pixel).
    expect(d.documentXml).toContain(`cx="${320 * 9525}" cy="${120 * 9525}"`);
  });

  it('scales a wide picture to the page, and gives the table alone when there is no PNG', async () => {
    const wide = { ...HEAT_MAP, width: 1200, height: 400 };
    const d = await docx(sampleInput(), {
      pictures: [wide, { ...HEAT_MAP, title: 'No image', png: undefined }],
    });
    expect(d.documentXml).toContain(`cx="${600 * 9525}" cy="${200 * 9525}"`);
    expect(d.documentXml.match(/<pic:pic /g)).toHaveLength(1);
    expect(inStyle(d, 'Heading2')).toContain('No image');
  });
});
