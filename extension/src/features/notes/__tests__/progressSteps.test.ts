import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProgressSteps } from '../progressSteps';

describe('server progress as notification increments', () => {
  test('turns percentages into increments that add up to what the server reached', () => {
    const steps = new ProgressSteps();
    const out = [
      steps.next({ kind: 'begin', title: 'Transcribing', percentage: 0 }),
      steps.next({ kind: 'report', percentage: 25, message: 'window 1 of 4' }),
      steps.next({ kind: 'report', percentage: 60 }),
      steps.next({ kind: 'report', percentage: 100 }),
      steps.next({ kind: 'end' }),
    ];
    assert.deepEqual(out, [undefined, { increment: 25, message: 'window 1 of 4' }, { increment: 35 }, { increment: 40 }, undefined]);
  });

  test('never steps back or past 100, and passes messages without a percentage', () => {
    const steps = new ProgressSteps();
    assert.deepEqual(steps.next({ kind: 'report', percentage: 50 }), { increment: 50 });
    assert.deepEqual(steps.next({ kind: 'report', percentage: 40, message: 'resuming' }), { message: 'resuming' });
    assert.equal(steps.next({ kind: 'report', percentage: 50 }), undefined);
    assert.deepEqual(steps.next({ kind: 'report', percentage: 250 }), { increment: 50 });
    assert.equal(steps.next({ kind: 'report', percentage: Number.NaN }), undefined);
  });
});
