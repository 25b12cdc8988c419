// The Word briefing's styles: Word's built-in heading styles with their outline levels (so
// the navigation pane and a table of contents list them), a Quote and a Citation style.

import { BorderStyle, type IStylesOptions } from 'docx';

export const QUOTE = 'Quote';
export const CITATION = 'Citation';
/** A quote's note and author, set in line with the quote. */
export const QUOTE_NOTE = 'QuoteNote';

const FONT = 'Calibri';

function headingStyle(level: 1 | 2 | 3, size: number) {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: '1F3864' },
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: { before: 280, after: 120 },
    },
  };
}

export const BRIEFING_STYLES: IStylesOptions = {
  default: { document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120 } } } },
  paragraphStyles: [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 48, bold: true, color: '1F3864' },
      paragraph: { spacing: { after: 200 } },
    },
    headingStyle(1, 32),
    headingStyle(2, 28),
    headingStyle(3, 24),
    {
      id: QUOTE,
      name: 'Quote',
      basedOn: 'Normal',
      next: CITATION,
      quickFormat: true,
      run: { italics: true },
      paragraph: {
        indent: { left: 567 },
        keepNext: true,
        spacing: { before: 160, after: 60 },
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'A6A6A6', space: 8 } },
      },
    },
    {
      id: CITATION,
      name: 'Citation',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 20, color: '404040' },
      paragraph: { indent: { left: 567 }, spacing: { after: 160 } },
    },
    {
      id: QUOTE_NOTE,
      name: 'Quote note',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { indent: { left: 567 }, spacing: { after: 160 } },
    },
  ],
};
