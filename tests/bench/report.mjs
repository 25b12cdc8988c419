// Turns the benchmark's results into rows of bench-results.json and the printed table.
// ratio = peer_ms / ours_ms: above 1, ours is that many times faster.

export const CASES = {
  exact: 're-anchor 1,000 exact annotations, 1 MB page',
  corpus: 're-anchor after edits (edit corpus)',
  paint: 'paint 1,000 highlights',
  resize: 'repaint 1,000 highlights after the page is resized',
  scroll: 'scroll a box holding 1,000 highlights (p95 frame)',
  hit: 'hit-test a click among 1,000 highlights',
  popup: 'popup first render, 10,000 annotations / 500 documents',
  dashboard: 'dashboard first render, 10,000 annotations / 500 documents',
  export: 'export 10,000 annotations (exportAllText: read, JSON text)',
  importFile: 'import 10,000 annotations (importFile: parse, check, write)',
  importContents: 'import 10,000 annotations (importContents: write only)',
  size: 'content script size, gzipped (KB)',
  teamFirstSync: 'team space: a profile connects with 10,000 annotations, until all are in another',
  teamLatency: 'team space: save in one profile to highlight in the other (median of 20)',
  teamIdle: 'team space: requests per minute per connected, idle profile',
};

const MARKS = '<mark> wrapping (@apache-annotator/dom highlightText)';
const HIGHLIGHT_API = "CSS Custom Highlight API (our previous web-page painter, still the viewer's)";

const ms = (x) =>
  x == null ? null : x < 10 ? Number(x.toPrecision(3)) : Number(x.toFixed(x < 1000 ? 1 : 0));
const failed = (...parts) => parts.filter((p) => p?.failed).map((p) => `failed: ${p.failed}`);
const runsOf = (t) => t?.runs?.length > 1 && `runs: ${t.runs.map((x) => Math.round(x)).join(', ')} ms`;
const oneRun = (who, t) => (t?.runs?.length === 1 ? [`${who}: 1 run (its warm-up took over 5 s)`] : []);

function row(name, ours, peer, peerName, notes = []) {
  const oursMs = ours?.timing?.median ?? ours?.median;
  const peerMs = peerName ? (peer?.timing?.median ?? peer?.median) : null;
  const ratio = oursMs && peerMs != null ? peerMs / oursMs : null;
  return {
    case: name,
    ours_ms: ms(oursMs),
    peer: peerName ?? null,
    peer_ms: ms(peerMs),
    ratio: ratio == null ? null : Number(ratio < 10 ? ratio.toPrecision(2) : ratio.toFixed(0)),
    ours_wrong: ours?.wrong ?? null,
    peer_wrong: peerName ? (peer?.wrong ?? null) : null,
    ours_orphans: ours?.orphans ?? null,
    peer_orphans: peerName ? (peer?.orphans ?? null) : null,
    note: notes.filter(Boolean).join('; ') || null,
  };
}

export function rowsFor(results) {
  const rows = [];
  const exact = results.exact ?? {};
  for (const [key, name] of results.peers) {
    rows.push(
      row(CASES.exact, exact.ours, exact[key], name, [
        ...failed(exact.ours, exact[key]),
        ...oneRun('peer', exact[key]?.timing),
        exact.index?.median != null && `ours: buildTextIndex ${ms(exact.index.median)} ms + anchorAll`,
      ]),
    );
  }

  const corpus = results.corpus ?? {};
  const setUp = corpus.setUp;
  for (const [key, name] of results.peers) {
    const notes = corpus.missing ? [corpus.missing] : [...failed(setUp, corpus.ours, corpus[key])];
    if (setUp && !setUp.failed) {
      notes.push(
        `${setUp.annotations} annotations on ${setUp.cases} edited pages, ${setUp.expectedOrphans} of them should become orphans` +
          (setUp.leftOut ? ` (${setUp.leftOut} left out: not found on their own original page)` : ''),
        `orphaned though still on the page: ours ${corpus.ours?.missed ?? '?'}, peer ${corpus[key]?.missed ?? '?'}`,
      );
    }
    rows.push(
      row(CASES.corpus, corpus.ours, corpus[key], name, [...notes, ...oneRun('peer', corpus[key]?.timing)]),
    );
  }

  const ours = results.paintOurs;
  const peers = [
    [results.paintHighlightApi, HIGHLIGHT_API],
    [results.paintMarks, MARKS],
  ];
  const frames = (r) =>
    r?.scroll &&
    `${r.scroll.slow} of ${r.scroll.frames} frames over 20 ms, median ${ms(r.scroll.medianMs)} ms`;
  for (const [peer, peerName] of peers) {
    rows.push(
      row(CASES.paint, ours?.paint, peer?.paint, peerName, [
        ...failed(ours, peer),
        'from the call until the next frame is rendered',
        `the call alone: ours ${ms(ours?.callMs)} ms (BoxPainter.paint), peer ${ms(peer?.callMs)} ms`,
        ours?.complete &&
          `ours draws the highlights that may be on screen first, the rest in idle time: every box drawn and rendered after ${ms(ours.complete.median)} ms`,
      ]),
      row(CASES.resize, ours?.resize, peer?.resize, peerName, [
        ...failed(ours, peer),
        "from a change of the page's width until the next frame; ours redraws every box (followLayout)",
      ]),
      row(
        CASES.scroll,
        ours?.scroll && { median: ours.scroll.p95Ms },
        peer?.scroll && { median: peer.scroll.p95Ms },
        peerName,
        [...failed(ours, peer), `ours: ${frames(ours)}`, `peer: ${frames(peer)}`],
      ),
      row(CASES.hit, ours?.hit, peer?.hit, peerName, [
        ...failed(ours, peer),
        peer === results.paintMarks
          ? 'ms per click: BoxPainter.hitTest(x, y) against document.elementFromPoint(x, y).closest("mark")'
          : 'ms per click: both hit-test the ranges they hold (PaintedSet.hitTest)',
        `found the highlight: ours ${ours?.hitFound ? 'yes' : 'no'}, peer ${peer?.hitFound ? 'yes' : 'no'}`,
      ]),
    );
  }

  const { popup, dashboard, store } = results;
  rows.push(
    row(CASES.popup, popup, null, null, [
      ...failed(popup),
      'from navigation until the page’s annotation count is in the DOM',
      runsOf(popup),
      popup?.shown?.text && `shows “${popup.shown.text}” for the news page`,
    ]),
    row(CASES.dashboard, dashboard, null, null, [
      ...failed(dashboard),
      'from navigation until the documents, filters, table and list are in the DOM',
      runsOf(dashboard),
    ]),
  );
  const storeNote =
    store &&
    !store.failed &&
    `${store.annotations} annotations, ${store.documents} documents, a ${(store.fileBytes / 2 ** 20).toFixed(1)} MB file`;
  rows.push(
    row(CASES.export, store?.export, null, null, [...failed(store), storeNote, runsOf(store?.export)]),
    row(CASES.importFile, store?.importFile, null, null, [
      ...failed(store),
      storeNote,
      'into an empty database',
      runsOf(store?.importFile),
    ]),
    row(CASES.importContents, store?.importContents, null, null, [
      ...failed(store),
      'into an empty database',
      runsOf(store?.importContents),
    ]),
  );

  const team = results.team;
  if (team?.failed) rows.push(row(CASES.teamFirstSync, null, null, null, failed(team)));
  else if (team) {
    rows.push(
      row(CASES.teamFirstSync, { median: team.firstSync.finished ? team.firstSync.ms : null }, null, null, [
        team.firstSync.finished
          ? `1 run; ${Math.round(10_000 / (team.firstSync.ms / 1000))} annotations/s, from Connect in one profile to the last arriving in the other`
          : `did not finish: ${team.firstSync.received} of 10,000 arrived in ${Math.round(team.firstSync.ms / 1000)} s (${(team.firstSync.received / (team.firstSync.ms / 1000)).toFixed(1)} annotations/s)`,
      ]),
      row(CASES.teamLatency, { median: team.latency.median }, null, null, [
        `p90 ${Math.round(team.latency.p90)} ms; runs: ${team.latency.runs.map(Math.round).join(', ')} ms; saved through the background, seen as the other page's highlight count`,
      ]),
      {
        ...row(CASES.teamIdle, null, null, null, ['over 60 s with nothing to sync, counted at the browser']),
        ours_requests_per_minute: team.idle.requestsPerMinute,
      },
    );
  }

  const size = results.size;
  if (size)
    rows.push({
      ...row(CASES.size, null, null, null, [
        `content.js: ${(size.raw / 1024).toFixed(1)} KB, ${(size.gzip / 1024).toFixed(1)} KB gzipped; content.css (in the shadow root) ${(size.cssGzip / 1024).toFixed(1)} KB gzipped`,
      ]),
      ours_kb: Number((size.gzip / 1024).toFixed(1)),
    });
  return rows;
}

export function printTable(rows) {
  const header = ['case', 'ours', 'peer', 'peer time', 'ratio', 'wrong ours/peer', 'orphans ours/peer'];
  const both = (a, b) => (a == null && b == null ? '' : `${a ?? '–'} / ${b ?? '–'}`);
  let last = '';
  const lines = rows.map((r) => {
    const name = r.case === last ? '' : r.case;
    last = r.case;
    return [
      name,
      r.ours_kb != null
        ? `${r.ours_kb} KB`
        : r.ours_requests_per_minute != null
          ? `${r.ours_requests_per_minute} / min`
          : r.ours_ms == null
            ? 'n/a'
            : `${r.ours_ms} ms`,
      r.peer ?? '',
      r.peer ? (r.peer_ms == null ? 'n/a' : `${r.peer_ms} ms`) : '',
      r.ratio == null ? '' : `${r.ratio}×`,
      both(r.ours_wrong, r.peer_wrong),
      both(r.ours_orphans, r.peer_orphans),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const line of lines) console.log(format(line));
  const notes = rows.filter((r) => r.note);
  if (notes.length) {
    console.log('\nNotes:');
    for (const r of notes) console.log(`- ${r.case}${r.peer ? ` / ${r.peer}` : ''}: ${r.note}`);
  }
}

/** The edit corpus by kind of edit: right / wrong / orphaned for each system. */
export function printCorpusByKind(results) {
  const corpus = results.corpus ?? {};
  const systems = [['ours', 'ours'], ...results.peers].filter(([key]) => corpus[key]?.byKind);
  if (systems.length === 0) return;
  const kinds = [...new Set(systems.flatMap(([key]) => Object.keys(corpus[key].byKind)))];
  const header = [
    'kind of edit',
    ...systems.map(([key, name]) => (key === 'ours' ? 'ours' : name.split(' (')[0])),
  ];
  const lines = kinds.map((kind) => [
    kind,
    ...systems.map(([key]) => {
      const t = corpus[key].byKind[kind];
      return t ? `${t.right} / ${t.wrong} / ${t.orphan}` : '';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log('\nEdit corpus by kind of edit (right / wrong / orphaned):');
  console.log(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const line of lines) console.log(format(line));
}
