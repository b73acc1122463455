// Runs every test suite and ends with one line: "N passed, N failed".
// Each suite's counts come from its own machine-readable results (TRX for dotnet, the TAP summary of
// node's test runner for the extension and the end-to-end tests), not from a runner's prose.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-output', 'dotnet');
let passed = 0;
let failed = 0;

function run(command, args, options = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function countTrx(dir) {
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.trx'));
  } catch {
    return { passed: 0, failed: 0, files: 0 };
  }
  let p = 0;
  let f = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const counters = /<Counters\b[^>]*>/.exec(text)?.[0] ?? '';
    const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
    p += attr('passed');
    f += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
  }
  return { passed: p, failed: f, files: files.length };
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const suites = ['tests/IdeTracker.Core.Tests', 'tests/IdeTracker.Server.Tests'];

// whisper.cpp's shared library, built once from its pinned source into the cache (skipped when there); the
// dotnet tests load it from the folder the script prints last. A failed build is reported here, and the tests
// that need the library then fail saying where they looked.
console.log('\n$ bash scripts/speech/install.sh');
const whisper = spawnSync('bash', [join(root, 'scripts', 'speech', 'install.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const whisperLib = whisper.status === 0 ? whisper.stdout.trim().split('\n').pop() : undefined;
if (whisperLib) process.env.IDE_TRACKER_WHISPER_LIB_DIR = whisperLib;
else console.log(`scripts/speech/install.sh failed (exit ${whisper.status ?? whisper.signal}); the tests that load whisper.cpp will fail.`);
if (run('dotnet', ['build', 'ide-tracker.sln', '-nologo', '-v', 'q']) !== 0) {
  console.log('\nThe build failed, so no test ran.');
  failed += suites.length;
} else {
  for (const suite of suites) {
    const dir = join(resultsDir, suite.split('/').pop());
    const code = run('dotnet', ['test', suite, '--no-build', '-nologo', '--logger', 'trx', '--results-directory', dir,
      '--', 'RunConfiguration.TestSessionTimeout=1200000']);
    const counts = countTrx(dir);
    passed += counts.passed;
    failed += counts.failed;
    if (code !== 0 && counts.failed === 0) {
      console.log(`${suite}: the test run failed without reporting a failed test (exit ${code}); counted as one failure.`);
      failed += 1;
    }
  }
}

// The extension's unit tests (a stubbed vscode, node's test runner). A fresh clone has no node_modules:
// install the locked devDependencies first.
if (!existsSync(join(root, 'node_modules', 'esbuild')) && run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
  console.log('npm ci failed, so the extension tests did not run.');
  failed += 1;
} else {
  const code = run('npm', ['run', 'test:unit', '--workspace', 'extension']);
  let tap = '';
  try {
    tap = readFileSync(join(root, 'extension', 'out', 'unit', 'results.tap'), 'utf8');
  } catch {
    // No TAP file: the tests did not get to run (a type error, a failed bundle); the exit code says so.
  }
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail');
  if (code !== 0 && count('fail') === 0) {
    console.log(`extension unit tests: the run failed without reporting a failed test (exit ${code}); counted as one failure.`);
    failed += 1;
  }
}

// End-to-end: the scenarios install exactly the packaged .vsix into a real VS Code (code-server driven
// through chromium). tests/e2e/run.sh installs the tools it needs (skipped when present) and prints TAP.
if (run('npm', ['run', 'package']) !== 0) {
  console.log('npm run package failed, so the end-to-end tests did not run.');
  failed += 1;
} else {
  console.log('\n$ bash tests/e2e/run.sh');
  const e2e = spawnSync('bash', ['tests/e2e/run.sh'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const tap = e2e.stdout ?? '';
  process.stdout.write(tap);
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail');
  if (e2e.status !== 0 && count('fail') === 0) {
    console.log(`end-to-end tests: the run failed without reporting a failed test (exit ${e2e.status ?? e2e.signal}); counted as one failure.`);
    failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
