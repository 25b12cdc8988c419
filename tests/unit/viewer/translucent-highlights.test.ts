import { highlightCss, highlightName } from '../../../lib/highlight/painter';
import { SEVERITY_LEVELS } from '../../../lib/taxonomy/severity';

describe('highlight colours in the PDF viewer', () => {
  it('are see-through, so the canvas text under the text layer shows, and leave the text colour alone', () => {
    const css = highlightCss({ translucent: true });
    for (const { level, color } of SEVERITY_LEVELS) {
      expect(css).toContain(
        `::highlight(${highlightName(level)}) { background-color: color-mix(in srgb, ${color} 45%, transparent); }`,
      );
    }
    expect(css).toMatch(/::highlight\(ofsted-annotator-flash\) \{ background-color: color-mix\(/);
    expect(css).not.toMatch(/color: (inherit|#fff)/);
  });

  it('stay solid on web pages', () => {
    const css = highlightCss();
    expect(css).toContain(`::highlight(${highlightName(4)}) { background-color: #ff8a80; color: inherit; }`);
    expect(css).toContain('::highlight(ofsted-annotator-flash) { background-color: #1a237e; color: #fff; }');
    expect(css).not.toContain('color-mix');
  });
});
