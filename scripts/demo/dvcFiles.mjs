// Writes a DVC project as `dvc exp run` with DVCLive leaves it: dvc.yaml, params.yaml, dvc.lock (dependency
// hashes), dvclive/metrics.json and dvclive/plots/metrics/<name>.tsv; and, when git is installed, a git
// repository whose branches and refs/exps hold earlier experiments. The demo works without git.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from './mlflowFiles.mjs';

function writeExperimentFiles(folder, { params, curves, digest }) {
  writeFile(join(folder, 'dvc.yaml'), [
    'stages:',
    '  train:',
    '    cmd: python train.py',
    '    deps:',
    '    - data/train.csv',
    '    - train.py',
    '    params:',
    '    - train',
    '    outs:',
    '    - model.pt',
    'metrics:',
    '- dvclive/metrics.json',
    'plots:',
    '- dvclive/plots/metrics:',
    '    x: step',
    '',
  ].join('\n'));
  writeFile(join(folder, 'params.yaml'), `train:\n${Object.entries(params).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
  writeFile(join(folder, 'dvc.lock'), [
    'schema: \'2.0\'',
    'stages:',
    '  train:',
    '    cmd: python train.py',
    '    deps:',
    '    - path: data/train.csv',
    `      md5: ${digest}`,
    '      size: 1048576',
    '    - path: train.py',
    '      md5: 6d2f0e54b9c1a8d7e3f4a5b6c7d8e9f0',
    '      size: 2312',
    '    params:',
    '      params.yaml:',
    ...Object.entries(params).map(([k, v]) => `        train.${k}: ${v}`),
    '    outs:',
    '    - path: model.pt',
    '      md5: 0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    '      size: 4419112',
    '',
  ].join('\n'));
  const last = {};
  for (const [name, points] of Object.entries(curves)) {
    writeFile(join(folder, 'dvclive', 'plots', 'metrics', `${name}.tsv`),
      `timestamp\tstep\t${name.split('/').at(-1)}\n${points.map(([t, v, s]) => `${t}\t${s}\t${v}`).join('\n')}\n`);
    const [group, key] = name.split('/');
    (last[group] ??= {})[key] = points.at(-1)[1];
  }
  writeFile(join(folder, 'dvclive', 'metrics.json'), JSON.stringify({ ...last, step: Object.values(curves)[0].length - 1 }, null, 2));
}

function git(folder, args, when) {
  const date = when === undefined ? {} : { GIT_AUTHOR_DATE: new Date(when).toISOString(), GIT_COMMITTER_DATE: new Date(when).toISOString() };
  return spawnSync('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
    { cwd: folder, encoding: 'utf8', env: { ...process.env, ...date } });
}

/**
 * `experiments[0]` is the workspace as it is now; the others are committed first, each on its own branch or as a
 * DVC experiment ref based on main. Returns how many runs the project holds.
 */
export function writeDvcProject(folder, experiments) {
  const [workspace, ...history] = experiments;
  mkdirSync(folder, { recursive: true });
  if (history.length > 0 && git(folder, ['init', '-q']).status === 0) {
    writeFile(join(folder, 'train.py'), 'print("train")\n');
    writeFile(join(folder, '.gitignore'), '/model.pt\n');
    let mainCommit;
    for (const exp of history) {
      if (exp.kind === 'exp') git(folder, ['checkout', '-q', 'main']);
      else if (mainCommit) git(folder, ['checkout', '-q', '-b', exp.name, 'main']);
      writeExperimentFiles(folder, exp);
      git(folder, ['add', '-A']);
      // Committed when its last point was logged, as `dvc exp run` would have.
      git(folder, ['commit', '-q', '-m', exp.message], Object.values(exp.curves)[0].at(-1)[0]);
      const commit = git(folder, ['rev-parse', 'HEAD']).stdout.trim();
      if (!mainCommit) mainCommit = commit;
      if (exp.kind === 'exp') {
        // An experiment lives in refs/exps/<first 2 of the baseline sha>/<the rest>/<name>, not on a branch.
        git(folder, ['update-ref', `refs/exps/${mainCommit.slice(0, 2)}/${mainCommit.slice(2)}/${exp.name}`, commit]);
        git(folder, ['reset', '-q', '--hard', mainCommit]);
      }
    }
    git(folder, ['checkout', '-q', 'main']);
  }
  writeExperimentFiles(folder, workspace);
  return experiments.length;
}
