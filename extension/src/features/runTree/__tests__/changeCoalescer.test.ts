import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChangeCoalescer, type CoalescedChange, type Scheduler } from '../changeCoalescer';

/** A clock the test moves by hand. */
class ManualScheduler implements Scheduler {
  private pending: Array<{ at: number; callback: () => void; handle: number }> = [];
  private now = 0;
  private next = 0;
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = ++this.next;
    this.pending.push({ at: this.now + ms, callback, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.handle !== handle);
  }
  advance(ms: number): void {
    this.now += ms;
    const due = this.pending.filter((p) => p.at <= this.now);
    this.pending = this.pending.filter((p) => p.at > this.now);
    for (const p of due) p.callback();
  }
}

function coalescer() {
  const scheduler = new ManualScheduler();
  const flushed: CoalescedChange[] = [];
  return { scheduler, flushed, changes: new ChangeCoalescer((change) => flushed.push(change), 250, scheduler) };
}

describe('coalescing runsChanged bursts', () => {
  test('a burst of notifications becomes one refresh with every run id once', () => {
    const { scheduler, flushed, changes } = coalescer();
    changes.add(['a'], false);
    scheduler.advance(100);
    changes.add(['b', 'a'], false);
    scheduler.advance(100);
    changes.add(['c'], false);
    assert.deepEqual(flushed, []);
    scheduler.advance(50);
    assert.deepEqual(flushed, [{ runIds: ['a', 'b', 'c'], all: false }]);
  });

  test('"all" in a burst wins over the run ids', () => {
    const { scheduler, flushed, changes } = coalescer();
    changes.add(['a'], false);
    changes.add([], true);
    changes.add(['b'], false);
    scheduler.advance(250);
    assert.deepEqual(flushed, [{ runIds: [], all: true }]);
  });

  test('the next burst after a flush is flushed on its own', () => {
    const { scheduler, flushed, changes } = coalescer();
    changes.add(['a'], false);
    scheduler.advance(250);
    changes.add(['b'], false);
    scheduler.advance(250);
    assert.deepEqual(flushed, [{ runIds: ['a'], all: false }, { runIds: ['b'], all: false }]);
  });

  test('an empty notification changes nothing', () => {
    const { scheduler, flushed, changes } = coalescer();
    changes.add([], false);
    scheduler.advance(250);
    assert.deepEqual(flushed, []);
  });

  test('nothing is flushed after dispose', () => {
    const { scheduler, flushed, changes } = coalescer();
    changes.add(['a'], false);
    changes.dispose();
    scheduler.advance(1000);
    assert.deepEqual(flushed, []);
  });
});
