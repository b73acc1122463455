// Reading and driving the active text editor the way a person sees it: its rendered lines (with inlay hints,
// which VS Code renders as text inside the line), the code lenses above lines, the hover a pointer opens on a
// word, and the notification toasts. Selectors are the ones VS Code 1.139 (code-server 4.139.1) renders.
import { readFileSync } from 'node:fs';
import { runCommand } from './vscode.mjs';
import { waitFor } from './wait.mjs';

const activeEditor = '.editor-group-container.active .monaco-editor';

/** The lines the active editor renders now, top to bottom: their text (inlay hints included) and vertical extent. */
export async function editorLines(page) {
  const lines = await page.locator(`${activeEditor} .view-lines .view-line`).evaluateAll((nodes) => nodes.map((node) => {
    const box = node.getBoundingClientRect();
    return { text: node.textContent.replace(/\u00a0/g, ' '), top: box.top, bottom: box.bottom };
  }));
  return lines.sort((a, b) => a.top - b.top);
}

/**
 * What VS Code shows after `sourceLine` (a line of the file as written, e.g. "lr: 0.01") besides the text itself:
 * its inlay hints, trimmed; '' when it shows none; undefined when no rendered line starts with `sourceLine`.
 */
export async function inlayHintAfter(page, sourceLine) {
  const line = (await editorLines(page)).find((l) => l.text.startsWith(sourceLine));
  return line ? line.text.slice(sourceLine.length).trim() : undefined;
}

/**
 * The code lenses of the active editor that show a title, top to bottom: `text` (several lenses on one line are
 * joined by " | ", as VS Code shows them) and `line`, the rendered text of the line the lens sits above.
 */
export async function codeLenses(page) {
  const lenses = await page.locator(`${activeEditor} .codelens-decoration`).evaluateAll((nodes) => nodes.map((node) => ({
    text: node.textContent.replace(/\u00a0/g, ' ').trim(),
    bottom: node.getBoundingClientRect().bottom,
  })));
  const lines = await editorLines(page);
  return lenses.filter((lens) => lens.text).sort((a, b) => a.bottom - b.bottom).map((lens) => ({
    text: lens.text,
    // The lens sits in a zone above its line: the first line that starts below the lens is the one it belongs to.
    line: lines.find((l) => l.top >= lens.bottom - 2)?.text,
  }));
}

/**
 * Rests the pointer on `word` in the first rendered line starting with `sourceLine`, and waits for the editor's
 * hover to show content passing `accept` (its text). While none shows, it points at the word afresh every few
 * seconds, as a person would (a hover asked for before the server was ready does not come back by itself).
 * Returns the hover's locator, with its fade-in finished.
 */
export async function hoverEditorWord(page, sourceLine, word, accept, { timeoutMs = 30_000 } = {}) {
  const hover = page.locator(`${activeEditor} .monaco-hover`).filter({ visible: true });
  let pointedAt = 0;
  let lastText = '';
  try {
    await waitFor(async () => {
      if (await hover.count() > 0) {
        lastText = await hover.first().innerText();
        if (accept(lastText)) return true;
      }
      if (Date.now() - pointedAt > 2_500) {
        pointedAt = Date.now();
        const point = await wordCentre(page, sourceLine, word);
        await page.mouse.move(1, 1);
        if (point) await page.mouse.move(point.x, point.y, { steps: 2 });
      }
      return false;
    }, { timeoutMs, message: `a hover on "${word}" in the line "${sourceLine}"` });
  } catch (error) {
    throw new Error(`${error.message}; the hover last showed: ${lastText ? JSON.stringify(lastText) : 'nothing'}`);
  }
  await hover.first().evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((a) => a.finished)));
  return hover.first();
}

/** Where `word` is drawn in the first rendered line starting with `sourceLine`, or undefined when no line shows it. */
function wordCentre(page, sourceLine, word) {
  return page.locator(`${activeEditor} .view-lines .view-line`).evaluateAll((nodes, [prefix, target]) => {
    const line = nodes.find((node) => node.textContent.replace(/\u00a0/g, ' ').startsWith(prefix));
    if (!line) return undefined;
    const start = line.textContent.replace(/\u00a0/g, ' ').indexOf(target);
    if (start < 0) return undefined;
    // Walk the line's text nodes to the ones holding the word, and measure that stretch of text.
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (offset <= start && start < offset + length) range.setStart(node, start - offset);
      if (offset < start + target.length && start + target.length <= offset + length) {
        range.setEnd(node, start + target.length - offset);
        break;
      }
      offset += length;
    }
    const box = range.getBoundingClientRect();
    return box.width > 0 ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : undefined;
  }, [sourceLine, word]);
}

/** Puts the cursor at the end of the active editor's text and inserts `text` there, as typed (no auto-closing). */
export async function insertAtEnd(page, text) {
  await page.locator(`${activeEditor} .view-lines`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/** The notification toasts on screen: `severity` ('error', 'warning' or 'info', from their icon) and `text`. */
export async function notificationToasts(page) {
  return page.locator('.notifications-toasts .notification-toast').evaluateAll((nodes) => nodes.map((node) => {
    const icon = node.querySelector('.notification-list-item-icon');
    const classes = [...(icon?.classList ?? [])];
    const severity = ['error', 'warning', 'info'].find((s) => classes.includes(`codicon-${s}`)) ?? 'unknown';
    return { severity, text: node.innerText.replace(/\s+/g, ' ').trim() };
  }));
}

/**
 * User settings that `replaceUserSettings` needs from the start: settings.json opens as a normal editor (not the
 * modal one VS Code 1.139 uses by default, which has no tab), and text inserted into it stays as given (no
 * auto-indent, no auto-closed braces or quotes).
 */
export const editableSettingsJson = {
  'workbench.editor.useModal': 'off',
  '[jsonc]': { 'editor.autoIndent': 'none', 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoSurround': 'never', 'editor.formatOnSave': false },
};

/**
 * Changes user settings while VS Code runs, the way a person does it in "Preferences: Open User Settings (JSON)":
 * the text replaced by `settings` (the whole file: see the server's userSettingsWith), saved, and the editor closed,
 * which brings the editor that was active before back to the front. Checks that the file now holds exactly
 * `settings`. Needs `editableSettingsJson` among the settings code-server started with. (VS Code in code-server
 * does not notice settings.json written behind its back, so the file is edited through VS Code.)
 */
export async function replaceUserSettings(page, server, settings, { timeoutMs = 15_000 } = {}) {
  await runCommand(page, 'Preferences: Open User Settings (JSON)', { timeoutMs });
  const tab = page.locator('.tabs-container .tab.active[data-resource-name="settings.json"]');
  await waitFor(tab, { timeoutMs, message: 'the settings.json editor' });
  await page.locator(`${activeEditor} .view-lines`).click();
  const text = JSON.stringify(settings, null, 2);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+S');
  try {
    await waitFor(() => readFileSync(server.userSettingsFile, 'utf8').trim() === text, { timeoutMs, message: 'settings.json to be saved' });
  } catch (error) {
    throw new Error(`${error.message} as\n${text}\nit holds\n${readFileSync(server.userSettingsFile, 'utf8')}`);
  }
  await runCommand(page, 'View: Close Editor', { timeoutMs });
  await waitFor(async () => !(await tab.isVisible()), { timeoutMs, message: 'the settings.json editor to close' });
}
