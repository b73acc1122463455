import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentSecurityPolicy, newNonce, panelHtml } from '../panelHtml';

describe('the compare panel page', () => {
  test('allows nothing but the nonce script and the extension\'s own styles, images and fonts', () => {
    assert.equal(contentSecurityPolicy('https://src.test', 'abc'),
      "default-src 'none'; script-src 'nonce-abc'; style-src https://src.test 'nonce-abc'; img-src https://src.test data:; font-src https://src.test");
  });

  test('loads exactly one script, with the nonce, and has the root the bundle draws into', () => {
    const html = panelHtml({ cspSource: 'https://src.test', nonce: 'n0nce', scriptUri: 'https://src.test/main.js', styleUri: 'https://src.test/main.css' });
    assert.equal(html.match(/<script\b/g)?.length, 1);
    assert.match(html, /<script nonce="n0nce" src="https:\/\/src.test\/main.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/src.test\/main.css" nonce="n0nce">/);
    assert.match(html, /<div id="root" data-testid="compare-root"><\/div>/);
    assert.doesNotMatch(html, /http:\/\//);
  });

  test('nonces are fresh and unguessable', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9_-]{24}$/);
  });
});
