// What the status bar item says: the server's own summary ("1,234 runs · 2 live · 3 problems") once it
// has indexed, and the server's state before that.
import type { IndexStatusParams } from '../../protocol';
import type { ServerState } from '../server';

export interface StatusContent {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
}

const showRuns = 'ideTracker.showRuns';

/** `$(` starts an icon in status bar text; the summary is the server's, but it is text, not icons. */
function asText(summary: string): string {
  return summary.replace(/\$\(/g, '$\u200b(');
}

export function statusContent(state: ServerState, status: IndexStatusParams | undefined): StatusContent {
  if (state === 'failed') {
    return { text: '$(error) ide-tracker', tooltip: 'The ide-tracker server is not running. Click to see its log.', command: 'ideTracker.showLog' };
  }
  if (state !== 'running' || !status) {
    return { text: '$(loading~spin) ide-tracker', tooltip: 'ide-tracker is starting its server…', command: showRuns };
  }
  if (status.state === 'indexing') {
    return { text: `$(loading~spin) ${asText(status.summary)}`, tooltip: `ide-tracker is indexing runs (${status.summary} so far). Click to show the runs.`, command: showRuns };
  }
  return { text: `$(beaker) ${asText(status.summary)}`, tooltip: `ide-tracker: ${status.summary}. Click to show the runs.`, command: showRuns };
}
