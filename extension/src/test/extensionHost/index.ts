// Extension-host tests: the @vscode/test-electron `run()` contract. The e2e harness
// (tests/e2e/harness/extensionHostTests.mjs) loads this module inside a real VS Code whose workspace
// holds runs, with IDE_TRACKER_SERVER_PATH pointing at a server build or the server bundled under
// extension/server/. Build first: `npm run build -w extension` writes dist/test/extensionHost/.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
