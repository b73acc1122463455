import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { locateServer } from '../serverPath';
import { explainStartFailure } from '../startFailure';

const inputs = { extensionPath: '/ext', homeDirectory: '/home/me', platform: 'linux' as const };

describe('explaining why the server did not start', () => {
  test('a missing development build says where the path came from and how to build it', () => {
    const server = locateServer({ ...inputs, environmentPath: '/repo/bin/ide-tracker.dll' });
    const failure = explainStartFailure(server, { kind: 'missing' });
    assert.equal(failure.message, 'ide-tracker cannot start its server: /repo/bin/ide-tracker.dll (named by the environment '
      + 'variable IDE_TRACKER_SERVER_PATH) does not exist. Build it with "dotnet build server/IdeTracker.Server", or correct '
      + 'the environment variable IDE_TRACKER_SERVER_PATH.');
    assert.equal(failure.offerSettings, false);
  });

  test('a missing bundled server asks for a reinstall and offers the setting', () => {
    const failure = explainStartFailure(locateServer(inputs), { kind: 'missing' });
    assert.match(failure.message, /\/ext\/server\/ide-tracker is missing from this installation\. Reinstall the extension/);
    assert.equal(failure.offerSettings, true);
  });

  test('a .dll without dotnet on the PATH says to install .NET', () => {
    const server = locateServer({ ...inputs, settingPath: '/repo/bin/ide-tracker.dll' });
    const failure = explainStartFailure(server, { kind: 'spawnFailed', error: 'Launching server using command dotnet failed. Error: spawn dotnet ENOENT' });
    assert.match(failure.message, /needs "dotnet" to run \/repo\/bin\/ide-tracker\.dll \(named by the setting ideTracker\.server\.path\)/);
    assert.equal(failure.offerSettings, true);
  });

  test('a server that exits during start points at the log', () => {
    const failure = explainStartFailure(locateServer(inputs), { kind: 'stoppedWhileStarting' });
    assert.equal(failure.message, 'The ide-tracker server (/ext/server/ide-tracker) stopped while starting. The log shows what it said.');
  });

  test('a server that keeps crashing says how often', () => {
    assert.match(explainStartFailure(locateServer(inputs), { kind: 'keepsCrashing', crashes: 5 }).message, /stopped unexpectedly 5 times/);
  });
});
