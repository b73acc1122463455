// Where the server comes from: a development build named by the environment or the settings, else the
// self-contained build inside the extension. A .dll runs with `dotnet`; anything else is an executable.
import { isAbsolute, join, resolve } from 'node:path';

export type ServerOrigin = 'environment' | 'setting' | 'bundled';

export interface ServerLocationInputs {
  /** IDE_TRACKER_SERVER_PATH. */
  readonly environmentPath?: string | undefined;
  /** ideTracker.server.path. */
  readonly settingPath?: string | undefined;
  readonly extensionPath: string;
  /** Relative development paths are taken from here (the repository a developer has open). */
  readonly workspaceFolder?: string | undefined;
  readonly homeDirectory: string;
  readonly platform: NodeJS.Platform;
}

export interface ServerCommand {
  readonly command: string;
  readonly args: string[];
  /** The file that must exist: the .dll or the executable. */
  readonly path: string;
  readonly origin: ServerOrigin;
  readonly runsWithDotnet: boolean;
}

export const serverPathVariable = 'IDE_TRACKER_SERVER_PATH';
export const serverPathSetting = 'ideTracker.server.path';

/** The environment wins over the setting so a test or a terminal session can point at a fresh build
 * without editing anyone's settings. */
export function locateServer(inputs: ServerLocationInputs): ServerCommand {
  const fromEnvironment = inputs.environmentPath?.trim();
  const fromSetting = inputs.settingPath?.trim();
  if (fromEnvironment) return commandFor(expand(fromEnvironment, inputs), 'environment');
  if (fromSetting) return commandFor(expand(fromSetting, inputs), 'setting');
  const executable = inputs.platform === 'win32' ? 'ide-tracker.exe' : 'ide-tracker';
  return commandFor(join(inputs.extensionPath, 'server', executable), 'bundled');
}

/** Where the path was configured, as a person would look for it. */
export function describeOrigin(origin: ServerOrigin): string {
  switch (origin) {
    case 'environment': return `the environment variable ${serverPathVariable}`;
    case 'setting': return `the setting ${serverPathSetting}`;
    case 'bundled': return 'the extension';
  }
}

function expand(path: string, inputs: ServerLocationInputs): string {
  const home = path === '~' || path.startsWith('~/') ? inputs.homeDirectory + path.slice(1) : path;
  if (isAbsolute(home)) return home;
  return inputs.workspaceFolder ? resolve(inputs.workspaceFolder, home) : resolve(home);
}

function commandFor(path: string, origin: ServerOrigin): ServerCommand {
  const runsWithDotnet = path.toLowerCase().endsWith('.dll');
  return runsWithDotnet
    ? { command: 'dotnet', args: [path], path, origin, runsWithDotnet }
    : { command: path, args: [], path, origin, runsWithDotnet };
}
