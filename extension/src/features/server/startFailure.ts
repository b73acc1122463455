// What to tell a person when the server cannot start: what went wrong, in their terms, and what to do.
import { describeOrigin, serverPathSetting, type ServerCommand } from './serverPath';

export type StartProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'notExecutable' }
  | { readonly kind: 'spawnFailed'; readonly error: string }
  | { readonly kind: 'stoppedWhileStarting'; readonly error?: string }
  | { readonly kind: 'keepsCrashing'; readonly crashes: number };

export interface StartFailure {
  readonly message: string;
  /** True when the fix is a setting: the message then offers to open it. */
  readonly offerSettings: boolean;
}

export function explainStartFailure(server: ServerCommand, problem: StartProblem): StartFailure {
  const origin = describeOrigin(server.origin);
  const configured = server.origin !== 'bundled';
  switch (problem.kind) {
    case 'missing':
      return configured
        ? {
          message: `ide-tracker cannot start its server: ${server.path} (named by ${origin}) does not exist. `
            + `Build it with "dotnet build server/IdeTracker.Server", or correct ${origin}.`,
          offerSettings: server.origin === 'setting',
        }
        : {
          message: `ide-tracker cannot start its server: ${server.path} is missing from this installation. `
            + `Reinstall the extension, or point the setting ${serverPathSetting} at a server build.`,
          offerSettings: true,
        };
    case 'notExecutable':
      return {
        message: `ide-tracker cannot start its server: ${server.path} (from ${origin}) is not executable. `
          + `Make it executable (chmod +x), or point ${configured ? origin : `the setting ${serverPathSetting}`} at ide-tracker.dll.`,
        offerSettings: server.origin !== 'environment',
      };
    case 'spawnFailed':
      if (server.runsWithDotnet && /ENOENT/.test(problem.error)) {
        return {
          message: `ide-tracker needs "dotnet" to run ${server.path} (named by ${origin}), and "dotnet" was not found. `
            + 'Install the .NET 10 runtime, or point it at the self-contained server executable instead.',
          offerSettings: server.origin === 'setting',
        };
      }
      return {
        message: `ide-tracker could not launch its server ${server.path}: ${problem.error}`,
        offerSettings: server.origin === 'setting',
      };
    case 'stoppedWhileStarting':
      return {
        message: `The ide-tracker server (${server.path}) stopped while starting${problem.error ? `: ${problem.error}` : ''}. `
          + 'The log shows what it said.',
        offerSettings: false,
      };
    case 'keepsCrashing':
      return {
        message: `The ide-tracker server stopped unexpectedly ${problem.crashes} times in a few minutes and was not started again. `
          + 'The log shows what it said.',
        offerSettings: false,
      };
  }
}
