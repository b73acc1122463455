import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { failsQuietly, quietMethods } from '../quietRequests';

describe('requests about a config being typed', () => {
  const serverError = new ResponseError(ErrorCodes.InternalError, 'Object reference not set to an instance of an object.');

  for (const method of ['textDocument/hover', 'textDocument/codeLens', 'codeLens/resolve', 'textDocument/inlayHint', 'inlayHint/resolve']) {
    test(`answer nothing, with no error shown, when ${method} fails`, () => {
      assert.equal(failsQuietly(method, serverError), true);
      assert.equal(failsQuietly(method, new Error('socket hang up')), true);
      assert.equal(failsQuietly(method, undefined), true);
    });
  }

  test('leave cancellations and stale answers to the client, which drops them quietly itself', () => {
    for (const code of [LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled, LSPErrorCodes.ContentModified,
      ErrorCodes.PendingResponseRejected, ErrorCodes.ConnectionInactive]) {
      assert.equal(failsQuietly('textDocument/hover', new ResponseError(code, 'cancelled')), false, `code ${code}`);
    }
  });

  test('leave the failures of other requests as they are', () => {
    assert.equal(failsQuietly('ideTracker/runTree', serverError), false);
    assert.equal(failsQuietly('textDocument/completion', serverError), false);
    assert.equal(quietMethods.size, 5);
  });
});
