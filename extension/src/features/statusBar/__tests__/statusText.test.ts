import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IndexStatusParams } from '../../../protocol';
import { statusContent } from '../statusText';

const ready: IndexStatusParams = { state: 'ready', runs: 1234, live: 2, problems: 3, summary: '1,234 runs · 2 live · 3 problems' };

describe('the status bar text', () => {
  test('shows the server summary once the index is ready, and opens the runs', () => {
    const content = statusContent('running', ready);
    assert.equal(content.text, '$(beaker) 1,234 runs · 2 live · 3 problems');
    assert.equal(content.command, 'ideTracker.showRuns');
  });

  test('spins while indexing, with the summary so far', () => {
    const content = statusContent('running', { ...ready, state: 'indexing', summary: '10 runs' });
    assert.equal(content.text, '$(loading~spin) 10 runs');
    assert.match(content.tooltip, /indexing runs \(10 runs so far\)/);
  });

  test('says the server is starting before any status arrived', () => {
    assert.equal(statusContent('starting', undefined).text, '$(loading~spin) ide-tracker');
    assert.equal(statusContent('running', undefined).text, '$(loading~spin) ide-tracker');
  });

  test('shows an error that opens the log when the server failed', () => {
    const content = statusContent('failed', ready);
    assert.equal(content.text, '$(error) ide-tracker');
    assert.equal(content.command, 'ideTracker.showLog');
  });

  test('never lets the summary smuggle in an icon', () => {
    assert.equal(statusContent('running', { ...ready, summary: '$(bug) 1 run' }).text, '$(beaker) $\u200b(bug) 1 run');
  });
});
