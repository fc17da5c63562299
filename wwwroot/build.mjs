// Bundles the workspace into dist/workspace.js and the QA lead's read-only viewer into
// dist/qa-viewer.js (ES modules; CSS is inlined as text and injected on mount, so the host page
// only imports the module).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const started = Date.now();
const result = await build({
  entryPoints: { workspace: here('./src/workspace.js'), 'qa-viewer': here('./src/qa-viewer.js') },
  splitting: false,
  outdir: here('./dist'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  metafile: true,
  loader: { '.css': 'text' },
  // Some of Cornerstone's dependencies require Node's 'url'; the browser has URL already.
  alias: { url: here('./src/shims/url.js') },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const out = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
for (const [file, { bytes }] of out) console.log(`${file}  ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`built in ${Date.now() - started} ms`);
