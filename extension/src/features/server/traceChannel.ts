// vscode-languageclient traces messages only when its trace channel's log level is Trace, which a person
// would set through "Developer: Set Log Level…". This channel reports the level the ideTracker.trace.server
// setting asks for instead, and writes the traces into the ide-tracker log whatever that log's own level.
import * as vscode from 'vscode';

export const traceSetting = 'ideTracker.trace.server';

export function createTraceChannel(log: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const level = () => (vscode.workspace.getConfiguration().get<string>(traceSetting, 'off') === 'off'
    ? vscode.LogLevel.Info : vscode.LogLevel.Trace);
  let current = level();
  const watcher = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(traceSetting)) return;
    current = level();
    levelChanged.fire(current);
  });
  const write = (message: string) => log.appendLine(`[trace] ${message}`);
  return {
    name: log.name,
    get logLevel() { return current; },
    onDidChangeLogLevel: levelChanged.event,
    trace: write,
    debug: write,
    info: write,
    warn: write,
    error: (message: string | Error) => write(String(message)),
    append: (value: string) => log.append(value),
    appendLine: write,
    replace: (value: string) => log.replace(value),
    clear: () => log.clear(),
    show: (preserveFocus?: boolean | vscode.ViewColumn) => log.show(typeof preserveFocus === 'boolean' ? preserveFocus : undefined),
    hide: () => log.hide(),
    dispose: () => {
      watcher.dispose();
      levelChanged.dispose();
    },
  };
}
