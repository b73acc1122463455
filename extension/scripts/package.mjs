// `npm run package` (from the root or here): publishes the server self-contained for linux-x64 into
// extension/server/, with the whisper.cpp libraries scripts/speech/install.sh builds (into the cache, once) copied
// into extension/server/whisper/, checks that it runs and transcribes, bundles the extension for production and packs
// both into out/ide-tracker-linux-x64.vsix at the repository root (git-ignored).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(extensionRoot, '..');
const target = 'linux-x64';
const serverDir = join(extensionRoot, 'server');
const vsixPath = join(repoRoot, 'out', `ide-tracker-${target}.vsix`);

function run(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`${command} failed (${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  return result;
}

function folderSize(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderSize(path) : statSync(path).size);
  }, 0);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// A fresh clone has no node_modules yet: esbuild and vsce come from the locked devDependencies.
if (!existsSync(join(repoRoot, 'node_modules', '@vscode', 'vsce'))) run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot });

// Trimming is off: StreamJsonRpc and System.Text.Json find the protocol types by reflection, which
// trimming is not proven to keep.
rmSync(serverDir, { recursive: true, force: true });
run('dotnet', ['publish', join(repoRoot, 'server', 'IdeTracker.Server'), '-c', 'Release', '-r', target, '--self-contained',
  '-p:PublishTrimmed=false', '-o', serverDir, '-nologo', '-v', 'q']);

// whisper.cpp, built once from its pinned source into the cache. A .vsix cannot hold symbolic links, so each library
// goes in once, under its soname (libwhisper.so.1, libggml.so.0, …): the names the libraries ask each other for.
const whisper = spawnSync('bash', [join(repoRoot, 'scripts', 'speech', 'install.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (whisper.status !== 0) {
  console.error('scripts/speech/install.sh failed: the server cannot be packaged without whisper.cpp.');
  process.exit(1);
}
const whisperLib = whisper.stdout.trim().split('\n').pop();
const bundledWhisper = join(serverDir, 'whisper');
mkdirSync(bundledWhisper, { recursive: true });
for (const name of readdirSync(whisperLib).filter((file) => /^lib(whisper|ggml[\w-]*)\.so\.\d+$/.test(file))) {
  copyFileSync(join(whisperLib, name), join(bundledWhisper, name));
}

/** One second of a 440 Hz tone as a 16 kHz mono 16-bit WAV. */
function toneWav() {
  const samples = 16_000;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'latin1');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'latin1');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16_000, 24);
  wav.writeUInt32LE(32_000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'latin1');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16_000)), 44 + i * 2);
  return wav;
}

// The published server must run on its own: scan a one-run Lightning workspace and read its JSON.
const probe = mkdtempSync(join(tmpdir(), 'ide-tracker-package-'));
try {
  mkdirSync(join(probe, 'lightning_logs', 'version_0'), { recursive: true });
  writeFileSync(join(probe, 'lightning_logs', 'version_0', 'hparams.yaml'), 'lr: 0.1\n');
  writeFileSync(join(probe, 'lightning_logs', 'version_0', 'metrics.csv'), 'epoch,step,val_acc\n0,9,0.5\n');
  const scan = spawnSync(join(serverDir, 'ide-tracker'), ['scan', probe, '--json', '--index', join(probe, 'index.db')],
    { encoding: 'utf8', timeout: 60_000 });
  const runs = scan.status === 0 ? JSON.parse(scan.stdout) : [];
  if (runs.length !== 1 || runs[0].name !== 'version_0') {
    console.error(`The published server did not scan a one-run workspace (exit ${scan.status}):\n${scan.stdout}${scan.stderr}`);
    process.exit(1);
  }
  // And transcribe with the libraries it carries, none other: no library folder set, an empty cache.
  const alone = { ...process.env, IDE_TRACKER_CACHE: join(probe, 'cache'), XDG_CACHE_HOME: join(probe, 'cache') };
  delete alone.IDE_TRACKER_WHISPER_LIB_DIR;
  writeFileSync(join(probe, 'tone.wav'), toneWav());
  run(join(serverDir, 'ide-tracker'), ['synthetic-model', join(probe, 'micro.bin'), '--shape', 'micro'], { env: alone, stdio: ['ignore', 'ignore', 'inherit'] });
  const heard = spawnSync(join(serverDir, 'ide-tracker'), ['transcribe', join(probe, 'tone.wav'), '--model', join(probe, 'micro.bin'), '--json'],
    { encoding: 'utf8', timeout: 120_000, env: alone });
  if (heard.status !== 0 || JSON.parse(heard.stdout).audioMs !== 1000) {
    console.error(`The published server did not transcribe with its own whisper.cpp (exit ${heard.status}):\n${heard.stdout}${heard.stderr}`);
    process.exit(1);
  }
} finally {
  rmSync(probe, { recursive: true, force: true });
}
console.log(`server: self-contained ${target} build checked (${mb(folderSize(serverDir))} in ${serverDir})`);

run(process.execPath, [join(extensionRoot, 'scripts', 'build.mjs'), '--production'], { cwd: extensionRoot });

mkdirSync(dirname(vsixPath), { recursive: true });
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
// The compare panel is blank without its webview bundle: make sure .vscodeignore lets it in.
const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: extensionRoot, encoding: 'utf8' });
for (const file of ['dist/extension.js', 'dist/webview/main.js', 'dist/webview/main.css']) {
  if (!listed.stdout.split(/\r?\n/).includes(file)) {
    console.error(`The .vsix would not carry ${file} (vsce ls: ${listed.status}):\n${listed.stdout}${listed.stderr}`);
    process.exit(1);
  }
}
run(process.execPath, [vsce, 'package', '--target', target, '--no-dependencies', '--allow-missing-repository',
  '--out', vsixPath], { cwd: extensionRoot });
if (!existsSync(vsixPath)) {
  console.error(`vsce reported success but ${vsixPath} is missing.`);
  process.exit(1);
}
console.log(`vsix: ${vsixPath} (${mb(statSync(vsixPath).size)})`);
