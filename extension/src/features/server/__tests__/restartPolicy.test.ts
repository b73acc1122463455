import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RestartPolicy } from '../restartPolicy';

describe('restarting a server that died', () => {
  test('restarts four times within three minutes, then gives up', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    const decisions = [0, 1, 2, 3, 4].map(() => { now += 1_000; return policy.recordCrash(); });
    assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'restart', 'give-up']);
  });

  test('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(2, 60_000, () => now);
    policy.recordCrash();
    policy.recordCrash();
    now = 61_000;
    assert.equal(policy.recordCrash(), 'restart');
    assert.equal(policy.recentCrashes, 1);
  });

  test('gives the full allowance again after a reset', () => {
    const policy = new RestartPolicy(1, 60_000, () => 0);
    policy.recordCrash();
    assert.equal(policy.recordCrash(), 'give-up');
    policy.reset();
    assert.equal(policy.recordCrash(), 'restart');
  });
});
