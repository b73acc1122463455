// Driving the VS Code workbench the way a person does: keyboard, command palette, activity bar.
// Selectors are the ones that worked on VS Code 1.139 (code-server 4.139.1).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { outputDir } from './paths.mjs';
import { viewport } from './browser.mjs';
import { waitFor } from './wait.mjs';

export { waitFor };

const quickInput = '.quick-input-widget';
const quickInputRows = '.quick-input-list .monaco-list-row';

/**
 * Runs a command by its palette title (e.g. "View: Toggle Word Wrap"), picking the row with exactly that label.
 * Returns once the palette has taken the pick: it has closed, or the command opened a picker of its own.
 */
export async function runCommand(page, title, { timeoutMs = 15_000 } = {}) {
  await page.keyboard.press('F1');
  await pickFromQuickInput(page, `>${title}`, title, { timeoutMs });
}

/** Opens a file of the workspace by name through the palette's Go to File, and waits for its editor tab. */
export async function openFileByName(page, fileName, { timeoutMs = 15_000 } = {}) {
  await runCommand(page, 'Go to File...', { timeoutMs });
  await pickFromQuickInput(page, fileName, fileName, { timeoutMs });
  await waitFor(page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`),
    { timeoutMs, message: `the active editor tab for ${fileName}` });
}

/**
 * Shows a container of the activity bar (Explorer, Search, an extension's own container) by its title.
 * Built-in containers carry their keybinding in the label ("Explorer (Ctrl+Shift+E)"); an extension's do not.
 * A click on the container already shown would hide the side bar, so an active one is left alone.
 */
export async function openActivityContainer(page, title, { timeoutMs = 15_000 } = {}) {
  const item = page.locator('.activitybar .action-item').filter({
    has: page.locator(`a.action-label[aria-label="${title}"], a.action-label[aria-label^="${title} ("]`),
  });
  await waitFor(item, { timeoutMs, message: `the activity bar item "${title}"` });
  if (!(await isChecked(item))) await item.click();
  // A container with a single view titles the side bar "Container: View".
  const sideBarTitle = page.locator('.part.sidebar .composite.title h2');
  await waitFor(async () => (await isChecked(item))
    && (await sideBarTitle.isVisible()) && (await sideBarTitle.textContent()).startsWith(title),
  { timeoutMs, message: `the side bar showing "${title}"` });
}

/** The text of the lines the active editor shows, top to bottom. */
export async function activeEditorText(page) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  const tops = await lines.evaluateAll((nodes) => nodes.map((node) => ({
    top: Number.parseFloat(node.style.top) || 0,
    text: node.textContent.replace(/\u00a0/g, ' '),
  })));
  return tops.sort((a, b) => a.top - b.top).map((line) => line.text).join('\n');
}

/** Saves what a person would see as `test-output/e2e/<name>.png` and returns the path. */
export async function screenshot(page, name) {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, `${name}.png`);
  // The pointer would otherwise leave a hover or highlight behind in the picture.
  await page.mouse.move(viewport.width - 1, viewport.height - 1);
  await page.screenshot({ path });
  return path;
}

// Types `query` into the open quick input and clicks the row labelled exactly `label`.
async function pickFromQuickInput(page, query, label, { timeoutMs }) {
  const input = page.locator(`${quickInput} input`);
  await waitFor(input, { timeoutMs, message: 'the quick input' });
  await input.fill(query);
  const row = page.locator(quickInputRows).filter({
    has: page.locator('.label-name', { hasText: exactly(label) }),
  }).first();
  await waitFor(row, { timeoutMs, message: `a quick input row labelled "${label}"` });
  await row.click();
  await waitFor(async () => !(await input.isVisible()) || (await input.inputValue()) !== query,
    { timeoutMs, message: `the quick input to take "${label}"` });
}

async function isChecked(item) {
  return (await item.getAttribute('class'))?.split(/\s+/).includes('checked') ?? false;
}

function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
