// A browser DOM for the webview's component tests (happy-dom), installed as the globals the webview
// modules use. Import this first in every test file that builds DOM.
import { Window } from 'happy-dom';

const window = new Window({ url: 'https://webview.test/', width: 1200, height: 800 });
const globals = globalThis as Record<string, unknown>;
for (const name of ['document', 'HTMLElement', 'Element', 'Node', 'Event', 'MouseEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
  const value = (window as unknown as Record<string, unknown>)[name];
  globals[name] = typeof value === 'function' && /^[a-z]/.test(name) ? (value as (...a: unknown[]) => unknown).bind(window) : value;
}
globals.window = window;

/** Waits until the DOM's pending work (mutation observers, animation frames) has run. */
export async function settle(): Promise<void> {
  await window.happyDOM.waitUntilComplete();
}

export function click(element: Element): void {
  element.dispatchEvent(new (globals.MouseEvent as typeof MouseEvent)('click', { bubbles: true }));
}

export function change(element: HTMLInputElement | HTMLSelectElement): void {
  element.dispatchEvent(new (globals.Event as typeof Event)('change', { bubbles: true }));
}

export function input(element: HTMLInputElement): void {
  element.dispatchEvent(new (globals.Event as typeof Event)('input', { bubbles: true }));
}

export { window as testWindow };
