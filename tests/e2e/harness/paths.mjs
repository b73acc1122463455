// Where scripts/e2e/install.sh put the tools, and where the tests write what they produce.
// Keep the cache rule in step with install.sh.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheRoot = process.env.IDE_TRACKER_CACHE
  ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ide-tracker');

export const e2eCacheDir = join(cacheRoot, 'e2e');
export const nodeBinDir = join(e2eCacheDir, 'node', 'bin');
export const nodeBin = join(nodeBinDir, 'node');
export const codeServerEntry = join(e2eCacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const playwrightCoreEntry = join(e2eCacheDir, 'playwright', 'node_modules', 'playwright-core', 'index.mjs');
export const chromiumPath = '/usr/bin/chromium';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const outputDir = join(repoRoot, 'test-output', 'e2e');
