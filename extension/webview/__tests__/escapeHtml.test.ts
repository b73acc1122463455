import './dom';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h } from '../dom';
import { escapeHtml } from '../escapeHtml';
import { tip } from '../chartOptions';

describe('escapeHtml', () => {
  test('turns the five markup characters into entities and leaves the rest', () => {
    assert.equal(escapeHtml(`<img src=x onerror="alert('1')"> & é`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; é');
    assert.equal(escapeHtml('plain'), 'plain');
    assert.equal(escapeHtml('&amp;'), '&amp;amp;', 'an entity in a name is shown as typed');
  });

  test('escaped text parsed as HTML gives back the same text and no element', () => {
    const name = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';
    const box = h('div');
    box.innerHTML = tip(name, `lr ${name}`);
    assert.equal(box.querySelectorAll('img, script').length, 0);
    assert.equal(box.querySelector('b')?.textContent, name);
    assert.equal(box.textContent, `${name}lr ${name}`);
  });

  test('DOM built with h() holds run data as text', () => {
    const name = '<img src=x onerror=alert(1)>';
    const element = h('span', { text: name, title: name }, [name]);
    assert.equal(element.children.length, 0);
    assert.equal(element.textContent, name + name);
  });
});
