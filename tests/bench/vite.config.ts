import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Bundles the in-browser half of the benchmark (page/index.ts: our anchoring, painter and
// database code, and the peer libraries) into one classic script that sets
// `globalThis.OfstedBench`. tests/bench/run.mjs builds it in memory (no files written).
export default defineConfig({
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./page/index.ts', import.meta.url)),
      formats: ['iife'],
      name: 'OfstedBench',
      fileName: () => 'bench.js',
    },
  },
});
