// npm run eval: how well lib/suggest proposes themes and a severity for the labelled passages
// of ../shared/fixtures/suggestions/dev.jsonl, cold and with cross-validated learning.
// Figures, not pass/fail. Loads the TypeScript through Vite's module runner (Node 20 has no
// type stripping); the work is in suggest-eval.ts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));
const { module } = await runnerImport(join(HERE, 'suggest-eval.ts'), {
  configFile: false,
  logLevel: 'error',
});
await module.main(process.argv.slice(2));
