import { readFileSync } from 'node:fs';
import { anchorQuote } from '../../../lib/anchoring/anchor';
import type { Selector } from '../../../lib/model';
it('bench 1MB x 1000', () => {
  const report = readFileSync('/tmp/report-devon-2025.html.txt', 'utf8');
  const parts: string[] = [];
  for (let i = 0; parts.join(' ').length < 1_000_000; i++) parts.push(`Copy ${i} of the report, edition ${i * 7919 % 1000}. ${report}`);
  const text = parts.join(' ');
  console.log('text length', text.length);
  const sels: Selector[][] = [];
  for (let i = 0; i < 1000; i++) {
    const start = Math.floor((i + 0.5) * text.length / 1000);
    const s = text.indexOf(' ', start) + 1; const e = text.indexOf(' ', s + 60);
    sels.push([{ type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(s - 32, s), suffix: text.slice(e, e + 32) }, { type: 'TextPositionSelector', start: s, end: e }]);
  }
  let t = performance.now(); let n = 0;
  for (const s of sels) if (anchorQuote(text, s)?.method === 'position') n++;
  console.log('unchanged: position', n, 'ms', performance.now() - t);
  const shifted = 'Advertisement. '.repeat(10) + text;
  t = performance.now(); n = 0;
  for (const s of sels) if (anchorQuote(shifted, s)?.method === 'exact') n++;
  console.log('shifted 150 chars: exact', n, 'ms', performance.now() - t);
  t = performance.now(); n = 0;
  const some = sels.slice(0, 20).map((s) => s.map((x) => x.type === 'TextQuoteSelector' ? { ...x, exact: x.exact + ' zzzz qqqq wwww xxxx yyyy vvvv' } : x));
  for (const s of some) if (anchorQuote(text, s) === null) n++;
  console.log('20 orphans', n, 'ms', performance.now() - t);
}, 600000);
