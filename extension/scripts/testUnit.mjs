// Type-checks the extension and the webview, bundles every src/**/__tests__/*.test.ts and
// webview/**/__tests__/*.test.ts with `vscode` replaced by a small stub, and runs them with node's test
// runner: a readable report on stdout, and TAP (which ends with
// "# pass N" / "# fail N") in out/unit/results.tap for scripts/test.mjs to count.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'unit');

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return dir.endsWith('__tests__') && entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Gone before anything can fail, so a results.tap from an earlier run is never counted again.
rmSync(outDir, { recursive: true, force: true });

for (const project of [root, join(root, 'webview')]) {
  const typecheck = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', project, '--noEmit'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (typecheck.status !== 0) {
    console.error(`${relative(root, project) || 'The extension'} does not type-check; no unit test ran.`);
    process.exit(1);
  }
}

const stub = join(root, 'src', 'test', 'unit', 'vscodeStub.ts');
const vscodeStub = {
  name: 'vscode-stub',
  setup(b) {
    b.onResolve({ filter: /^vscode$/ }, () => ({ path: stub }));
  },
};

const sources = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'webview'))];
await build({
  absWorkingDir: root,
  entryPoints: sources.map((file) => relative(root, file)),
  outdir: outDir,
  outbase: '.',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  plugins: [vscodeStub],
  // The webview tests' DOM is loaded from node_modules as it is, not bundled.
  external: ['happy-dom'],
  logLevel: 'warning',
});

const bundles = sources.map((file) => join(outDir, relative(root, file)).replace(/\.ts$/, '.js'));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${join(outDir, 'results.tap')}`, ...bundles],
  { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
