// Builds the server and shows what it finds: the run table of the sample runs in ../shared/corpus, or of
// the folder given as the first argument. (The VS Code side arrives with the extension.)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = resolve(process.argv[2] ?? join(root, '..', 'shared', 'corpus'));
if (!existsSync(folder)) {
  console.error(`No folder ${folder}: pass one, e.g. npm start -- ~/my-project`);
  process.exit(2);
}
const build = spawnSync('dotnet', ['build', 'server/IdeTracker.Server', '-c', 'Release', '-nologo', '-v', 'q'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const scan = spawnSync('dotnet', ['server/IdeTracker.Server/bin/Release/net10.0/ide-tracker.dll', 'scan', folder], { cwd: root, stdio: 'inherit' });
process.exit(scan.status ?? 1);
