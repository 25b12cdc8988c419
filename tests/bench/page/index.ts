// The in-browser half of the benchmark (npm run bench), bundled by ../vite.config.ts into one
// script that sets `globalThis.OfstedBench`; tests/bench/run.mjs drives it with playwright-core.
export {
  anchorCorpus,
  anchorLongPage,
  describeLongPage,
  indexLongPage,
  setUpCorpus,
  setUpLongPage,
} from './anchoring-cases';
export { paintOurs, paintWithMarks } from './painting-cases';
export { prepareProfile, runProfiled, runStore } from './store-cases';
