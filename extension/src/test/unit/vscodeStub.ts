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

export const window = {
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
