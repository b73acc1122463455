// The metric column picker: a search over every metric key the runs report, showing a bounded list.
import type { MetricKeyCount } from '../src/protocol';
import { h } from './dom';

/** How many matches the list shows at once; the rest are counted, and found by typing more. */
export const pickerListLimit = 100;

export interface PickerMatches {
  readonly shown: MetricKeyCount[];
  readonly more: number;
}

/** Keys containing every word of `query` (case-insensitive), the most widely reported first. */
export function matchKeys(keys: readonly MetricKeyCount[], query: string, limit = pickerListLimit): PickerMatches {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = keys.filter((k) => {
    const key = k.key.toLowerCase();
    return words.every((w) => key.includes(w));
  });
  matching.sort((a, b) => b.runs - a.runs || a.key.localeCompare(b.key));
  return { shown: matching.slice(0, limit), more: Math.max(0, matching.length - limit) };
}

export class ColumnPicker {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly summary: HTMLElement;
  private keys: readonly MetricKeyCount[] = [];
  private chosen = new Set<string>();

  constructor(private readonly onChange: (chosen: string[]) => void) {
    this.search = h('input', { testId: 'metric-picker-search', attrs: { type: 'search', placeholder: 'Search metrics', 'aria-label': 'Search metrics' } });
    this.search.addEventListener('input', () => this.renderList());
    this.list = h('div', { className: 'picker-list', attrs: { role: 'listbox', 'aria-multiselectable': 'true' } });
    this.summary = h('span', { className: 'picker-summary' });
    this.element = h('details', { className: 'picker', testId: 'metric-picker' }, [
      h('summary', {}, ['Metrics ', this.summary]),
      this.search,
      this.list,
    ]);
  }

  set(keys: readonly MetricKeyCount[], chosen: readonly string[]): void {
    this.keys = keys;
    this.chosen = new Set(chosen);
    this.renderList();
  }

  get query(): string {
    return this.search.value;
  }

  set query(text: string) {
    this.search.value = text;
    this.renderList();
  }

  private renderList(): void {
    const { shown, more } = matchKeys(this.keys, this.search.value);
    this.summary.textContent = `(${this.chosen.size.toLocaleString('en-US')} of ${this.keys.length.toLocaleString('en-US')} shown)`;
    const items: Node[] = shown.map((k) => {
      const input = h('input', { attrs: { type: 'checkbox', 'data-key': k.key } });
      input.checked = this.chosen.has(k.key);
      input.addEventListener('change', () => {
        if (input.checked) this.chosen.add(k.key);
        else this.chosen.delete(k.key);
        this.summary.textContent = `(${this.chosen.size.toLocaleString('en-US')} of ${this.keys.length.toLocaleString('en-US')} shown)`;
        this.onChange([...this.chosen]);
      });
      return h('label', { className: 'picker-item', attrs: { role: 'option' } }, [input, ' ', k.key, h('span', { className: 'muted', text: ` ${k.runs}` })]);
    });
    if (more > 0) items.push(h('div', { className: 'muted', text: `${more.toLocaleString('en-US')} more: type to narrow the list` }));
    if (shown.length === 0) items.push(h('div', { className: 'muted', text: 'No metric matches.' }));
    this.list.replaceChildren(...items);
  }
}
