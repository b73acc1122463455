import assert from 'node:assert/strict';
import { extension, indexedApi, waitFor } from './support';

describe('activation', () => {
  it('activates by itself on a workspace that holds runs', async () => {
    const ext = extension();
    await waitFor(() => ext.isActive, 'activation from a workspaceContains marker');
    assert.ok(ext.exports.activationMs >= 0);
    console.log(`activate() took ${ext.exports.activationMs} ms`);
  });

  it('starts the server, which indexes the workspace and reports its runs', async () => {
    const api = await indexedApi();
    assert.equal(api.session.state, 'running');
    const status = api.session.indexStatus!;
    assert.ok(status.runs > 0, `runs indexed: ${status.runs}`);
    assert.match(status.summary, /\d+ runs?/);
  });
});
