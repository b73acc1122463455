// Steps shared by the scenarios: keeping a picture of the step that failed, polling an assertion until the
// screen settles, and saying what a scenario needs before it starts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { screenshot, waitFor } from './vscode.mjs';

export function requireFile(path, how) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${how}`);
}

/** Keeps the picture of a failing step next to the others, named after the step. */
export async function withFailureScreenshot(page, name, step) {
  try {
    await step();
  } catch (error) {
    if (page) await screenshot(page, `FAILED-${name}`).catch(() => {});
    throw error;
  }
}

/**
 * Polls `check` (which throws an AssertionError while the screen is not as it should be) until it passes;
 * after `timeoutMs` fails with the last assertion's message.
 */
export async function eventually(check, { timeoutMs, message }) {
  let last;
  try {
    await waitFor(async () => {
      try {
        await check();
        return true;
      } catch (error) {
        if (!(error instanceof assert.AssertionError)) throw error;
        last = error;
        return false;
      }
    }, { timeoutMs, message });
  } catch (error) {
    if (!last) throw error;
    // A generated message carries the diff, which the reporter prints again from actual and expected.
    const reason = last.generatedMessage ? last.message.split('\n')[0] : last.message;
    throw new assert.AssertionError({
      message: `${error.message}: ${reason}`, actual: last.actual, expected: last.expected, operator: last.operator,
    });
  }
}
