// The part of the `vscode` API the unit-tested modules touch, as plain classes that record what was done
// to them. The unit test bundles resolve `import * as vscode from 'vscode'` to this file.

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class ThemeColor {
  constructor(public readonly id: string) {}
}

export class ThemeIcon {
  constructor(public readonly id: string, public readonly color?: ThemeColor) {}
}

export class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  supportThemeIcons = false;
  constructor(public value = '', supportThemeIcons = false) {
    this.supportThemeIcons = supportThemeIcons;
  }
}

export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  iconPath?: ThemeIcon;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  accessibilityInformation?: { label: string; role?: string };
  constructor(public label: string, public collapsibleState = TreeItemCollapsibleState.None) {}
}

export class EventEmitter<T> {
  private listeners: Array<(value: T) => void> = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export interface StatusBarItemStub {
  text: string;
  tooltip?: string | MarkdownString;
  command?: string | { command: string; title: string };
  name?: string;
  backgroundColor?: ThemeColor;
  visible: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

export class Uri {
  constructor(readonly scheme: string, readonly path: string) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...segments].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
}

/** A webview panel that keeps what the extension did to it; `receive` plays a message from the webview. */
export class WebviewPanelStub {
  title: string;
  visible = true;
  revealed = 0;
  disposed = false;
  readonly posted: unknown[] = [];
  private readonly received = new EventEmitter<unknown>();
  private readonly disposedEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  readonly webview = {
    html: '',
    options: {} as Record<string, unknown>,
    cspSource: 'https://webview.test',
    asWebviewUri: (uri: Uri) => new Uri('https', `webview.test${uri.path}`),
    postMessage: async (message: unknown) => { this.posted.push(message); return true; },
    onDidReceiveMessage: this.received.event,
  };
  constructor(readonly viewType: string, title: string, readonly options: unknown) {
    this.title = title;
  }
  reveal(): void {
    this.revealed++;
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposedEmitter.fire();
  }
  /** Plays a message the webview posts. */
  receive(message: unknown): void {
    this.received.fire(message);
  }
}

export class CancellationTokenStub {
  isCancellationRequested = false;
  private readonly cancelled = new EventEmitter<void>();
  readonly onCancellationRequested = this.cancelled.event;
  cancel(): void {
    this.isCancellationRequested = true;
    this.cancelled.fire();
  }
}

type CommandHandler = (...args: unknown[]) => unknown;

/** What the stubbed window, commands, clipboard and file system recorded, and the answers they give. */
export const stubRecord = {
  panels: [] as WebviewPanelStub[],
  serializers: new Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> }>(),
  commands: new Map<string, CommandHandler>(),
  executed: [] as Array<{ command: string; args: unknown[] }>,
  clipboard: '',
  written: new Map<string, Uint8Array>(),
  messages: [] as string[],
  /** Error and warning messages, with the buttons they offered. */
  errors: [] as Array<{ message: string; items: unknown[] }>,
  warnings: [] as Array<{ message: string; items: unknown[] }>,
  /** The buttons showInformationMessage and showErrorMessage answer, first call first; undefined when empty. */
  informationAnswers: [] as Array<string | undefined>,
  errorAnswers: [] as Array<string | undefined>,
  /** Each withProgress call's options and what it reported. */
  progress: [] as Array<{ options: { title?: string; cancellable?: boolean }; reports: unknown[] }>,
  /** withProgress cancels its token as soon as the task has started. */
  cancelProgress: false,
  opened: [] as string[],
  /** What showOpenDialog answers. */
  openAnswer: undefined as Uri[] | undefined,
  /** Settings written with getConfiguration(section).update. */
  configUpdates: [] as Array<{ key: string; value: unknown; target: unknown }>,
  /** What showWarningMessage answers (a modal confirm's button). */
  warningAnswer: undefined as string | undefined,
  /** What showSaveDialog answers. */
  saveAnswer: undefined as Uri | undefined,
  saveOptions: [] as unknown[],
  reset(): void {
    this.panels.length = 0;
    this.serializers.clear();
    this.commands.clear();
    this.executed.length = 0;
    this.clipboard = '';
    this.written.clear();
    this.messages.length = 0;
    this.errors.length = 0;
    this.warnings.length = 0;
    this.warningAnswer = undefined;
    this.informationAnswers.length = 0;
    this.errorAnswers.length = 0;
    this.progress.length = 0;
    this.cancelProgress = false;
    this.opened.length = 0;
    this.openAnswer = undefined;
    this.configUpdates.length = 0;
    this.saveAnswer = undefined;
    this.saveOptions.length = 0;
  },
};

export const commands = {
  registerCommand(command: string, handler: CommandHandler) {
    stubRecord.commands.set(command, handler);
    return { dispose: () => { stubRecord.commands.delete(command); } };
  },
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    stubRecord.executed.push({ command, args });
    return stubRecord.commands.get(command)?.(...args);
  },
  async getCommands(): Promise<string[]> {
    return [...stubRecord.commands.keys()];
  },
};

export const env = {
  clipboard: {
    async writeText(text: string) { stubRecord.clipboard = text; },
    async readText() { return stubRecord.clipboard; },
  },
};

export const workspace = {
  workspaceFolders: [{ uri: Uri.file('/ws'), name: 'ws', index: 0 }],
  getConfiguration(section?: string) {
    return {
      get: (_key: string, fallback?: unknown) => fallback,
      update: async (key: string, value: unknown, target?: unknown) => {
        stubRecord.configUpdates.push({ key: section ? `${section}.${key}` : key, value, target });
      },
    };
  },
  fs: {
    async writeFile(uri: Uri, bytes: Uint8Array) { stubRecord.written.set(uri.fsPath, bytes); },
  },
};

export const window = {
  createWebviewPanel(viewType: string, title: string, _column: unknown, options: unknown): WebviewPanelStub {
    const panel = new WebviewPanelStub(viewType, title, options);
    stubRecord.panels.push(panel);
    return panel;
  },
  registerWebviewPanelSerializer(viewType: string, serializer: { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> }) {
    stubRecord.serializers.set(viewType, serializer);
    return { dispose: () => { stubRecord.serializers.delete(viewType); } };
  },
  async showSaveDialog(options: unknown): Promise<Uri | undefined> {
    stubRecord.saveOptions.push(options);
    return stubRecord.saveAnswer;
  },
  async showInformationMessage(message: string, ..._items: unknown[]) {
    stubRecord.messages.push(message);
    return stubRecord.informationAnswers.shift();
  },
  async withProgress<R>(options: { title?: string; cancellable?: boolean },
    task: (progress: { report(value: unknown): void }, token: CancellationTokenStub) => Promise<R>): Promise<R> {
    const record = { options, reports: [] as unknown[] };
    stubRecord.progress.push(record);
    const token = new CancellationTokenStub();
    const running = task({ report: (value) => record.reports.push(value) }, token);
    if (stubRecord.cancelProgress) token.cancel();
    return running;
  },
  async showOpenDialog(_options: unknown): Promise<Uri[] | undefined> {
    return stubRecord.openAnswer;
  },
  async showTextDocument(uri: Uri) {
    stubRecord.opened.push(uri.fsPath);
    return undefined;
  },
  async showErrorMessage(message: string, ...items: unknown[]) {
    stubRecord.errors.push({ message, items });
    return stubRecord.errorAnswers.shift();
  },
  async showWarningMessage(message: string, ...items: unknown[]) {
    stubRecord.warnings.push({ message, items });
    return stubRecord.warningAnswer;
  },
  setStatusBarMessage(message: string) {
    stubRecord.messages.push(message);
    return { dispose() {} };
  },
  createStatusBarItem(_id?: string, _alignment?: StatusBarAlignment, _priority?: number): StatusBarItemStub {
    const item: StatusBarItemStub = {
      text: '',
      visible: false,
      show() { this.visible = true; },
      hide() { this.visible = false; },
      dispose() { this.visible = false; },
    };
    return item;
  },
};
