import { highlightCss, highlightName } from '../../../lib/highlight/highlight-api-painter';
import { SEVERITY_LEVELS } from '../../../lib/taxonomy/severity';

describe('highlight colours in the PDF viewer', () => {
  it('are see-through, so the canvas text under the text layer shows, and leave the text colour alone', () => {
    const css = highlightCss();
    for (const { level, color } of SEVERITY_LEVELS) {
      expect(css).toContain(
        `::highlight(${highlightName(level)}) { background-color: color-mix(in srgb, ${color} 45%, transparent); }`,
      );
    }
    expect(css).toMatch(/::highlight\(ofsted-annotator-flash\) \{ background-color: color-mix\(/);
    expect(css).not.toMatch(/color: (inherit|#fff)/);
  });
});
