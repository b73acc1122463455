import { settle } from './dom';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h } from '../dom';
import { VirtualTable, type TableModel } from '../virtualTable';

function model(rows: number, columns: number): TableModel & { asked: number } {
  const m = {
    asked: 0,
    rowCount: rows,
    columnCount: columns,
    rowHeader: (row: number) => h('span', { text: `key ${row}` }),
    columnHeader: (column: number) => h('span', { text: `run ${column}` }),
    cell(row: number, column: number) {
      m.asked++;
      return { text: `${row}:${column}` };
    },
  };
  return m;
}

const sizes = { rowHeight: 20, headerHeight: 40, columnWidth: 100, keyWidth: 200, fallbackWidth: 1000, fallbackHeight: 400, overscan: 2 };

describe('the virtualised table', () => {
  test('500 runs × 5,000 rows draw only the cells in view', () => {
    const table = new VirtualTable('params-table', sizes);
    const m = model(5000, 500);
    table.setModel(m);
    const cells = table.element.querySelectorAll('.vt-cell');
    // (400 / 20 + 2) rows × (1000 / 100 + 2) columns.
    assert.equal(cells.length, 22 * 12);
    assert.equal(m.asked, 22 * 12, 'no cell outside the view is even computed');
    assert.equal(table.element.querySelectorAll('.vt-header').length, 12);
    assert.equal(table.element.querySelectorAll('.vt-key').length, 22);
    assert.equal(table.element.dataset.testid, 'params-table');
    assert.equal(table.element.getAttribute('aria-colcount'), '501');
    assert.equal((table.element.firstElementChild as HTMLElement).style.width, `${200 + 500 * 100}px`, 'the scroll area is as big as the whole table');
  });

  test('scrolling draws the window that came into view, with headers and keys kept at the edges', async () => {
    const table = new VirtualTable('t', sizes);
    table.setModel(model(5000, 500));
    table.element.scrollTop = 20 * 1000;
    table.element.scrollLeft = 100 * 250;
    table.render();
    const rows = [...table.element.querySelectorAll('.vt-cell')].map((c) => Number(c.getAttribute('data-row')));
    const columns = [...table.element.querySelectorAll('.vt-cell')].map((c) => Number(c.getAttribute('data-col')));
    assert.equal(Math.min(...rows), 998);
    assert.equal(Math.max(...rows), 1021);
    assert.equal(Math.min(...columns), 248);
    assert.equal(Math.max(...columns), 261);
    const header = table.element.querySelector('.vt-header') as HTMLElement;
    assert.equal(header.style.top, `${20 * 1000}px`);
    const key = table.element.querySelector('.vt-key') as HTMLElement;
    assert.equal(key.style.left, `${100 * 250}px`);
    assert.ok(table.element.querySelectorAll('.vt-cell').length <= 24 * 14);
    await settle();
  });

  test('a small table draws every cell once, and the selected column is marked', () => {
    const table = new VirtualTable('t', sizes);
    table.setModel({ ...model(2, 3), selectedColumn: 1 });
    assert.equal(table.element.querySelectorAll('.vt-cell').length, 6);
    assert.deepEqual([...table.element.querySelectorAll('.vt-cell.selected')].map((c) => c.getAttribute('data-col')), ['1', '1']);
    assert.equal(table.element.querySelector('.vt-header.selected')?.textContent, 'run 1');
  });
});
