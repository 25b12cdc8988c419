// The Word briefing opened in LibreOffice: converted to PDF by soffice, its text read back.

import { annotation, HOSTILE, REPORT_URL, sampleInput } from './briefing-samples';
import { CONVERT_TIMEOUT, docxToPdfText, flat } from './libreoffice';
import { newsAnnotation, reportAnnotation } from './samples';
import { HEAT_MAP, wordBriefing } from './word-samples';

const DEVON = 'Inspection of Devon local authority children’s services';

describe('the Word briefing in LibreOffice', () => {
  it(
    'converts to a PDF showing the title, a document’s grades, a theme, a quote and its citation, and stored text as text',
    async () => {
      const input = sampleInput();
      input.annotations.push(
        annotation({
          quote: `<b>not bold</b> { HYPERLINK "javascript:alert(1)" } =1+1 ${HOSTILE}`,
          themes: [],
        }),
      );
      const docx = await wordBriefing(input, { title: 'Devon: what Ofsted said', pictures: [HEAT_MAP] });
      const { text, pages, links } = await docxToPdfText(docx);
      const shown = flat(text);
      expect(pages).toBeGreaterThan(0);
      expect(shown).toContain('Devon: what Ofsted said');
      expect(shown).toContain('Prepared 17 March 2026: 6 quotes from 2 documents.');
      expect(shown).toContain(DEVON);
      expect(shown).toContain('Overall effectiveness Inadequate');
      expect(shown).toContain('Requires improvement to be good');
      // A table cell may break the address over two lines.
      expect(shown.replace(/ /g, '')).toContain(REPORT_URL);
      expect(shown).toContain('Workforce stability and caseloads');
      expect(shown).toContain('Serious concern');
      expect(shown).toContain(newsAnnotation.quote);
      expect(shown).toContain(reportAnnotation.quote);
      expect(shown).toContain(
        `— ${DEVON}, Devon, 16 January 2025, pages 4–5, paragraph 12, “What needs to improve?” (open at the quote)`,
      );
      expect(shown).toContain('Note: Front page');
      expect(shown).toContain(HEAT_MAP.title);
      // The links survive, and all of them are web addresses.
      expect(links).toContain(`${REPORT_URL}#page=4`);
      expect(links).toContain(
        'https://www.example-news.co.uk/news/council-children-services#:~:text=Caseloads%20are%20too%20high.',
      );
      for (const link of links) expect(link).toMatch(/^https?:\/\//);
      expect(shown).toContain('<b>not bold</b> { HYPERLINK "javascript:alert(1)" } =1+1 **bold**');
    },
    CONVERT_TIMEOUT,
  );

  it('fails, saying what to install, when LibreOffice is missing', async () => {
    await expect(docxToPdfText(await wordBriefing(), '/nonexistent')).rejects.toThrow(
      /LibreOffice is not installed .*libreoffice-writer-nogui/,
    );
  });
});
