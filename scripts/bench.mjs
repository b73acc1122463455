// Builds the benchmark in Release and runs it; it generates its workspaces outside the repository
// (in the user's cache folder) and prints its figures beside the targets in DESIGN.md.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync('dotnet', ['run', '-c', 'Release', '--project', 'tests/IdeTracker.Bench', '--', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
