// `npm start`: builds the server and the extension, packs the .vsix, and opens a real VS Code
// (code-server, from the e2e tool cache) on 127.0.0.1 with the extension installed, on a generated demo
// workspace with a run that keeps logging (in the cache folder, never in the repository) — or on the
// folder given: `npm start -- <folder>`. Prints the URL to open; Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultDemoFolder, ensureDemoWorkspace, liveRunFolder, resetLiveRun } from './demo/workspace.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsix = join(root, 'out', 'ide-tracker-linux-x64.vsix');
const harness = join(root, 'tests', 'e2e', 'harness', 'codeServer.mjs');

function step(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const userFolder = process.argv[2];
const folder = userFolder ? resolve(userFolder) : defaultDemoFolder();
if (userFolder && !(existsSync(folder) && statSync(folder).isDirectory())) {
  console.error(`No folder ${folder}: pass one, e.g. npm start -- ~/my-project`);
  process.exit(2);
}
if (!existsSync(harness)) {
  console.error(`${harness} is missing: npm start runs VS Code through the e2e harness (tests/e2e).`);
  process.exit(1);
}

step(process.execPath, [join(root, 'extension', 'scripts', 'package.mjs')]);
step('bash', [join(root, 'scripts', 'e2e', 'install.sh')]);

let live;
if (!userFolder) {
  const written = ensureDemoWorkspace(folder);
  console.log(written > 0 ? `Demo workspace: ${written} runs written to ${folder}` : `Demo workspace: ${folder}`);
  if (written > 0 && !existsSync(join(folder, '.ide-tracker', 'runs'))) annotateDemo(folder);
  resetLiveRun(folder);
  live = spawn(process.execPath, [join(root, 'scripts', 'demo', 'liveRun.mjs'), liveRunFolder(folder)], { stdio: 'inherit' });
}

/** Stars, tags and notes on a few demo runs, written by the packaged server's own `annotate` verb, so the
 * demo shows them (and .ide-tracker/ holds what a user would commit). */
function annotateDemo(workspace) {
  const server = join(root, 'extension', 'server', 'ide-tracker');
  const notes = [
    ['baseline-0', '--star', '--tag', 'baseline', '--note', 'The reference every change is measured against.'],
    ['resnet50-lr0.01-bs64-0', '--star', '--tag', 'candidate', '--note', 'Best of the sweep so far; try a longer schedule.'],
    ['bert-base-search-0', '--tag', 'search'],
  ];
  for (const [run, ...options] of notes) {
    const result = spawnSync(server, ['annotate', workspace, run, ...options], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) console.warn(`Could not annotate the demo run ${run}: ${(result.stderr || result.stdout || '').trim()}`);
  }
}

const { startCodeServer } = await import(pathToFileURL(harness).href);
const server = await startCodeServer({ name: 'start', workspace: folder, extensions: [vsix], readyTimeoutMs: 60_000 });
console.log(`\nVS Code with ide-tracker is running on ${folder}${live ? ' (the run "mnist-cnn-live" keeps logging)' : ''}.`);
console.log(`Open ${server.workbenchUrl()} and click Experiments in the activity bar.`);
console.log(`Its log: ${server.logFile}. Ctrl+C stops it.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  live?.kill('SIGTERM');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
