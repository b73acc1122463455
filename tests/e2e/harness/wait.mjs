// Polling with a deadline: the only way the harness waits. A fixed sleep is either too short on a busy
// 2-core machine or wastes time everywhere else.

/**
 * Polls until `condition` holds and returns what it returned.
 * `condition` is a function (sync or async) whose truthy result ends the wait, or a Playwright locator,
 * which ends the wait once it is visible. Errors thrown by a function end the wait at once.
 * @param {Function | { isVisible: () => Promise<boolean> }} condition
 * @param {{ timeoutMs?: number, intervalMs?: number, message?: string }} [options]
 */
export async function waitFor(condition, { timeoutMs = 30_000, intervalMs = 100, message } = {}) {
  const check = typeof condition === 'function' ? condition : () => condition.isVisible();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message ?? describe(condition)}`);
    }
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

function describe(condition) {
  return typeof condition === 'function' ? 'a condition' : String(condition);
}
