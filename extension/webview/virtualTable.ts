// A table that draws only the cells in view: 500 runs × 5,000 rows stay a few hundred elements. Rows
// and columns have fixed sizes, so the window in view follows from the scroll offsets alone. The
// header row and the key column stay in place by being drawn at the scroll offsets.
import { h } from './dom';

export interface CellContent {
  readonly text: string;
  readonly className?: string;
  readonly title?: string;
}

export interface TableModel {
  readonly rowCount: number;
  readonly columnCount: number;
  /** The key column's cell of a row (a param or metric name, perhaps with controls). */
  rowHeader(row: number): Node;
  /** A run column's header. */
  columnHeader(column: number): Node;
  cell(row: number, column: number): CellContent;
  /** The column drawn as selected, if any. */
  readonly selectedColumn?: number;
}

export interface TableSizes {
  readonly rowHeight: number;
  readonly headerHeight: number;
  readonly columnWidth: number;
  readonly keyWidth: number;
  /** Used when the element has no layout yet (hidden, or a DOM without layout in tests). */
  readonly fallbackWidth: number;
  readonly fallbackHeight: number;
  /** Rows and columns drawn beyond each edge so a fast scroll shows no gap. */
  readonly overscan: number;
}

const defaultSizes: TableSizes = {
  rowHeight: 24, headerHeight: 44, columnWidth: 190, keyWidth: 240, fallbackWidth: 1200, fallbackHeight: 400, overscan: 3,
};

export class VirtualTable {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private model: TableModel | undefined;
  private readonly sizes: TableSizes;
  private frame = 0;

  constructor(testId: string, sizes: Partial<TableSizes> = {}) {
    this.sizes = { ...defaultSizes, ...sizes };
    this.canvas = h('div', { className: 'vt-canvas' });
    this.element = h('div', { className: 'vt', testId, attrs: { role: 'grid' } }, [this.canvas]);
    this.element.addEventListener('scroll', () => this.scheduleRender());
  }

  setModel(model: TableModel): void {
    this.model = model;
    const { rowHeight, headerHeight, columnWidth, keyWidth } = this.sizes;
    this.canvas.style.width = `${keyWidth + model.columnCount * columnWidth}px`;
    this.canvas.style.height = `${headerHeight + model.rowCount * rowHeight}px`;
    this.element.style.height = `${Math.min(headerHeight + model.rowCount * rowHeight + 16, 420)}px`;
    this.element.setAttribute('aria-rowcount', String(model.rowCount + 1));
    this.element.setAttribute('aria-colcount', String(model.columnCount + 1));
    this.render();
  }

  /** Draws the cells in view now (scrolling schedules it for the next frame). */
  render(): void {
    const model = this.model;
    if (!model) return;
    const { rowHeight, headerHeight, columnWidth, keyWidth, overscan } = this.sizes;
    const top = this.element.scrollTop;
    const left = this.element.scrollLeft;
    const width = this.element.clientWidth || this.sizes.fallbackWidth;
    const height = this.element.clientHeight || this.sizes.fallbackHeight;
    const firstRow = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const lastRow = Math.min(model.rowCount, Math.ceil((top + height) / rowHeight) + overscan);
    const firstColumn = Math.max(0, Math.floor(left / columnWidth) - overscan);
    const lastColumn = Math.min(model.columnCount, Math.ceil((left + width) / columnWidth) + overscan);

    const cells: HTMLElement[] = [];
    const place = (element: HTMLElement, x: number, y: number, w: number, hgt: number) => {
      element.style.left = `${x}px`;
      element.style.top = `${y}px`;
      element.style.width = `${w}px`;
      element.style.height = `${hgt}px`;
      cells.push(element);
    };
    const selected = (column: number) => (model.selectedColumn === column ? ' selected' : '');

    for (let row = firstRow; row < lastRow; row++) {
      for (let column = firstColumn; column < lastColumn; column++) {
        const content = model.cell(row, column);
        const cell = h('div', {
          className: `vt-cell${content.className ? ` ${content.className}` : ''}${selected(column)}`,
          text: content.text,
          ...(content.title !== undefined ? { title: content.title } : {}),
          attrs: { role: 'gridcell', 'data-row': String(row), 'data-col': String(column) },
        });
        place(cell, keyWidth + column * columnWidth, headerHeight + row * rowHeight, columnWidth, rowHeight);
      }
      const key = h('div', { className: 'vt-key', attrs: { role: 'rowheader', 'data-row': String(row) } }, [model.rowHeader(row)]);
      place(key, left, headerHeight + row * rowHeight, keyWidth, rowHeight);
    }
    for (let column = firstColumn; column < lastColumn; column++) {
      const header = h('div', { className: `vt-header${selected(column)}`, attrs: { role: 'columnheader', 'data-col': String(column) } },
        [model.columnHeader(column)]);
      place(header, keyWidth + column * columnWidth, top, columnWidth, headerHeight);
    }
    place(h('div', { className: 'vt-corner' }), left, top, keyWidth, headerHeight);
    this.canvas.replaceChildren(...cells);
  }

  /** Scrolls so `column` is in view (a run selected in a chart may be far off to the right). */
  revealColumn(column: number): void {
    const { columnWidth, keyWidth } = this.sizes;
    const width = this.element.clientWidth || this.sizes.fallbackWidth;
    const left = column * columnWidth;
    const visible = width - keyWidth;
    if (left < this.element.scrollLeft || left + columnWidth > this.element.scrollLeft + visible) {
      this.element.scrollLeft = Math.max(0, left - Math.max(0, (visible - columnWidth) / 2));
      this.render();
    }
  }

  private scheduleRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }
}
