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
 * Opens a file of the workspace by its path relative to the folder (`conf/config.yaml`) through Go to File, picking
 * the row whose folder is the path's, for names that several folders hold. Waits for its editor tab.
 */
export async function openFileByPath(page, relativePath, { timeoutMs = 15_000 } = {}) {
  const slash = relativePath.lastIndexOf('/');
  const fileName = relativePath.slice(slash + 1);
  const folder = slash < 0 ? '' : relativePath.slice(0, slash);
  await runCommand(page, 'Go to File...', { timeoutMs });
  const input = page.locator(`${quickInput} input`);
  await waitFor(input, { timeoutMs, message: 'the quick input' });
  await input.fill(relativePath);
  const row = page.locator(quickInputRows).filter({ has: page.locator('.label-name', { hasText: exactly(fileName) }) })
    .filter({ has: page.locator('.label-description', { hasText: exactly(folder) }) }).first();
  await waitFor(row, { timeoutMs, message: `a Go to File row for ${relativePath}` });
  await row.click();
  await waitFor(page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`),
    { timeoutMs, message: `the active editor tab for ${relativePath}` });
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

/**
 * Saves what a person would see as `test-output/e2e/<name>.png` and returns the path.
 * `keepPointer` leaves the pointer where it is, for a picture of the hover it opened.
 */
export async function screenshot(page, name, { keepPointer = false } = {}) {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, `${name}.png`);
  // The pointer would otherwise leave a hover or highlight behind in the picture.
  if (!keepPointer) await page.mouse.move(viewport.width - 1, viewport.height - 1);
  await page.screenshot({ path });
  return path;
}

/** The rows of the tree view named `viewName` (a view's tree carries its name as aria-label). */
export function treeRows(page, viewName) {
  return page.locator(`.part.sidebar .monaco-list[role="tree"][aria-label="${viewName}"] .monaco-list-row`);
}

/** The row of that tree whose label is exactly `label`. */
export function treeRow(page, viewName, label) {
  return treeRows(page, viewName).filter({ has: page.locator('.label-name', { hasText: exactly(label) }) });
}

/**
 * What the rows of the tree rendered now show, top to bottom: `label`, `description`, `ariaLabel`
 * (a TreeItem's accessibilityInformation when it has one), `level` (1 at the top), `expanded`
 * (undefined for a leaf) and the codicon names of its icon (`icons`, e.g. ["pass"] or ["sync", "modifier-spin"]).
 */
export async function visibleTreeRows(page, viewName) {
  const rows = await treeRows(page, viewName).evaluateAll((nodes) => nodes.map((node) => {
    const icon = node.querySelector('.custom-view-tree-node-item-icon');
    const expanded = node.getAttribute('aria-expanded');
    return {
      index: Number(node.dataset.index),
      label: node.querySelector('.label-name')?.textContent ?? '',
      description: node.querySelector('.label-description')?.textContent ?? '',
      ariaLabel: node.getAttribute('aria-label') ?? '',
      level: Number(node.getAttribute('aria-level')),
      expanded: expanded === null ? undefined : expanded === 'true',
      // codicon-colored only says the icon takes the theme's icon color.
      icons: [...(icon?.classList ?? [])].filter((c) => c.startsWith('codicon-') && c !== 'codicon-colored')
        .map((c) => c.slice('codicon-'.length)),
    };
  }));
  // The list recycles row elements, so their order in the DOM is not the order on screen.
  return rows.sort((a, b) => a.index - b.index).map(({ index, ...row }) => row);
}

/**
 * Scrolls a tree with the mouse wheel, as a person does, until `row` lies wholly inside the list's box (the list
 * draws only the rows in view, so a row below it does not exist until scrolled to). `direction` 1 scrolls down.
 */
export async function scrollTreeRowIntoView(page, viewName, row, { timeoutMs = 15_000, direction = 1 } = {}) {
  const list = page.locator(`.part.sidebar .monaco-list[role="tree"][aria-label="${viewName}"]`);
  await waitFor(async () => {
    const [box, rowBox] = [await list.boundingBox(), (await row.count()) > 0 ? await row.first().boundingBox() : null];
    if (box && rowBox && rowBox.y >= box.y && rowBox.y + rowBox.height <= box.y + box.height) return true;
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, direction * 66);
    }
    return false;
  }, { timeoutMs, message: `${row} scrolled into the ${viewName} view` });
}

/** Expands a collapsed tree row through its twistie and waits until the row says it is expanded. */
export async function expandTreeRow(row, { timeoutMs = 15_000 } = {}) {
  await waitFor(row, { timeoutMs, message: `the tree row ${row}` });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'true',
    { timeoutMs, message: `the tree row ${row} to expand` });
}

/**
 * Rests the pointer on a tree row's label and waits for its hover to show content passing `accept`
 * (a tooltip resolved late first shows "Loading..."). Returns the hover's locator.
 */
export async function hoverTreeRow(page, row, accept, { timeoutMs = 15_000 } = {}) {
  const hover = page.locator('.workbench-hover-container .monaco-hover');
  // A tree refresh can re-render the row under a still pointer, and then no hover comes: while none is
  // showing, point at the row afresh every few seconds, as a person would.
  let pointedAt = 0;
  await waitFor(async () => {
    if (await hover.isVisible()) return accept(await hover.innerText());
    if (Date.now() - pointedAt > 2_500) {
      pointedAt = Date.now();
      await page.mouse.move(1, 1);
      await row.locator('.label-name').hover();
    }
    return false;
  }, { timeoutMs, message: `the hover of the tree row ${row}` });
  // It fades in: a picture taken before the fade ends shows the rows behind it through it.
  await hover.evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((a) => a.finished)));
  return hover;
}

/** The text of a status bar item, by its id (`<extension id>.<item id>` for an extension's item). */
export async function statusBarText(page, id) {
  const label = page.locator(`.part.statusbar [id="${id}"] .statusbar-item-label`);
  if (!(await label.isVisible())) return undefined;
  return (await label.innerText()).trim();
}

/** Switches the color theme the way a person does, through "Preferences: Color Theme". */
export async function setColorTheme(page, label, { timeoutMs = 15_000 } = {}) {
  await runCommand(page, 'Preferences: Color Theme', { timeoutMs });
  await pickFromQuickInput(page, label, label, { timeoutMs });
  await waitForColorTheme(page, label, { timeoutMs });
}

/**
 * Waits until the workbench wears the theme labelled `label`. A theme's class names the file it came from
 * ("Dark Modern" → vscode-theme-defaults-themes-dark_modern-json), which holds for VS Code's own themes.
 */
export async function waitForColorTheme(page, label, { timeoutMs = 15_000 } = {}) {
  const fileName = label.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  await waitFor(async () => {
    const classes = (await page.locator('.monaco-workbench').getAttribute('class'))?.split(/\s+/) ?? [];
    return classes.some((c) => c.startsWith('vscode-theme-') && c.includes(`-${fileName}-`));
  }, { timeoutMs, message: `the color theme "${label}"` });
}

/** Sets the primary side bar's width by dragging its sash, as a person does to see long descriptions. */
export async function resizeSideBar(page, width, { timeoutMs = 5_000 } = {}) {
  const sideBar = page.locator('.part.sidebar');
  const sash = page.locator('.monaco-sash.primary-sidebar-sash');
  await waitFor(sash, { timeoutMs, message: 'the side bar sash' });
  const bar = await sideBar.boundingBox();
  const handle = await sash.boundingBox();
  const y = handle.y + handle.height / 2;
  await page.mouse.move(handle.x + handle.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(bar.x + width, y, { steps: 5 });
  await page.mouse.up();
  await waitFor(async () => Math.abs((await sideBar.boundingBox()).width - width) <= 2,
    { timeoutMs, message: `the side bar to be ${width} px wide` });
}

/**
 * Opens the palette on a command that shows a quick input of its own, and returns that input's text box once
 * a person could type in it. The workbench marks the quick input inert while it animates the palette away;
 * once in CI the command's own input stayed inert, so an input that does not become usable within a few
 * seconds is dismissed and the command run again, at most `attempts` times, naming the inert element if all fail.
 */
export async function startCommandInput(page, title, { timeoutMs = 15_000, attempts = 3 } = {}) {
  const input = page.locator(`${quickInput} input`);
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, title, { timeoutMs });
    try {
      await waitFor(async () => (await input.isVisible()) && !(await input.inputValue()).startsWith('>')
        && !(await inertAncestor(input)), { timeoutMs: attempt < attempts ? 5_000 : timeoutMs, message: `the input of "${title}"` });
      return input;
    } catch (error) {
      const inert = await inertAncestor(input).catch(() => undefined);
      if (attempt >= attempts) throw new Error(`${error.message}${inert ? ` (inert: ${inert})` : ''}`);
      await page.keyboard.press('Escape');
    }
  }
}

/** The element that makes `locator` inert, described by tag and classes, or '' when none does. */
function inertAncestor(locator) {
  return locator.evaluate((node) => {
    const inert = node.closest('[inert]');
    return inert ? `${inert.tagName.toLowerCase()}.${[...inert.classList].join('.')}` : '';
  });
}

/** The open quick input's rows as the text a person reads in each (label, description, detail). */
export async function quickInputRowTexts(page) {
  const rows = await page.locator(quickInputRows).evaluateAll((nodes) => nodes.map((node) => ({
    index: Number(node.dataset.index),
    text: node.innerText.replace(/\s+/g, ' ').trim(),
  })));
  return rows.sort((a, b) => a.index - b.index).map((row) => row.text);
}

export function quickInputVisible(page) {
  return page.locator(`${quickInput} input`).isVisible();
}

/** Right-clicks `row` and picks the context menu entry labelled exactly `label`. */
export async function contextMenuAction(page, row, label, { timeoutMs = 15_000 } = {}) {
  await row.click({ button: 'right' });
  // The menu lives in a shadow root of the context view; its entries are menu items by role.
  const item = page.locator('.context-view').getByRole('menuitem', { name: label, exact: true });
  await waitFor(item, { timeoutMs, message: `the context menu entry "${label}"` });
  await item.hover();
  await item.click();
  await waitFor(async () => !(await item.isVisible()), { timeoutMs, message: `the context menu to close after "${label}"` });
}

/** Clicks one of the inline action buttons a tree row shows under the pointer, by its title. */
export async function treeRowAction(page, row, title, { timeoutMs = 15_000 } = {}) {
  await row.hover();
  const action = row.locator(`.actions .action-label[aria-label="${title}"]`);
  await waitFor(action, { timeoutMs, message: `the "${title}" action of the row ${row}` });
  await action.click();
}

/** The message a tree view shows above its rows (a TreeView's `message`), '' when it shows none. */
export async function treeViewMessage(page) {
  const message = page.locator('.part.sidebar .tree-explorer-viewlet-tree-view .message:not(.hide)').first();
  return (await message.isVisible()) ? (await message.innerText()).trim() : '';
}

/** The content of the webview panel on screen (its inner frame, where the extension's page lives). */
export function webviewContent(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
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
