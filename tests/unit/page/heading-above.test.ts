import { headingAbove } from '../../../lib/page/heading-above';

function rangeAt(text: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`no "${text}"`);
}

describe('headingAbove', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <header><h1>Devon children's services</h1></header>
      <article>
        <p>Intro paragraph.</p>
        <h2>  Care
          leavers </h2>
        <p>Personal advisers know them well.</p>
        <section><h3>Children in care</h3><p>Homes are stable.</p></section>
        <div id="own"><h2>Ofsted Annotator</h2></div>
        <p>Family time is planned.</p>
      </article>`;
  });
  const isOwn = (node: Node) => !!(node as Element).closest?.('#own');

  it('names the last heading before the passage, its white space collapsed', () => {
    expect(headingAbove(rangeAt('Personal advisers'), isOwn)).toBe('Care leavers');
    expect(headingAbove(rangeAt('Homes are stable'), isOwn)).toBe('Children in care');
    expect(headingAbove(rangeAt('Intro paragraph'), isOwn)).toBe("Devon children's services");
  });

  it("skips the extension's own headings", () => {
    expect(headingAbove(rangeAt('Family time'), isOwn)).toBe('Children in care');
  });

  it('gives no section for a passage before every heading, or inside a heading', () => {
    document.body.innerHTML = '<p>Before.</p><h2>After</h2>';
    expect(headingAbove(rangeAt('Before'), isOwn)).toBeUndefined();
    expect(headingAbove(rangeAt('After'), isOwn)).toBeUndefined();
  });
});
