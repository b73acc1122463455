// Starts and stops a real VS Code (code-server from npm) for one test run.
// Everything it writes (user data, extensions, XDG config/data/cache, its log) lives in one run folder
// under the test output folder, so runs never touch ~ and never see each other's state.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { codeServerEntry, nodeBin, nodeBinDir, outputDir } from './paths.mjs';
import { waitFor } from './wait.mjs';

// Settings that keep the workbench free of welcome pages, trust prompts, tips and chat panels.
const cleanScreenshotSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * @param {object} options
 * @param {string} options.name               run folder name under test-output/e2e/runs (cleared first)
 * @param {string} options.workspace          absolute path of the folder code-server opens
 * @param {Record<string,string>} [options.env] extra environment for code-server and the extension host
 * @param {string[]} [options.extensions]     .vsix files installed before start
 * @param {Record<string,unknown>} [options.settings] user settings added to the clean-screenshot ones
 * @param {Record<string,unknown>} [options.machineSettings] the server machine's settings (Machine/settings.json):
 *                                            where a setting of "machine" scope lives when VS Code runs remotely,
 *                                            as code-server does (such settings in the user's file are ignored)
 * @param {boolean} [options.smokeTestDriver] start with enable-smoke-test-driver (extension-host tests;
 *                                            it also hides notification toasts)
 * @param {number} [options.readyTimeoutMs]
 */
export async function startCodeServer({
  name, workspace, env = {}, extensions = [], settings = {}, machineSettings = {}, smokeTestDriver = false, readyTimeoutMs = 30_000,
}) {
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed at ${codeServerEntry}: run scripts/e2e/install.sh first`);
  }
  const runDir = join(outputDir, 'runs', name);
  rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    xdgConfig: join(runDir, 'xdg', 'config'),
    xdgData: join(runDir, 'xdg', 'data'),
    xdgCache: join(runDir, 'xdg', 'cache'),
    xdgState: join(runDir, 'xdg', 'state'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const settingsFile = join(dirs.userData, 'User', 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...cleanScreenshotSettings, ...settings }, null, 2));
  mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
  writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify(machineSettings, null, 2));

  const port = await freePort();
  const configFile = join(runDir, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const processEnv = {
    ...process.env,
    ...env,
    PATH: `${nodeBinDir}:${process.env.PATH}`,
    // No extension gallery: code-server would otherwise query open-vsx.org, which this machine cannot
    // reach and tests must not depend on. Extensions come from .vsix files only.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_STATE_HOME: dirs.xdgState,
  };
  const commonArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', configFile];

  for (const vsix of extensions) installExtension(resolve(vsix), commonArgs, processEnv);

  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--reconnection-grace-time', '5',
    ...commonArgs,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  const logFile = join(runDir, 'code-server.log');
  const logFd = openSync(logFile, 'a');
  // detached: the child calls setsid, so it leads its own process group and stop() can end the whole
  // tree (extension host, language servers it spawned) with one signal.
  const child = spawn(nodeBin, args, { env: processEnv, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  let exited = false;
  const exitedPromise = new Promise((done) => child.once('exit', () => { exited = true; done(); }));
  // A test process that dies or is cancelled before stop() must not leave a VS Code running.
  const killOnExit = () => signalGroup(child.pid, 'SIGKILL');
  process.once('exit', killOnExit);

  const server = {
    port,
    runDir,
    logFile,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    /** The workbench URL opening `folder`, optionally with a smoke-test-driver payload. */
    workbenchUrl(folder = workspace, payload) {
      const query = new URLSearchParams({ folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${this.baseUrl}/?${query}`;
    },
    /** The user settings file (settings.json) of this VS Code. */
    userSettingsFile: settingsFile,
    /** The user settings as settings.json holds them now, with `changes` applied (undefined removes a setting). */
    userSettingsWith(changes) {
      const next = { ...JSON.parse(readFileSync(settingsFile, 'utf8')), ...changes };
      for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key];
      return next;
    },
    /** A path on this machine as the remote URI the workbench knows it by. */
    remoteUri(absolutePath) {
      return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      if (!exited) {
        signalGroup(child.pid, 'SIGTERM');
        const stopped = await Promise.race([exitedPromise.then(() => true), delay(5_000).then(() => false)]);
        if (!stopped) signalGroup(child.pid, 'SIGKILL');
        await exitedPromise;
      }
      // The group leader may go before its children: make sure none of them is left behind.
      signalGroup(child.pid, 'SIGKILL');
    },
  };

  try {
    await waitFor(async () => {
      if (exited) throw new Error(`code-server exited during start\n${tail(logFile)}`);
      return healthy(server.baseUrl);
    }, { timeoutMs: readyTimeoutMs, message: `code-server /healthz on port ${port}` });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

function installExtension(vsix, commonArgs, env) {
  const result = spawnSync(nodeBin, [codeServerEntry, ...commonArgs, '--install-extension', vsix],
    { env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}

async function healthy(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

function delay(ms) {
  return new Promise((done) => setTimeout(done, ms).unref());
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
