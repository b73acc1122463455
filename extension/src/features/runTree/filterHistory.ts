// The filters a user applied in this workspace, newest first, kept in the workspace's state so the filter
// picker can offer them again after a reload.

/** The part of vscode.Memento the history needs (so tests can hand it a Map). */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const filterHistoryKey = 'ideTracker.filterHistory';
export const activeFilterKey = 'ideTracker.activeFilter';
export const groupingKey = 'ideTracker.grouping';

export class FilterHistory {
  constructor(private readonly state: StateStore, readonly max = 20) {}

  /** Newest first; never the same text twice. */
  get entries(): string[] {
    const stored = this.state.get<unknown>(filterHistoryKey);
    return Array.isArray(stored) ? stored.filter((e): e is string => typeof e === 'string' && e.trim() !== '') : [];
  }

  async add(filter: string): Promise<void> {
    const text = filter.trim();
    if (!text) return;
    const entries = [text, ...this.entries.filter((e) => e !== text)].slice(0, this.max);
    await this.state.update(filterHistoryKey, entries);
  }

  async remove(filter: string): Promise<void> {
    await this.state.update(filterHistoryKey, this.entries.filter((e) => e !== filter));
  }
}

const numbers = new Intl.NumberFormat('en-US');

/** "1 run", "12,345 runs". */
export function runCount(n: number): string {
  return `${numbers.format(n)} ${n === 1 ? 'run' : 'runs'}`;
}

/** What the view's title says while a filter is on: "lr < 0.01 · 12 runs". */
export function filterDescription(filter: string, matching: number | undefined): string {
  const text = Array.from(filter.replace(/\s+/g, ' ').trim());
  const shown = text.length > 40 ? `${text.slice(0, 39).join('')}…` : text.join('');
  if (matching === undefined) return shown;
  return `${shown} · ${runCount(matching)}`;
}

/** The line the picker shows under a filter that does not parse: the server's message (it names the column),
 * then, when the line has room, the text around that column with the failing character marked. */
export function errorDetail(filter: string, position: number, message: string, width = 80): string {
  const at = Math.max(0, Math.min(position, filter.length));
  const before = filter.slice(Math.max(0, at - 12), at);
  const after = filter.slice(at, at + 12);
  const detail = `${message} — …${before}⟦${after.slice(0, 1) || ' '}⟧${after.slice(1)}`;
  return Array.from(detail).length <= width ? detail : message;
}
