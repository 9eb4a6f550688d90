// Bundles the extension (client), the language server and the extension test suite with esbuild
// into dist/ as CommonJS, which is what VS Code loads. `npm run bundle` (`-- --production` to minify).
import {build} from 'esbuild';
import {mkdirSync} from 'node:fs';

const production = process.argv.includes('--production');
mkdirSync('dist', {recursive: true});
// ESM dependencies read import.meta.url; in a CommonJS bundle it comes from __filename.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild rewrites every /\p{…}/u literal as `new RegExp(…)` for any target (Unicode data varies by
  // version), which builds a fresh RegExp object on every call in the hot paths. Node 20 has them.
  supported: {'regexp-unicode-property-escapes': true},
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: {'import.meta.url': '__brief_import_meta_url'},
  banner: {js: "const __brief_import_meta_url = require('url').pathToFileURL(__filename).href;"},
};

await Promise.all([
  build({...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode']}),
  build({...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.cjs'}),
  // The preview's Markdown parser runs in a worker thread of the server (server/src/preview-renderer.ts).
  build({...common, entryPoints: ['server/src/render-worker.ts'], outfile: 'dist/render-worker.cjs'}),
  // The preview's webview script runs in the browser: no Node, no import.meta shim.
  build({entryPoints: ['client/preview-src/preview.ts'], outfile: 'dist/preview.js', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !production, minify: production, logLevel: 'warning'}),
]);
console.log(`bundled dist/extension.cjs, dist/server.cjs, dist/render-worker.cjs, dist/preview.js${production ? ' (production)' : ''}`);
