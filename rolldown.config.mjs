// `npm run build` bundles the compiled CLI (dist/) into bundle/, which bin/loss-calc.js runs:
// one file to load instead of ~200 modules (zod alone is 95) took a one-file `estimate` from
// ~120 ms of module loading to ~45 ms. dist/ stays as tsc wrote it, for tests and tools.
// bundle/ sits beside dist/ so that the relative paths in the code still hold there:
// `../package.json` (version.ts) and `./worker.js` (batch/pool.ts: the worker entry below).
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { 'loss-calc': 'dist/cli.js', worker: 'dist/batch/worker.js' },
  platform: 'node',
  // loaded through their own files at run time (worker scripts, package.json reads, createRequire),
  // and only by batch or xlsx input anyway
  external: ['tinypool', 'exceljs', 'officecrypto-tool', 'cfb', 'date-holidays'],
  output: {
    dir: 'bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[name]-[hash].js',
    cleanDir: true,
  },
});
