import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as vscode from 'vscode';
import { createConfigMiddleware } from '../configMiddleware';
import type { ConfigSwitches } from '../configSwitches';

const document = (path: string) => ({ uri: { path }, fileName: path }) as unknown as vscode.TextDocument;
const token = { isCancellationRequested: false } as vscode.CancellationToken;
const position = { line: 0, character: 3 } as vscode.Position;
const viewPort = {} as vscode.Range;

function setup(initial: ConfigSwitches = { inlayHints: true, codeLens: true }) {
  const state = { switches: initial };
  const asked: string[] = [];
  const middleware = createConfigMiddleware({
    switches: () => state.switches,
    isExcluded: (doc) => doc.uri.path.includes('/node_modules/'),
  });
  const answer = <T>(what: string, value: T) => (doc: vscode.TextDocument) => { asked.push(`${what} ${doc.uri.path}`); return value; };
  return {
    state, asked, middleware,
    hover: (doc: vscode.TextDocument) => middleware.provideHover!(doc, position, token, answer('hover', { contents: [] })),
    lenses: (doc: vscode.TextDocument) => middleware.provideCodeLenses!(doc, token, answer('lenses', [{ isResolved: false }] as unknown as vscode.CodeLens[])),
    hints: (doc: vscode.TextDocument) => middleware.provideInlayHints!(doc, viewPort, token, answer('hints', [{ label: 'best' }] as unknown as vscode.InlayHint[])),
    sync: async (doc: vscode.TextDocument) => {
      const next = async (d: vscode.TextDocument) => { asked.push(`sync ${d.uri.path}`); };
      await middleware.didOpen!(doc, next);
      await middleware.didChange!({ document: doc, contentChanges: [], reason: undefined } as vscode.TextDocumentChangeEvent,
        async (event) => { asked.push(`change ${event.document.uri.path}`); });
      await middleware.didSave!(doc, next);
      await middleware.didClose!(doc, next);
    },
  };
}

describe('the config middleware', () => {
  test('passes a config document\'s sync, hover, lenses and hints on to the server', async () => {
    const { asked, hover, lenses, hints, sync } = setup();
    const params = document('/ws/params.yaml');
    await sync(params);
    assert.deepEqual(await hover(params), { contents: [] });
    assert.equal((await lenses(params))?.length, 1);
    assert.equal((await hints(params))?.length, 1);
    assert.deepEqual(asked, ['sync /ws/params.yaml', 'change /ws/params.yaml', 'sync /ws/params.yaml', 'sync /ws/params.yaml',
      'hover /ws/params.yaml', 'lenses /ws/params.yaml', 'hints /ws/params.yaml']);
  });

  test('never sends or asks about a document an exclude glob leaves out', async () => {
    const { asked, hover, lenses, hints, sync } = setup();
    const vendored = document('/ws/node_modules/lib/config.json');
    await sync(vendored);
    assert.equal(await hover(vendored), undefined);
    assert.deepEqual(await lenses(vendored), []);
    assert.deepEqual(await hints(vendored), []);
    assert.deepEqual(asked, []);
  });

  test('answers no inlay hints while they are switched off, and asks again once they are on', async () => {
    const { state, asked, hints, lenses } = setup({ inlayHints: false, codeLens: true });
    const params = document('/ws/params.yaml');
    assert.deepEqual(await hints(params), []);
    assert.equal((await lenses(params))?.length, 1);
    state.switches = { inlayHints: true, codeLens: true };
    assert.equal((await hints(params))?.length, 1);
    assert.deepEqual(asked, ['lenses /ws/params.yaml', 'hints /ws/params.yaml']);
  });

  test('answers no code lenses while they are switched off, whatever the hints do', async () => {
    const { asked, hints, lenses, hover } = setup({ inlayHints: true, codeLens: false });
    const params = document('/ws/conf/config.yaml');
    assert.deepEqual(await lenses(params), []);
    assert.equal((await hints(params))?.length, 1);
    assert.deepEqual(await hover(params), { contents: [] });
    assert.deepEqual(asked, ['hints /ws/conf/config.yaml', 'hover /ws/conf/config.yaml']);
  });
});
