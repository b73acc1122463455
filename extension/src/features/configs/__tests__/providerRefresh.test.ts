import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fireProviderChanges, type ChangeEmitter } from '../providerRefresh';

function emitter() {
  const fired = { count: 0 };
  const value: ChangeEmitter = { fire: () => { fired.count++; } };
  return { value, fired };
}

describe('asking VS Code again for lenses or hints', () => {
  test('fires the provider of every open document once, and skips documents no provider serves', () => {
    const configs = emitter();
    const other = emitter();
    const providers: Record<string, ChangeEmitter | undefined> = {
      'params.yaml': configs.value, 'conf/config.yaml': configs.value, 'train.py': other.value, 'README.md': undefined,
    };
    const count = fireProviderChanges(Object.keys(providers), (document) => providers[document]);
    assert.equal(count, 2);
    assert.deepEqual([configs.fired.count, other.fired.count], [1, 1]);
  });

  test('fires nothing when no document is open', () => {
    const configs = emitter();
    assert.equal(fireProviderChanges([], () => configs.value), 0);
    assert.equal(configs.fired.count, 0);
  });
});
