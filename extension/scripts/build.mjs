// Bundles the extension with esbuild: dist/extension.js and the compare panel's webview bundle
// dist/webview/main.{js,css} (what the .vsix carries), and the extension-host test modules in
// dist/test/extensionHost/ (run from the source folder, never packaged).
// `--production` minifies and leaves out source maps.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
});

// The webview runs in a browser sandbox under a CSP that allows only this one script and stylesheet.
await build({
  absWorkingDir: root,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  logLevel: 'warning',
  entryPoints: ['webview/main.ts'],
  outdir: 'dist/webview',
  minify: production,
  sourcemap: production ? false : 'inline',
});

const hostTests = join(root, 'src', 'test', 'extensionHost');
await build({
  ...common,
  entryPoints: readdirSync(hostTests).filter((f) => f.endsWith('.ts')).map((f) => `src/test/extensionHost/${f}`),
  outdir: 'dist/test/extensionHost',
  // mocha loads its reporters by name at run time, so it stays a normal require from node_modules.
  external: ['vscode', 'mocha'],
  sourcemap: true,
});
