import { anchorAll } from '../../../lib/anchoring/anchor-all';
import { describeRange } from '../../../lib/anchoring/describe';
import { buildTextIndex } from '../../../lib/anchoring/text-index';
import { showPage, textOf } from './helpers';

function sweep(page: string, selector: string) {
  let total = 0, placed = 0;
  const count = showPage(page).querySelectorAll(selector).length;
  for (let n = 0; n < count; n++) {
    const doc = showPage(page);
    const index = buildTextIndex(doc.body);
    const el = doc.querySelectorAll(selector)[n]!;
    const r = doc.createRange(); r.selectNodeContents(el);
    const d = describeRange(index, r); if (!d) continue;
    const ps = (d.selectors[1] as any).start as number;
    const body = d.quote;
    const words = body.split(' ');
    const phrases = new Set<string>([body, ...body.split(/(?<=[.,;:]) /)]);
    for (const len of [2, 3, 4, 6]) for (let i = 0; i + len <= words.length; i += 2) phrases.add(words.slice(i, i + len).join(' '));
    const items = [...phrases].filter(p => p.length > 3).map((p) => { const s = index.text.indexOf(p, ps); return describeRange(index, index.rangeFor(s, s + p.length)!)!; });
    const doc2 = showPage(page);
    doc2.querySelectorAll(selector)[n]!.remove();
    const results = anchorAll(buildTextIndex(doc2.body), items);
    for (const res of results) {
      total++;
      if (res.match) { placed++; console.log(n, res.match.method, JSON.stringify(res.item.quote), '=>', JSON.stringify(textOf(res.range!))); }
    }
  }
  console.log(page, 'total', total, 'placed', placed);
}
it('sweep', () => {
  sweep('report-devon-2025.html', 'p.numbered, ul.improve li');
  sweep('news-devon-ofsted-2022.html', 'article p, article blockquote, h1');
  sweep('provider-news-devon-stabilised-workforce.html', '.content p, .content li, blockquote');
}, 600000);
