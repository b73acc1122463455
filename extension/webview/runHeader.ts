import type { CompareRun } from '../src/protocol';
import { h } from './dom';

/** A run column's header: its star, its name (click to select the run) and where it comes from. Clicks
 * are handled by the table through the data-action attributes. */
export function runHeader(run: CompareRun, column: number): HTMLElement {
  const star = h('button', {
    className: `star${run.starred ? ' starred' : ''}`,
    testId: 'star-button',
    text: run.starred ? '★' : '☆',
    title: run.starred ? 'Remove the star' : 'Star this run',
    attrs: { type: 'button', 'data-action': 'star', 'data-run-id': run.id, 'aria-pressed': String(run.starred) },
  });
  const name = h('button', {
    className: 'run-name',
    text: run.name,
    title: [run.name, run.label, run.path].filter(Boolean).join('\n'),
    attrs: { type: 'button', 'data-action': 'select-run', 'data-col': String(column) },
  });
  const tags = h('button', {
    className: 'annotate',
    testId: 'tags-button',
    text: '#',
    title: 'Edit the tags of this run',
    attrs: { type: 'button', 'data-action': 'edit-tags', 'data-run-id': run.id, 'aria-label': `Edit the tags of ${run.name}` },
  });
  const note = h('button', {
    className: 'annotate',
    testId: 'note-button',
    text: '✎',
    title: 'Edit the note on this run',
    attrs: { type: 'button', 'data-action': 'edit-note', 'data-run-id': run.id, 'aria-label': `Edit the note on ${run.name}` },
  });
  const where = [run.experiment, run.timeAgo, run.gone ? 'files gone' : undefined].filter(Boolean).join(' · ');
  return h('div', { className: 'run-header' }, [h('div', { className: 'run-title' }, [star, name]), h('div', { className: 'run-where' }, [h('span', { className: 'muted', text: where }), tags, note])]);
}
