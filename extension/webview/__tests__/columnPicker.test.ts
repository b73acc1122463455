import { input } from './dom';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ColumnPicker, matchKeys, pickerListLimit } from '../columnPicker';

const keys = Array.from({ length: 5000 }, (_, i) => ({ key: `layer${i}/grad_norm`, runs: i % 7 }));

describe('the metric column picker', () => {
  test('5,000 metrics list at most a hundred at a time, with the rest counted', () => {
    const picker = new ColumnPicker(() => {});
    picker.set(keys, ['layer1/grad_norm']);
    assert.equal(picker.element.querySelectorAll('input[type="checkbox"]').length, pickerListLimit);
    assert.match(picker.element.textContent ?? '', /4,900 more: type to narrow the list/);
    assert.match(picker.element.textContent ?? '', /\(1 of 5,000 shown\)/);
  });

  test('search keeps the keys holding every word, most widely reported first', () => {
    const { shown, more } = matchKeys(keys, 'LAYER12 grad', 1000);
    assert.deepEqual(shown.slice(0, 3).map((k) => k.key), ['layer1203/grad_norm', 'layer1210/grad_norm', 'layer1217/grad_norm']);
    assert.equal(shown.length + more, 111, 'layer12, layer120…129, layer1200…1299');
    assert.ok(shown.every((k, i) => i === 0 || shown[i - 1]!.runs >= k.runs));
    assert.equal(matchKeys(keys, 'nothing-like-this').shown.length, 0);
  });

  test('typing narrows the list, and ticking a key reports the new choice', () => {
    const chosen: string[][] = [];
    const picker = new ColumnPicker((c) => chosen.push(c));
    picker.set(keys, ['layer1/grad_norm']);
    const search = picker.element.querySelector('[data-testid="metric-picker-search"]') as HTMLInputElement;
    search.value = 'layer4999/';
    input(search);
    const boxes = picker.element.querySelectorAll('input[type="checkbox"]');
    assert.equal(boxes.length, 1);
    const box = boxes[0] as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    assert.deepEqual(chosen, [['layer1/grad_norm', 'layer4999/grad_norm']]);
    assert.match(picker.element.textContent ?? '', /\(2 of 5,000 shown\)/);
  });
});
