import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeOrigin, locateServer, type ServerLocationInputs } from '../serverPath';

const base: ServerLocationInputs = {
  extensionPath: '/ext/ide-tracker-0.1.0',
  workspaceFolder: '/home/me/ide-tracker',
  homeDirectory: '/home/me',
  platform: 'linux',
};

describe('locating the server', () => {
  test('uses the executable bundled in the extension when nothing else is configured', () => {
    const server = locateServer(base);
    assert.deepEqual(server, {
      command: '/ext/ide-tracker-0.1.0/server/ide-tracker', args: [], path: '/ext/ide-tracker-0.1.0/server/ide-tracker',
      origin: 'bundled', runsWithDotnet: false,
    });
  });

  test('uses ide-tracker.exe inside the extension on Windows', () => {
    assert.match(locateServer({ ...base, platform: 'win32' }).path, /ide-tracker\.exe$/);
  });

  test('runs a .dll from the setting with dotnet', () => {
    const dll = '/home/me/ide-tracker/server/IdeTracker.Server/bin/Debug/net10.0/ide-tracker.dll';
    const server = locateServer({ ...base, settingPath: dll });
    assert.equal(server.command, 'dotnet');
    assert.deepEqual(server.args, [dll]);
    assert.equal(server.origin, 'setting');
    assert.equal(server.runsWithDotnet, true);
  });

  test('treats .DLL in capitals as a .dll too', () => {
    assert.equal(locateServer({ ...base, settingPath: '/x/IDE-TRACKER.DLL' }).command, 'dotnet');
  });

  test('runs any other path from the setting as an executable', () => {
    const server = locateServer({ ...base, settingPath: '/opt/ide-tracker/ide-tracker' });
    assert.equal(server.command, '/opt/ide-tracker/ide-tracker');
    assert.deepEqual(server.args, []);
  });

  test('prefers the environment variable over the setting', () => {
    const server = locateServer({ ...base, environmentPath: '/from/env/ide-tracker.dll', settingPath: '/from/setting/ide-tracker' });
    assert.equal(server.path, '/from/env/ide-tracker.dll');
    assert.equal(server.origin, 'environment');
  });

  test('ignores blank values', () => {
    assert.equal(locateServer({ ...base, environmentPath: '  ', settingPath: '' }).origin, 'bundled');
  });

  test('resolves a relative development path against the workspace folder', () => {
    const server = locateServer({ ...base, settingPath: 'server/IdeTracker.Server/bin/Debug/net10.0/ide-tracker.dll' });
    assert.equal(server.path, '/home/me/ide-tracker/server/IdeTracker.Server/bin/Debug/net10.0/ide-tracker.dll');
  });

  test('expands ~ to the home folder', () => {
    assert.equal(locateServer({ ...base, environmentPath: '~/builds/ide-tracker' }).path, '/home/me/builds/ide-tracker');
  });

  test('names where a path came from in words a person can act on', () => {
    assert.equal(describeOrigin('environment'), 'the environment variable IDE_TRACKER_SERVER_PATH');
    assert.equal(describeOrigin('setting'), 'the setting ideTracker.server.path');
  });
});
