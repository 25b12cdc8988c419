import {
  buildMarkdownBriefing,
  buildMarkdownQuotes,
  escapeInline,
  safeHref,
} from '../../../lib/export/markdown';
import type { BriefingInput } from '../../../lib/export/briefing-input';
import type { Annotation } from '../../../lib/model';
import { T2 } from '../db/helpers';
import {
  annotation,
  HOSTILE,
  NEWS_URL,
  reportStrength,
  sampleInput,
  unthemed,
  viewerUrl,
} from './briefing-samples';
import { newsAnnotation, reportAnnotation, reportRecord } from './samples';

const DEVON = 'Inspection of Devon local authority children’s services';

function briefing(input: BriefingInput = sampleInput(), title?: string): string {
  return buildMarkdownBriefing(input, { now: T2, viewerUrl, title });
}

function lines(markdown: string): string[] {
  return markdown.split('\n');
}

/** The headings of a level, in order. */
function headings(markdown: string, level: number): string[] {
  const marker = `${'#'.repeat(level)} `;
  return lines(markdown)
    .filter((l) => l.startsWith(marker))
    .map((l) => l.slice(marker.length));
}

/** The part of the briefing under a heading, up to the next heading of the same or a higher level. */
function sectionUnder(markdown: string, heading: string): string {
  const all = lines(markdown);
  const start = all.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = all.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return all.slice(start, end < 0 ? undefined : end).join('\n');
}

/** What is left of a line once escaped characters are taken out: Markdown syntax, if any. */
function unescaped(line: string): string {
  return line.replace(/\\./g, '');
}

function withOne(a: Annotation): BriefingInput {
  return { ...sampleInput(), annotations: [a] };
}

describe('buildMarkdownBriefing: structure', () => {
  it('starts with the title and the date it was prepared', () => {
    const md = briefing();
    expect(lines(md).slice(0, 3)).toEqual([
      '# Ofsted briefing',
      '',
      'Prepared 17 March 2026: 5 quotes from 2 documents.',
    ]);
    expect(briefing(sampleInput(), 'Devon: what Ofsted said').startsWith('# Devon: what Ofsted said\n')).toBe(
      true,
    );
  });

  it('describes each annotated document with its details, judgements as a table, and address', () => {
    const md = briefing();
    expect(headings(md, 2)).toEqual(['Themes by severity', 'Documents', 'Findings by theme']);
    expect(headings(md, 3).slice(0, 2)).toEqual([DEVON, 'Council news']);
    expect(sectionUnder(md, `### ${DEVON}`)).toBe(
      [
        `### ${DEVON}`,
        '',
        '- Local authority: Devon',
        '- Visit type: standard inspection',
        '- Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025',
        '- Address: [https\\://files.ofsted.gov.uk/v1/file/50250000](https://files.ofsted.gov.uk/v1/file/50250000)',
        '',
        '| Judgement | Grade |',
        '| --- | --- |',
        '| The impact of leaders on social work practice with children and families | Requires improvement to be good |',
        '| Overall effectiveness | Inadequate |',
        '',
      ].join('\n'),
    );
  });

  it('gives a document without details only its address, and leaves out documents with no quotes', () => {
    const md = briefing({ ...sampleInput(), annotations: [newsAnnotation] });
    expect(headings(md, 3)).toEqual(['Council news', 'Workforce stability and caseloads']);
    expect(sectionUnder(md, '### Council news')).toContain('- Address: [https\\://www\\.example-news');
    expect(md).not.toContain('Local authority');
  });

  it('has a section per theme in theme order, an annotation under each of its themes, and "No theme" last', () => {
    const md = briefing();
    const themes = headings(md, 3).slice(2);
    // oversight (order 1, retired but in use), workforce (3), front-door (6); none for unused themes.
    expect(themes).toEqual([
      'Management oversight and supervision',
      'Workforce stability and caseloads',
      'Front door and thresholds',
      'No theme',
    ]);
    // reportAnnotation has two themes: it appears under both.
    expect(sectionUnder(md, '### Management oversight and supervision')).toContain('> the selected text');
    expect(sectionUnder(md, '### Workforce stability and caseloads')).toContain('> the selected text');
    expect(sectionUnder(md, '### No theme')).toContain(`> ${unthemed.quote}`);
    expect(md.split('> the selected text').length - 1).toBe(2);
  });

  it('lists severities highest first within a theme, strengths beside weaknesses', () => {
    const workforce = sectionUnder(briefing(), '### Workforce stability and caseloads');
    expect(headings(workforce, 4)).toEqual(['Serious concern', 'Needs improvement', 'Strength']);
    expect(sectionUnder(workforce, '#### Serious concern')).toContain(`> ${newsAnnotation.quote}`);
    expect(sectionUnder(workforce, '#### Strength')).toContain(`> ${reportStrength.quote}`);
    expect(headings(sectionUnder(briefing(), '### No theme'), 4)).toEqual(['Context']);
  });

  it('files an annotation whose theme is unknown under its id rather than dropping it', () => {
    const md = briefing(withOne(annotation({ themes: ['retired-long-ago'] })));
    expect(headings(md, 3)).toContain('retired-long-ago');
  });
});

describe('buildMarkdownBriefing: citations', () => {
  it('cites a report quote by title, local authority, inspection end date, pages, paragraph and section, linking to the viewer page', () => {
    const md = briefing(withOne(reportAnnotation));
    expect(lines(md)).toContain(
      `— *${DEVON}*, Devon, 16 January 2025, pages 4–5, paragraph 12, “What needs to improve?” ` +
        '([open at the quote](chrome-extension://abcdefgh/viewer.html?file=https%3A%2F%2Ffiles.ofsted.gov.uk%2Fv1%2Ffile%2F50250000#page=4))',
    );
  });

  it('cites a news quote by title and the date it was annotated, with a text-fragment link', () => {
    const md = briefing(withOne(newsAnnotation));
    expect(lines(md)).toContain(
      `— *Council news*, 16 March 2026 ([open at the quote](${NEWS_URL}#:~:text=Caseloads%20are%20too%20high.))`,
    );
  });

  it('keeps the text-fragment link whole when the quote holds brackets, dashes and commas', () => {
    const a = annotation({ quote: 'Step-up (and step-down), slowly' });
    const line = lines(briefing(withOne(a))).find((l) => l.startsWith('— '))!;
    const href = /\]\(([^()\s]+)\)\)$/.exec(line)?.[1];
    expect(href).toBe(`${NEWS_URL}#:~:text=Step%2Dup%20%28and%20step%2Ddown%29%2C%20slowly`);
  });

  it('gives a local PDF a citation with its page but no link', () => {
    const a = annotation({ url: 'urn:pdf:abc123', citation: { page: 3, paragraph: 9 } });
    const line = lines(briefing(withOne(a))).find((l) => l.startsWith('— '))!;
    expect(line).toBe('— *urn:pdf:abc123*, 15 March 2026, page 3, paragraph 9');
  });

  it('puts the note after the citation', () => {
    const md = briefing(withOne(newsAnnotation));
    const at = lines(md).indexOf('Note: Front page');
    expect(at).toBeGreaterThan(0);
    expect(lines(md)[at - 2]).toMatch(/^— \*Council news\*/);
  });
});

describe('buildMarkdownBriefing: escaping', () => {
  it('makes Markdown, HTML and a script link in a quote inert', () => {
    const md = briefing(withOne(annotation({ quote: HOSTILE })));
    const quoteLine = lines(md).find((l) => l.startsWith('> '))!;
    expect(quoteLine).toBe('> \\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\>');
    expect(unescaped(quoteLine.slice(2))).not.toMatch(/[*[\]()<>]/);
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toContain('](javascript');
  });

  it('makes a note inert too, line by line', () => {
    const note = `${HOSTILE}\n# Not a heading\n- not a list\n1. not a list\n---\n    not code\n| not | a table |`;
    const md = briefing(withOne(annotation({ note })));
    const noteLines = lines(md.slice(md.indexOf('Note: ')));
    expect(noteLines.slice(0, 7)).toEqual([
      'Note: \\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\>',
      '\\# Not a heading',
      '\\- not a list',
      '1\\. not a list',
      '\\---',
      'not code',
      '\\| not \\| a table \\|',
    ]);
  });

  it('escapes titles, local authorities and judgements, which come from pages', () => {
    const record = {
      ...reportRecord,
      title: 'Report <script>alert(1)</script> [click](http://evil.example)',
      details: {
        ...reportRecord.details!,
        localAuthority: '*Devon*',
        judgements: [{ judgement: 'A | B', grade: '_Good_' }],
      },
    };
    const md = briefing({ ...sampleInput(), documents: [record], annotations: [reportAnnotation] });
    expect(md).not.toMatch(/(?<!\\)<script|\]\(http:\/\/evil/);
    expect(headings(md, 3)[0]).toBe(
      'Report \\<script\\>alert\\(1\\)\\</script\\> \\[click\\]\\(http\\://evil.example\\)',
    );
    expect(md).toContain('- Local authority: \\*Devon\\*');
    expect(md).toContain('| A \\| B | \\_Good\\_ |');
    expect(md).toContain(', \\*Devon\\*, 16 January 2025');
  });

  it("prints an ungraded inspection's outcome among its details, and no judgement table", () => {
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
    const md = briefing({ ...sampleInput(), documents: [record], annotations: [reportAnnotation] });
    expect(md).toContain(
      `- Visit type: area SEND inspection\n- Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025\n- Outcome: ${outcome}\n`,
    );
    expect(md).not.toContain('| Judgement | Grade |');
  });

  it('escapes the title given by the user and theme labels', () => {
    const input = sampleInput();
    input.themes = input.themes.map((t) => (t.id === 'front-door' ? { ...t, label: '# <b>Front</b>' } : t));
    const md = briefing(input, '[Briefing](javascript:x)');
    expect(lines(md)[0]).toBe('# \\[Briefing\\]\\(javascript:x\\)');
    expect(headings(md, 3)).toContain('\\# \\<b\\>Front\\</b\\>');
  });

  it('puts each line of a multi-line quote behind "> ", so no line escapes the block quote', () => {
    const quote = 'First line\nSecond line\n\n> Not nested\n- not a list\n===';
    const md = briefing(withOne(annotation({ quote })));
    const start = lines(md).indexOf('> First line');
    expect(lines(md).slice(start, start + 7)).toEqual([
      '> First line',
      '> Second line',
      '>',
      '> \\> Not nested',
      '> \\- not a list',
      '> \\===',
      '',
    ]);
  });

  it('escapes every special character, but only where it means something', () => {
    expect(escapeInline('a\\b `c` *d* _e_ {f} [g] <h> (i) #j +k -l .m !n |o ~p')).toBe(
      'a\\\\b \\`c\\` \\*d\\* \\_e\\_ \\{f\\} \\[g\\] \\<h\\> \\(i\\) \\#j +k -l .m \\!n \\|o \\~p',
    );
    expect(escapeInline('+1')).toBe('\\+1');
    expect(escapeInline('-1')).toBe('\\-1');
    expect(escapeInline('2024. A year')).toBe('2024\\. A year');
    expect(escapeInline('&amp; & co')).toBe('\\&amp; & co');
    expect(escapeInline('see www.x.org or https://x.org')).toBe('see www\\.x.org or https\\://x.org');
  });

  it('links only to web and extension addresses, with characters that would break the link encoded', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://x.org/a (b)<c>')).toBe('https://x.org/a%20%28b%29%3Cc%3E');
  });
});

describe('buildMarkdownQuotes', () => {
  it('gives the chosen quotes in order, each with severity, themes, citation and note, and no document sections', () => {
    const md = buildMarkdownQuotes(
      { ...sampleInput(), annotations: [newsAnnotation, reportAnnotation] },
      { viewerUrl },
    );
    expect(md).not.toMatch(/^#/m);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.trimEnd().split('\n\n')).toEqual([
      '**Serious concern** · Workforce stability and caseloads',
      '> Caseloads are too high.',
      `— *Council news*, 16 March 2026 ([open at the quote](${NEWS_URL}#:~:text=Caseloads%20are%20too%20high.))`,
      'Note: Front page',
      '**Needs improvement** · Workforce stability and caseloads; Management oversight and supervision',
      '> the selected text',
      `— *${DEVON}*, Devon, 16 January 2025, pages 4–5, paragraph 12, “What needs to improve?” ([open at the quote](${viewerUrl(reportAnnotation.url)}#page=4))`,
    ]);
  });

  it('escapes the quotes it copies', () => {
    const md = buildMarkdownQuotes(withOne(annotation({ quote: HOSTILE })), { viewerUrl });
    expect(md).toContain('> \\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\>');
  });
});

describe('buildMarkdownBriefing: authors (team spaces)', () => {
  const input = withOne({ ...newsAnnotation, author: { user: 'ann', name: 'Ann *Scrutiny*' } });

  it('names who wrote each quote when asked, as text', () => {
    const markdown = buildMarkdownBriefing(input, { now: T2, viewerUrl, authors: true });
    expect(lines(markdown)).toContain('By: Ann \\*Scrutiny\\*');
  });

  it('leaves the authors out by default', () => {
    expect(briefing(input)).not.toContain('By: ');
  });
});
