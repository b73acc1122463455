import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wireShapes } from '../../../protocol';
import { problemsOf } from '../../../protocol/shapes';
import { buildInitializationOptions } from '../initializationOptions';

const defaults = { primaryMetricName: '', primaryMetricDirection: 'auto', exclude: [] };

describe('initialization options', () => {
  test('carry only the storage folder when every setting is at its default', () => {
    assert.deepEqual(buildInitializationOptions('/storage/ws1', defaults), { storagePath: '/storage/ws1' });
  });

  test('carry the main metric and its direction, and the exclude globs, as the server reads them', () => {
    const options = buildInitializationOptions('/storage/ws1', {
      primaryMetricName: ' val_acc ', primaryMetricDirection: 'max', exclude: ['archive/**', '  ', 'tmp/**'],
    });
    assert.deepEqual(options, {
      storagePath: '/storage/ws1', excludeGlobs: ['archive/**', 'tmp/**'], primaryMetric: { name: 'val_acc', direction: 'max' },
    });
    assert.deepEqual(problemsOf(wireShapes.initializationOptions, options, { requireOptional: true }), []);
  });

  test('leave the direction to the server when it is "auto"', () => {
    assert.deepEqual(buildInitializationOptions(undefined, { ...defaults, primaryMetricName: 'loss' }), { primaryMetric: { name: 'loss' } });
  });
});
