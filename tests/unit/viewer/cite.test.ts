import { cite, rangeItems } from '../../../lib/viewer/cite';

// Two pages of the viewer's text layer as lib/viewer/pages.ts builds them: pdf.js's spans, one
// per text item, a <br> after items that end a line, and empty items left out of the DOM.
function layOut(): HTMLElement {
  document.body.innerHTML = `
    <div class="viewer-pages">
      <div class="pdf-page" data-page="2"><div class="canvas-wrapper"></div><div class="textLayer"
        ><span data-item="66">delay on children meant that escalating support needs were not always</span><br
        ><span data-item="67">recognised. A recently fully staffed service has significantly reduced waiting lists</span><br
        ><span data-item="68">and improved the speed of response.</span><div class="endOfContent"></div
      ></div></div>
      <div class="pdf-page" data-page="3"><div class="canvas-wrapper"></div><div class="textLayer"
        ><span data-item="0">Inspection of Devon local authority children’s services</span><br
        ><span data-item="7">3.</span><span data-item="8"> </span
        ><span data-item="9">The application of thresholds for targeted early help support is appropriate,</span><br
      ></div></div>
    </div>
    <header data-viewer-ui><h1>Inspection of Devon</h1></header>`;
  return document.querySelector('.viewer-pages')!;
}

const item = (page: number, index: number) =>
  document.querySelector(`[data-page="${page}"] [data-item="${index}"]`)!.firstChild as Text;

function range(start: [Node, number], end: [Node, number]): Range {
  const r = document.createRange();
  r.setStart(...start);
  r.setEnd(...end);
  return r;
}

describe('cite', () => {
  beforeEach(layOut);

  it('gives the page of a passage within one line', () => {
    expect(cite(range([item(2, 67), 12], [item(2, 67), 40]))).toEqual({ page: 2 });
  });

  it('gives the page of a passage over a line break', () => {
    expect(cite(range([item(2, 66), 30], [item(2, 67), 11]))).toEqual({ page: 2 });
  });

  it('gives the first and last page of a passage over a page break', () => {
    expect(cite(range([item(2, 67), 12], [item(3, 9), 20]))).toEqual({ page: 2, pageEnd: 3 });
  });

  it('asks placeOf where the first item stands, and cites its paragraph and section', () => {
    const placeOf = vi.fn(() => ({
      paragraph: 2,
      section: 'The experiences and progress of children who need help and protection',
    }));
    expect(cite(range([item(2, 67), 12], [item(3, 9), 20]), placeOf)).toEqual({
      page: 2,
      pageEnd: 3,
      paragraph: 2,
      section: 'The experiences and progress of children who need help and protection',
    });
    expect(placeOf).toHaveBeenCalledWith(2, 67);
  });

  it('leaves out what placeOf does not know', () => {
    expect(cite(range([item(3, 9), 0], [item(3, 9), 10]), () => ({}))).toEqual({ page: 3 });
  });

  it('does not cite a page the passage only touches at its very edge', () => {
    // Dragged from the end of page 2's last line into page 3.
    const fromLineEnd = range([item(2, 68), item(2, 68).length], [item(3, 9), 20]);
    expect(cite(fromLineEnd)).toEqual({ page: 3 });
    // Dragged to the very start of page 3.
    const toPageStart = range([item(2, 67), 12], [item(3, 0), 0]);
    expect(cite(toPageStart)).toEqual({ page: 2 });
  });

  it('finds the items when the range is set between elements', () => {
    const layer2 = document.querySelector('[data-page="2"] .textLayer')!;
    const layer3 = document.querySelector('[data-page="3"] .textLayer')!;
    expect(rangeItems(range([layer2, 2], [layer3, 2]))).toEqual({
      start: { page: 2, item: 67 },
      end: { page: 3, item: 0 },
    });
  });

  it('cites nothing outside the text layer', () => {
    const heading = document.querySelector('h1')!.firstChild!;
    expect(cite(range([heading, 0], [heading, 10]))).toBeUndefined();
  });
});
