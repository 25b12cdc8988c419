import { anchorQuote } from '../../../lib/anchoring/anchor';
import type { Selector } from '../../../lib/model';

/** Selectors for text[start, end) as describeRange would make them. */
function selectorsFor(text: string, start: number, end: number): Selector[] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

function selectorsOf(text: string, quote: string, occurrence = 0): Selector[] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no ${quote}`);
  return selectorsFor(text, start, start + quote.length);
}

/** Words in a fixed pseudo-random order: filler that never repeats a phrase by chance. */
function filler(words: number, seed = 1): string {
  const vocabulary =
    'amber basin cobalt delta ember fjord garnet harbour indigo juniper kestrel lagoon meadow nutmeg orchard pebble quarry russet saffron thistle umber valley willow yarrow zephyr'.split(
      ' ',
    );
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[seed % vocabulary.length]!);
  }
  return out.join(' ');
}

const sentence =
  'Managers provide timely and appropriate oversight of contacts, and social workers are promptly allocated.';

describe('anchorQuote', () => {
  it('accepts the stored position when the text there equals the quote', () => {
    const text = `${filler(40)} ${sentence} ${filler(40, 2)}`;
    const selectors = selectorsOf(text, sentence);
    expect(anchorQuote(text, selectors)).toEqual({
      start: text.indexOf(sentence),
      end: text.indexOf(sentence) + sentence.length,
      method: 'position',
    });
  });

  it('searches for the quote when the text at the stored position differs', () => {
    const before = `${filler(40)} ${sentence} ${filler(40, 2)}`;
    const after = `Advertisement: compare energy deals. ${before}`;
    const match = anchorQuote(after, selectorsOf(before, sentence));
    expect(match).toEqual({
      start: after.indexOf(sentence),
      end: after.indexOf(sentence) + sentence.length,
      method: 'exact',
    });
  });

  it('chooses the occurrence whose context matches', () => {
    const text = [
      'Daily meetings take place between the police and the local authority to discuss risk.',
      'Children are not always known to the local authority when they go missing from home.',
      'Care leavers say that the local authority acts as a caring corporate parent to them.',
    ].join(' ');
    const selectors = selectorsOf(text, 'the local authority', 1);
    const quoteOnly = selectors.filter((s) => s.type === 'TextQuoteSelector');
    const expected = text.indexOf('the local authority when');
    expect(anchorQuote(text, quoteOnly)).toMatchObject({ start: expected, method: 'exact' });
    const moved = `New introduction. ${text}`;
    expect(anchorQuote(moved, selectors)).toMatchObject({ start: expected + 18, method: 'exact' });
  });

  it('chooses the occurrence nearest the old position when the contexts agree equally', () => {
    const item = 'Strategy discussions are held promptly. ';
    const text = `${filler(30)} ${item.repeat(5)}${filler(30, 3)}`;
    const selectors = selectorsOf(text, 'Strategy discussions', 2);
    const shifted = `Updated. ${text}`;
    const third = text.indexOf('Strategy discussions') + 2 * item.length + 'Updated. '.length;
    expect(anchorQuote(shifted, selectors)).toMatchObject({ start: third, method: 'exact' });
  });

  it('does not trust an old position that now holds another occurrence of a short phrase', () => {
    const text = `${filler(20)} children in care ${filler(20, 2)} children in care ${filler(20, 3)}`;
    const first = text.indexOf('children in care');
    const second = text.indexOf('children in care', first + 1);
    const selectors = selectorsFor(text, second, second + 16);
    // New text at the top moves the first occurrence to the second one's old offset.
    const shift = second - first;
    const edited = `${filler(100, 9).slice(0, shift - 1)} ${text}`;
    expect(edited.slice(second, second + 16)).toBe('children in care');
    expect(anchorQuote(edited, selectors)).toEqual({
      start: second + shift,
      end: second + shift + 16,
      method: 'exact',
    });
  });

  it('finds a quote with a small change by fuzzy search', () => {
    const before = `${filler(40)} ${sentence} ${filler(40, 2)}`;
    const after = before.replace('appropriate oversight', 'apropriate oversite');
    const match = anchorQuote(after, selectorsOf(before, sentence));
    const start = after.indexOf('Managers');
    expect(match).toEqual({ start, end: after.indexOf('allocated.') + 10, method: 'fuzzy' });
  });

  it('orphans a quote changed by more than a fifth', () => {
    const before = `${filler(40)} ${sentence} ${filler(40, 2)}`;
    const after = before.replace(
      'timely and appropriate oversight of contacts',
      'quick, suitable checks on each contact made',
    );
    expect(anchorQuote(after, selectorsOf(before, sentence))).toBeNull();
  });

  it('orphans a short quote whose context is gone, though the words recur elsewhere', () => {
    const before = `${filler(30)} the local authority ${filler(30, 2)} the local authority ${filler(30, 3)}`;
    const selectors = selectorsOf(before, 'the local authority', 1);
    const after = `${filler(30)} the local authority ${filler(30, 5)}`;
    expect(anchorQuote(after, selectors)).toBeNull();
  });

  it('never anchors to similar text whose context disagrees', () => {
    const quote = 'children in need and those children who are subject to a child protection plan';
    const similar = 'children in need and those who are subject to a child protection plan';
    const before = `${filler(30)} ${similar}. ${filler(30, 2)} ${quote} ${filler(30, 3)}`;
    const after = `${filler(30)} ${similar}. ${filler(30, 2)} ${filler(30, 3)}`;
    expect(anchorQuote(after, selectorsOf(before, quote))).toBeNull();
  });

  it('accepts a long quote found once even when the text on both sides has changed', () => {
    const before = `${filler(30)} ${sentence} ${filler(30, 2)}`;
    const after = `${filler(30, 7)} ${sentence} ${filler(30, 8)}`;
    expect(anchorQuote(after, selectorsOf(before, sentence))).toMatchObject({
      start: after.indexOf(sentence),
      method: 'exact',
    });
  });

  it('orphans a short quote found once when the text on both sides has changed', () => {
    const before = `${filler(30)} thresholds ${filler(30, 2)}`;
    const after = `${filler(30, 7)} thresholds ${filler(30, 8)}`;
    expect(anchorQuote(after, selectorsOf(before, 'thresholds'))).toBeNull();
  });

  it('searches everywhere when nothing near the old position matches', () => {
    const before = `${filler(40)} ${sentence} ${filler(40, 2)}`;
    const after = `${filler(1000, 6)} ${before.replace('promptly', 'promtly')}`;
    expect(anchorQuote(after, selectorsOf(before, sentence))).toMatchObject({
      start: after.indexOf('Managers provide'),
      method: 'fuzzy',
    });
  });

  it('finds an edited passage even when a closer look-alike lies elsewhere', () => {
    const before = `${filler(40)} ${sentence} ${filler(40, 2)}`;
    const edited = before.replace('timely and appropriate', 'timely, appropriate');
    const lookAlike = sentence.replace('Managers', 'Managerz');
    const after = `${filler(30, 4)} ${lookAlike} ${filler(10, 5)} ${edited}`;
    const quoteOnly = selectorsOf(before, sentence).filter((s) => s.type === 'TextQuoteSelector');
    expect(anchorQuote(after, quoteOnly)).toMatchObject({
      start: after.lastIndexOf('Managers provide'),
      method: 'fuzzy',
    });
  });

  describe('a table row beside a short quote', () => {
    const rows = ['children in care', 'care leavers', 'disabled children', 'overall effectiveness'];
    const table = (labels: string[]) =>
      labels.map((label) => `The progress of ${label} Inadequate`).join(' ');
    const before = `${filler(20)} ${table(rows.filter((r) => r !== 'disabled children'))} ${filler(20, 2)}`;
    const selectors = () => {
      const start = before.indexOf('Inadequate', before.indexOf('care leavers'));
      return selectorsFor(before, start, start + 'Inadequate'.length);
    };

    it('inserted after it: finds the quote, its context moved on past the new row', () => {
      const after = `${filler(20)} ${table(rows)} ${filler(20, 2)}`;
      const start = after.indexOf('Inadequate', after.indexOf('care leavers'));
      expect(anchorQuote(after, selectors())).toMatchObject({ start, end: start + 10 });
    });

    it('removed with it: orphans the quote rather than take the grade of the row before', () => {
      const after = `${filler(20)} ${table(['children in care', 'overall effectiveness'])} ${filler(20, 2)}`;
      expect(anchorQuote(after, selectors())).toBeNull();
    });
  });

  it('ends an edited quote where its context begins, not in the words after it', () => {
    const cells = 'The impact of leaders on social work practice with children and families';
    const before = `${filler(20)} ${cells} Requires improvement to be good The experiences of children ${filler(20, 2)}`;
    const after = before.replace(' to be good', '');
    const start = before.indexOf('practice with');
    const selectors = selectorsFor(before, start, before.indexOf(' The experiences'));
    const match = anchorQuote(after, selectors)!;
    expect(after.slice(match.start, match.end)).toBe(
      'practice with children and families Requires improvement',
    );
  });

  it('leaves out words removed at an end whose context has gone, without taking the next words', () => {
    const before = `${filler(20)} plans also lack clarity about future family time. 30. When there are safeguarding concerns. 31. Too many children ${filler(20, 2)}`;
    const after = before.replace(' 30. When there are safeguarding concerns.', '');
    const start = before.indexOf('also lack');
    const selectors = selectorsFor(before, start, before.indexOf('When') + 4);
    const match = anchorQuote(after, selectors)!;
    expect(after.slice(match.start, match.end)).toBe('also lack clarity about future family time.');
  });

  it('ends an edited quote where it ended, before a full stop the reader left out', () => {
    const before = `${filler(20)} The quality of pre-birth assesments is variable, and some lack through analysis to inform effective planning. ${filler(20, 2)}`;
    const after = before.replace('assesments', 'assessments').replace('through', 'thorough');
    const start = before.indexOf('The quality');
    const selectors = selectorsFor(before, start, before.indexOf('planning') + 'planning'.length);
    const match = anchorQuote(after, selectors)!;
    expect(after.slice(match.start, match.end)).toBe(
      'The quality of pre-birth assessments is variable, and some lack thorough analysis to inform effective planning',
    );
  });

  it('keeps an edited first word when a block inserted before the quote moved its context away', () => {
    const quote =
      '“However, in the last four months, a permanent senior leadership team has begun to address the weaknesses.';
    const before = `${filler(20)} circumstances for too long. ${quote} “During this time ${filler(20, 2)}`;
    const after = before.replace(' “However', ' Ofsted monitoring visit, February 2022 "However');
    const match = anchorQuote(after, selectorsOf(before, quote))!;
    expect(after.slice(match.start, match.end)).toBe(quote.replace('“', '"'));
  });

  describe('a paragraph that appears twice on the page', () => {
    const paragraph =
      'Published this week, the latest report found a surge in referrals during the pandemic. This, combined with staff shortages, is contributing to delays.';
    const before = `${filler(20)} ${paragraph} ${filler(400, 2)} Also on Exeter Express: ${paragraph} ${filler(20, 3)}`;
    const readMore = 'READ MORE: How Devon plans to recruit more social workers';
    // An advertisement at the top, and a link inserted into the first copy only.
    const after = `Advertisement: compare broadband deals. ${before.replace('pandemic. This,', `pandemic. ${readMore} This,`)}`;

    it('keeps a quote on its own copy when a block inserted beside it moved its context', () => {
      const match = anchorQuote(after, selectorsOf(before, 'a surge in referrals during the pandemic.'));
      expect(match).toMatchObject({ start: after.indexOf('a surge'), method: 'exact' });
    });

    it('orphans a quote interrupted where it was rather than take the copy elsewhere', () => {
      // As anchorAll knows from the quotes before it: the advertisement moved the text on.
      const shift = after.indexOf('Published') - before.indexOf('Published');
      const selectors = selectorsOf(before, 'during the pandemic. This, combined');
      expect(anchorQuote(after, selectors, { shift })).toBeNull();
    });
  });

  describe('with context stored on one side only', () => {
    const page = 'Leeds says turnover is high. Staff say turnover is high too. Turnover is rising in Devon.';
    const quote = (exact: string, prefix: string, suffix: string): Selector[] => [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
    ];

    it('orphans a short quote whose only stored side, a suffix, lies further along the text', () => {
      // Neither "turnover is high" is followed by " in Devon": the suffix found near the end of
      // the text is not evidence for the Leeds sentence.
      expect(anchorQuote(page, quote('turnover is high', '', ' in Devon'))).toBeNull();
    });

    it('orphans a short quote whose only stored side, a prefix, lies further back in the text', () => {
      const text = `Inspectors in Devon say leaders are new. ${page}`;
      expect(anchorQuote(text, quote('turnover is high', 'Inspectors in Devon say ', ''))).toBeNull();
    });

    it('finds the occurrence that its one stored side stands beside', () => {
      const start = page.indexOf('turnover is high too');
      expect(anchorQuote(page, quote('turnover is high', '', ' too. Turnover'))).toEqual({
        start,
        end: start + 'turnover is high'.length,
        method: 'exact',
      });
      expect(anchorQuote(page, quote('turnover is high', 'Staff say ', ''))).toMatchObject({ start });
    });

    it('takes white space stored beside a quote as no evidence of where it is', () => {
      // As a tool that reads the raw text stores a quote after deep indentation.
      expect(anchorQuote(page, quote('turnover is high', '\n        ', ' in Devon'))).toBeNull();
      expect(anchorQuote(page, quote('turnover is high', '\n        ', ''))).toBeNull();
    });

    it('still rules out a place where the white space stored beside a quote is not', () => {
      const text = 'The careers service helps young people.';
      expect(anchorQuote(text, quote('care', '', ''))).toMatchObject({ start: 4, end: 8 });
      expect(anchorQuote(text, quote('care', '', '\n'))).toBeNull();
    });
  });

  describe('at the ends of the text', () => {
    it('does not look for the prefix of a quote at the start of the text in the text after it', () => {
      const before = `${filler(20)} Inspectors found that turnover is high in Devon. ${filler(20, 2)}`;
      const selectors = selectorsOf(before, 'turnover is high');
      // The annotated sentence was rewritten; a new first sentence begins with the same words,
      // and the old prefix still stands further on, after it.
      const after = `turnover is high in Devon. ${filler(20, 2)} ${filler(20)} Inspectors found that staff turnover is a concern.`;
      expect(anchorQuote(after, selectors)).toBeNull();
    });

    it('finds a quote near the end whose stored suffix ends in a line break, as other tools store it', () => {
      const text = `Two reports were published. ${filler(20)} Priorities are numbered One Two Three`;
      const selectors: Selector[] = [
        { type: 'TextQuoteSelector', exact: 'Two', prefix: 'rities are numbered One ', suffix: ' Three\n' },
      ];
      expect(anchorQuote(text, selectors)).toEqual({
        start: text.length - 'Two Three'.length,
        end: text.length - ' Three'.length,
        method: 'exact',
      });
    });

    it('finds a quote at the end whose stored suffix is only white space', () => {
      const text = `Two reports were published. ${filler(20)} Priorities are numbered One Two`;
      const selectors: Selector[] = [
        { type: 'TextQuoteSelector', exact: 'Two', prefix: 'are numbered One ', suffix: '\n  \n' },
      ];
      expect(anchorQuote(text, selectors)).toMatchObject({ start: text.length - 3, end: text.length });
    });

    it('finds a quote near the start whose stored prefix starts with a line break', () => {
      const text = `One Two Three are the priorities. ${filler(20)} Two reports were published.`;
      const selectors: Selector[] = [
        { type: 'TextQuoteSelector', exact: 'Two', prefix: '\nOne ', suffix: ' Three are' },
      ];
      expect(anchorQuote(text, selectors)).toMatchObject({ start: 4, end: 7, method: 'exact' });
    });

    it('finds a quote at the start whose stored prefix is only white space', () => {
      const text = `Summary of findings. ${filler(20)} The summary of findings follows.`;
      const selectors: Selector[] = [
        { type: 'TextQuoteSelector', exact: 'Summary', prefix: '\n   ', suffix: ' of findings. ' },
      ];
      expect(anchorQuote(text, selectors)).toMatchObject({ start: 0, end: 7, method: 'exact' });
    });

    it('takes an end of the text for white space, but not the start of another word', () => {
      const text = `Priorities are numbered One Two Threefold. ${filler(20)} Priorities are numbered One Two Three`;
      const selectors: Selector[] = [
        { type: 'TextQuoteSelector', exact: 'Two', prefix: 'are numbered One ', suffix: ' Three\n' },
      ];
      expect(anchorQuote(text, selectors)).toMatchObject({ start: text.lastIndexOf('Two') });
      const middleOnly = text.slice(0, text.indexOf('Threefold.') + 'Threefold.'.length);
      expect(anchorQuote(middleOnly, selectors)).toBeNull();
    });
  });

  it('reads imported selectors whose strings hold raw white space', () => {
    const text = `${filler(20)} ${sentence} ${filler(20, 2)}`;
    const match = anchorQuote(text, [
      {
        type: 'TextQuoteSelector',
        exact: '\n  Managers provide timely and\n   appropriate oversight ',
        prefix: '',
        suffix: ' of\ncontacts',
      },
    ]);
    expect(match).toMatchObject({ start: text.indexOf('Managers'), method: 'exact' });
  });

  it('returns null without a quote or a position to look for', () => {
    const text = `${filler(20)} ${sentence}`;
    expect(
      anchorQuote(text, [{ type: 'TextQuoteSelector', exact: ' \n ', prefix: '', suffix: '' }]),
    ).toBeNull();
  });

  it('takes the text at a position given without a quote, if there is text there', () => {
    const text = `${filler(20)} ${sentence}`;
    const start = text.indexOf(sentence);
    const end = start + sentence.length;
    expect(anchorQuote(text, [{ type: 'TextPositionSelector', start, end }])).toEqual({
      start,
      end,
      method: 'position',
    });
    expect(anchorQuote(text, [{ type: 'TextPositionSelector', start, end: text.length + 5 }])).toBeNull();
  });

  it('reads stored positions as code points: a quote after an emoji is found at its position', () => {
    const before = 'Children told inspectors 😀 that their social workers listen. ';
    const text = `${before}${sentence} ${sentence}`; // the quote twice: only the position tells them apart
    const start = text.lastIndexOf(sentence);
    const points = [...text.slice(0, start)].length; // one fewer than the UTF-16 offset
    expect(points).toBe(start - 1);
    const match = anchorQuote(text, [
      { type: 'TextQuoteSelector', exact: sentence, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: points, end: points + [...sentence].length },
    ]);
    expect(match).toEqual({ start, end: start + sentence.length, method: 'position' });
  });
});
