// The running server, seen from the rest of the extension: its state, its notifications and typed
// requests. It owns one LanguageClient at a time, restarts a server that dies (a few times), and says
// plainly what to do when it cannot start.
import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind,
  type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CodeLensRequest, InlayHintRequest, WorkDoneProgress,
  type CancellationToken, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport, type MessageSignature, type RequestParam, type RequestType,
} from 'vscode-languageserver-protocol';
import { configClientOptions } from '../configs/configClientOptions';
import { fireProviderChanges } from '../configs/providerRefresh';
import { failsQuietly } from '../configs/quietRequests';
import {
  IndexStatusNotification, NotesChangedNotification, ReindexRequest, RunsChangedNotification,
  type IndexStatusParams, type NotesChangedParams, type RunsChangedParams,
} from '../../protocol';
import { buildInitializationOptions } from './initializationOptions';
import { RestartPolicy } from './restartPolicy';
import { runFilesGlob } from './runFiles';
import { locateServer, serverPathSetting, serverPathVariable, type ServerCommand } from './serverPath';
import { explainStartFailure, type StartProblem } from './startFailure';
import { createTraceChannel } from './traceChannel';

export type ServerState = 'stopped' | 'starting' | 'running' | 'failed';

export class ServerNotRunningError extends Error {
  constructor() {
    super('The ide-tracker server is not running.');
  }
}


// A folder created or deleted whole is reported once, for the folder itself, so creations and deletions are watched everywhere.
const everythingGlob = '**/*';

/** vscode-languageclient insists on showing some failures itself; this session shows its own, with a
 * Retry button, so those are written to the log only. A hover, code lens or inlay hint that fails (a config
 * being typed) answers with nothing instead of an error (see quietRequests.ts). */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }

  override handleFailedRequest<T>(type: MessageSignature, token: CancellationToken | undefined, error: unknown, defaultValue: T,
    showNotification = true, throwOnCancel = false): T {
    if (!failsQuietly(type.method, error)) return super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
    this.warn(`${type.method} failed; answered with nothing.`, error, false);
    return defaultValue;
  }
}

export class ServerSession implements vscode.Disposable {
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  private readonly indexStatusReceived = new vscode.EventEmitter<IndexStatusParams>();
  private readonly runsChangedReceived = new vscode.EventEmitter<RunsChangedParams>();
  private readonly notesChangedReceived = new vscode.EventEmitter<NotesChangedParams>();
  private readonly policy = new RestartPolicy();
  private readonly traceChannel: vscode.LogOutputChannel & vscode.Disposable;
  private client: LanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  private server: ServerCommand | undefined;
  private current: ServerState = 'stopped';
  private startingByUs = false;
  /** Whether the current client ever got its server running: one that never did is not restarted. */
  private clientRan = false;
  private stopping = false;
  private startedAt = 0;
  private status: IndexStatusParams | undefined;
  private failureShown = false;

  readonly onDidChangeState = this.stateChanged.event;
  readonly onIndexStatus = this.indexStatusReceived.event;
  readonly onRunsChanged = this.runsChangedReceived.event;
  readonly onNotesChanged = this.notesChangedReceived.event;

  constructor(private readonly context: vscode.ExtensionContext, readonly log: vscode.LogOutputChannel) {
    this.traceChannel = createTraceChannel(log);
  }

  get state(): ServerState {
    return this.current;
  }

  /** The last index status the server sent, if any since it started. */
  get indexStatus(): IndexStatusParams | undefined {
    return this.status;
  }

  /** Starts a server unless one is running or starting. Never throws: failures are shown and logged. */
  async start(): Promise<void> {
    if (this.current === 'running' || this.current === 'starting') return;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      this.log.info('No folder is open, so there are no runs to index; the server is not started.');
      return;
    }
    this.failureShown = false;
    this.status = undefined;
    const server = locateServer({
      environmentPath: process.env[serverPathVariable],
      settingPath: vscode.workspace.getConfiguration().get<string>(serverPathSetting),
      extensionPath: this.context.extensionPath,
      workspaceFolder: folder.uri.fsPath,
      homeDirectory: homedir(),
      platform: process.platform,
    });
    this.server = server;
    const problem = checkServerFile(server);
    if (problem) {
      this.fail(problem);
      return;
    }

    this.setState('starting');
    this.log.info(`Starting ${[server.command, ...server.args].join(' ')} (from ${server.origin}) for ${folder.uri.fsPath}`);
    const client = this.createClient(server, folder);
    this.client = client;
    this.startingByUs = true;
    this.startedAt = Date.now();
    try {
      await client.start();
      this.log.info(`The server is ready (${Date.now() - this.startedAt} ms after start).`);
    } catch (error) {
      if (this.client !== client) return;
      const text = errorText(error);
      this.fail(/Launching server/.test(text) ? { kind: 'spawnFailed', error: text } : { kind: 'stoppedWhileStarting' });
    } finally {
      this.startingByUs = false;
    }
  }

  /** Stops the current server (if any) and starts a fresh one with the current settings. */
  async restart(): Promise<void> {
    this.policy.reset();
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const disposable of this.clientDisposables) disposable.dispose();
    this.clientDisposables = [];
    if (client) {
      this.stopping = true;
      try {
        await client.dispose(5_000);
      } catch (error) {
        this.log.warn(`Stopping the server: ${errorText(error)}`);
      } finally {
        this.stopping = false;
      }
    }
    this.setState('stopped');
  }

  async request<P, R>(type: RequestType<P, R, void>, params: RequestParam<P>, token?: vscode.CancellationToken): Promise<R> {
    const client = this.client;
    if (!client || this.current !== 'running') throw new ServerNotRunningError();
    return client.sendRequest(type, params, token);
  }

  /** Makes VS Code ask again for the code lenses of every open document the server serves. */
  refreshCodeLenses(): void {
    const feature = this.client?.getFeature(CodeLensRequest.method);
    if (feature) fireProviderChanges(vscode.workspace.textDocuments, (document) => feature.getProvider(document)?.onDidChangeCodeLensEmitter);
  }

  /** Makes VS Code ask again for the inlay hints of every open document the server serves. */
  refreshInlayHints(): void {
    const feature = this.client?.getFeature(InlayHintRequest.method);
    if (feature) fireProviderChanges(vscode.workspace.textDocuments, (document) => feature.getProvider(document)?.onDidChangeInlayHints);
  }

  /** Hears the server's `$/progress` on a token the extension passed as a request's `workDoneToken`. */
  onWorkDoneProgress(token: string,
    listener: (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void): vscode.Disposable {
    const client = this.client;
    if (!client || this.current !== 'running') return { dispose() {} };
    return client.onProgress(WorkDoneProgress.type, token, listener);
  }

  async reindex(): Promise<void> {
    const client = this.client;
    if (!client || this.current !== 'running') throw new ServerNotRunningError();
    await client.sendRequest(ReindexRequest.type);
  }

  dispose(): void {
    void this.stop();
    this.traceChannel.dispose();
    this.stateChanged.dispose();
    this.indexStatusReceived.dispose();
    this.runsChangedReceived.dispose();
    this.notesChangedReceived.dispose();
  }

  private createClient(server: ServerCommand, folder: vscode.WorkspaceFolder): LanguageClient {
    const serverOptions: ServerOptions = {
      command: server.command,
      args: server.args,
      transport: TransportKind.stdio,
      options: { cwd: folder.uri.fsPath },
    };
    const config = vscode.workspace.getConfiguration('ideTracker');
    const runFiles = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, runFilesGlob));
    // Folders that appear or disappear whole: a copied run or experiment often raises an event for the
    // folder alone and none for the files inside, so every creation and deletion goes to the server.
    const createdOrDeleted = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, everythingGlob), false, true, false);
    const clientOptions: LanguageClientOptions = {
      ...configClientOptions(folder),
      workspaceFolder: folder,
      outputChannel: this.log,
      traceOutputChannel: this.traceChannel,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: buildInitializationOptions(this.context.storageUri?.fsPath, {
        primaryMetricName: config.get<string>('primaryMetric.name', ''),
        primaryMetricDirection: config.get<string>('primaryMetric.direction', 'auto'),
        exclude: config.get<string[]>('exclude', []),
      }),
      synchronize: { fileEvents: [runFiles, createdOrDeleted] },
      initializationFailedHandler: () => false,
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: () => this.onConnectionClosed(),
      },
    };
    const client = new QuietLanguageClient('ideTracker', 'ide-tracker', serverOptions, clientOptions);
    this.clientRan = false;
    this.clientDisposables = [
      runFiles,
      createdOrDeleted,
      client.onNotification(IndexStatusNotification.type, (status) => {
        this.status = status;
        this.indexStatusReceived.fire(status);
      }),
      client.onNotification(RunsChangedNotification.type, (changed) => this.runsChangedReceived.fire(changed)),
      client.onNotification(NotesChangedNotification.type, (changed) => this.notesChangedReceived.fire(changed)),
      client.onDidChangeState(({ newState }) => this.onClientState(client, newState)),
    ];
    return client;
  }

  private onConnectionClosed(): { action: CloseAction; handled: boolean } {
    // A server that dies before it ever ran is broken, not unlucky: start() says so, once.
    if (this.startingByUs || this.stopping || !this.clientRan) return { action: CloseAction.DoNotRestart, handled: true };
    this.status = undefined;
    if (this.policy.recordCrash() === 'restart') {
      this.log.warn(`The server stopped unexpectedly; starting it again (${this.policy.recentCrashes} of 4).`);
      return { action: CloseAction.Restart, handled: true };
    }
    this.fail({ kind: 'keepsCrashing', crashes: this.policy.recentCrashes });
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private onClientState(client: LanguageClient, state: State): void {
    if (this.client !== client) return;
    if (state === State.Running) {
      this.clientRan = true;
      this.setState('running');
    } else if (state === State.Starting) {
      this.setState('starting');
    } else if (state === State.StartFailed && !this.startingByUs) {
      // A restart after a crash that failed to start: the first start reports through start() instead.
      this.fail({ kind: 'stoppedWhileStarting' });
    }
  }

  private fail(problem: StartProblem): void {
    this.setState('failed');
    if (this.failureShown || !this.server) return;
    this.failureShown = true;
    const failure = explainStartFailure(this.server, problem);
    this.log.error(failure.message);
    const actions = ['Retry', 'Show Log', ...(failure.offerSettings ? ['Open Settings'] : [])];
    void vscode.window.showErrorMessage(failure.message, ...actions).then((choice) => {
      if (choice === 'Retry') void this.restart();
      else if (choice === 'Show Log') this.log.show();
      else if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', serverPathSetting);
    });
  }

  private setState(state: ServerState): void {
    if (state === this.current) return;
    this.current = state;
    void vscode.commands.executeCommand('setContext', 'ideTracker.serverState', state);
    this.stateChanged.fire(state);
  }
}

/** A bundled server that lost its executable bit in transit gets it back; anything else is reported. */
function checkServerFile(server: ServerCommand): StartProblem | undefined {
  if (!existsSync(server.path)) return { kind: 'missing' };
  if (server.runsWithDotnet || process.platform === 'win32') return undefined;
  try {
    accessSync(server.path, constants.X_OK);
    return undefined;
  } catch {
    if (server.origin !== 'bundled') return { kind: 'notExecutable' };
  }
  try {
    chmodSync(server.path, 0o755);
    return undefined;
  } catch {
    return { kind: 'notExecutable' };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
