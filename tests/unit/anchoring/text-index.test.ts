import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { FIXTURE_PAGES, showPage, showHtml } from './helpers';

function textOfHtml(html: string, skip?: (el: Element) => boolean): string {
  return buildTextIndex(showHtml(html).body, { skip }).text;
}

describe('buildTextIndex', () => {
  it('collapses each run of white space to one space, with none at the ends', () => {
    expect(textOfHtml('<p>\n  Children \t in\u00a0 care\n</p>  ')).toBe('Children in care');
  });

  it('separates block elements and line breaks with a space, but not inline elements', () => {
    expect(textOfHtml('<h1>Title</h1><p>One<br>two</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Title One two a b',
    );
    expect(textOfHtml('<table><tr><th>Judgement</th><td>Grade</td></tr></table>')).toBe('Judgement Grade');
    expect(textOfHtml('<p>un<strong>der</strong><a href="#">stood</a> <em>well</em></p>')).toBe(
      'understood well',
    );
  });

  it('joins a word hyphenated across a line break, as a PDF text layer breaks lines', () => {
    const layer = '<div><span>those at risk of extra-</span><br><span>familial harm</span></div>';
    expect(textOfHtml(layer)).toBe('those at risk of extra-familial harm');
  });

  it('keeps the space after a hyphen at a line break before a capital, and at a block boundary', () => {
    expect(textOfHtml('<div><span>Devon -</span><br><span>Torbay</span></div>')).toBe('Devon - Torbay');
    expect(textOfHtml('<div><span>North-</span><br><span>East</span></div>')).toBe('North- East');
    expect(textOfHtml('<p>well-</p><p>known</p>')).toBe('well- known');
  });

  it('maps a hyphen joined across a line break back to both lines', () => {
    const doc = showHtml('<div><span>extra-</span><br><span>familial harm</span></div>');
    const index = buildTextIndex(doc.body);
    const range = index.rangeFor(0, 'extra-familial'.length)!;
    expect(range.toString().replace(/\s+/g, '')).toBe('extra-familial');
    expect(range.startContainer.parentElement!.textContent).toBe('extra-');
    expect(range.endContainer.parentElement!.textContent).toBe('familial harm');
  });

  it('skips script, style, noscript, template, textarea and hidden elements', () => {
    const html =
      '<p>kept</p><script>var x = 1;</script><style>p{}</style><noscript>no</noscript>' +
      '<template>t</template><textarea>typed</textarea><div hidden>secret</div><p>too</p>';
    expect(textOfHtml(html)).toBe('kept too');
  });

  it('skips elements chosen by the skip option', () => {
    const text = textOfHtml('<p>page</p><div class="own-ui">toolbar</div><p>text</p>', (el) =>
      el.classList.contains('own-ui'),
    );
    expect(text).toBe('page text');
  });

  it.each(FIXTURE_PAGES)('indexes %s as visible text only, without double or edge spaces', (page) => {
    const doc = showPage(page);
    const { text } = buildTextIndex(doc.body);
    expect(text).toContain(doc.querySelector('h1')!.textContent!.trim());
    expect(text).not.toMatch(/\s\s|^\s|\s$|[\t\n\u00a0]/);
    expect(text).not.toMatch(/font-family|<\/?[a-z]+>/);
  });

  it('never indexes the head, even from the document node', () => {
    const doc = showHtml('<html><head><title>Head</title></head><body><p>Body</p></body></html>');
    expect(buildTextIndex(doc.body).text).toBe('Body');
    expect(buildTextIndex(doc).text).toBe('Body');
  });
});

describe('TextIndex.rangeFor', () => {
  it('returns a range with both ends in text nodes, covering exactly the offsets', () => {
    const doc = showHtml('<p>The <strong>front door</strong> responds</p><p>to contacts.</p>');
    const index = buildTextIndex(doc.body);
    const range = index.rangeFor(index.text.indexOf('door'), index.text.indexOf(' contacts'))!;
    expect(range.startContainer.nodeType).toBe(Node.TEXT_NODE);
    expect(range.endContainer.nodeType).toBe(Node.TEXT_NODE);
    expect(range.toString()).toBe('door respondsto');
  });

  it('maps collapsed white space back to the raw offsets', () => {
    const doc = showHtml('<p>foo \n   bar</p>');
    const index = buildTextIndex(doc.body);
    expect(index.text).toBe('foo bar');
    const bar = index.rangeFor(4, 7)!;
    expect([bar.startOffset, bar.endOffset]).toEqual([8, 11]);
    expect(index.rangeFor(0, 4)!.toString()).toBe('foo \n   ');
    expect(index.rangeFor(3, 7)!.toString()).toBe(' \n   bar');
  });

  it('returns null for offsets out of bounds or an empty span', () => {
    const index = buildTextIndex(showHtml('<p>short</p>').body);
    expect(index.rangeFor(-1, 2)).toBeNull();
    expect(index.rangeFor(2, 6)).toBeNull();
    expect(index.rangeFor(3, 3)).toBeNull();
    expect(index.rangeFor(4, 2)).toBeNull();
    expect(index.rangeFor(0, 5)!.toString()).toBe('short');
  });
});

describe('TextIndex.offsetAt', () => {
  it.each(FIXTURE_PAGES)('inverts rangeFor at each of the first 6,000 characters of %s', (page) => {
    const index = buildTextIndex(showPage(page).body);
    const checked = Math.min(index.text.length, 6000); // happy-dom makes ranges slowly
    for (let i = 0; i < checked; i++) {
      const range = index.rangeFor(i, i + 1)!;
      expect(index.offsetAt(range.startContainer, range.startOffset)).toBe(i);
      expect(index.offsetAt(range.endContainer, range.endOffset)).toBe(i + 1);
    }
  });

  it('maps element boundary points to the text before or after a child', () => {
    const doc = showHtml('<p id="a">One<em>two</em>.</p><p id="b">Three</p>');
    const index = buildTextIndex(doc.body);
    const a = doc.getElementById('a')!;
    expect(index.text).toBe('Onetwo. Three');
    expect(index.offsetAt(a, 0)).toBe(0);
    expect(index.offsetAt(a, 1)).toBe(3); // before <em>
    expect(index.offsetAt(a, 3)).toBe(7); // the end of the first paragraph
    expect(index.offsetAt(doc.body, 2)).toBe(13); // the end of the text
    // Between the paragraphs: either side of the space that separates them.
    expect([7, 8]).toContain(index.offsetAt(doc.body, 1));
    expect([7, 8]).toContain(index.offsetAt(doc.getElementById('b')!, 0));
  });

  it('returns null inside skipped elements and outside the root', () => {
    const doc = showHtml('<div id="root"><p>in</p><script>code</script><p hidden>gone</p></div><p>out</p>');
    const index = buildTextIndex(doc.getElementById('root')!);
    expect(index.offsetAt(doc.querySelector('script')!.firstChild!, 1)).toBeNull();
    expect(index.offsetAt(doc.querySelector('[hidden]')!, 0)).toBeNull();
    expect(index.offsetAt(doc.body.lastChild!.firstChild!, 1)).toBeNull();
    expect(index.offsetAt(doc.getElementById('root')!, 1)).toBe(2); // just before the script
  });
});
