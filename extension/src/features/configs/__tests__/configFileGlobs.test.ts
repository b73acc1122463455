import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readExtensionManifest } from '../../../test/unit/extensionManifest';
import { matchesGlob } from '../../../test/unit/vscodeGlob';
import { configFilesSetting, readConfigFileGlobs, type ConfigFileGlobs } from '../configFileGlobs';
import { languagesOfGlob } from '../configDocumentSelector';

describe('reading ideTracker.configFiles', () => {
  test('splits the globs that take files in from the ! globs that leave files out', () => {
    assert.deepEqual(readConfigFileGlobs(['**/params.yaml', '!**/node_modules/**', 'conf/**/*.yaml']), {
      include: ['**/params.yaml', 'conf/**/*.yaml'], exclude: ['**/node_modules/**'],
    });
  });

  test('trims, reads ./ and / as the workspace folder, and drops empty, repeated and non-string entries', () => {
    assert.deepEqual(readConfigFileGlobs([' ./conf/*.yaml ', '/train.py', '', '!', '! ', 42, null, 'train.py', '! .github/** ']), {
      include: ['conf/*.yaml', 'train.py'], exclude: ['.github/**'],
    });
  });

  test('takes nothing in when the setting is not a list', () => {
    assert.deepEqual(readConfigFileGlobs('**/params.yaml'), { include: [], exclude: [] });
    assert.deepEqual(readConfigFileGlobs(undefined), { include: [], exclude: [] });
  });
});

/** Whether a path relative to the workspace folder counts as a config under `globs`, as the client decides it:
 * a glob in, none out, and a language the server reads for the glob that took it in. */
function counts(path: string, globs: ConfigFileGlobs): boolean {
  return globs.include.some((glob) => matchesGlob(path, glob) && languagesOfGlob(glob).length > 0)
    && !globs.exclude.some((glob) => matchesGlob(path, glob));
}

describe('the default config files', () => {
  const setting = readExtensionManifest().contributes.configuration.properties[configFilesSetting];
  const defaults = readConfigFileGlobs(setting?.default);

  test('are declared with a description', () => {
    assert.equal(setting?.type, 'array');
    assert.ok(defaults.include.length > 0 && defaults.exclude.length > 0);
    assert.match(setting?.markdownDescription ?? '', /`!`/);
  });

  const configs = [
    'params.yaml', 'dvc-project/params.yaml', 'params.json',
    // Hydra: the primary config and a group's options.
    'conf/config.yaml', 'conf/optimizer/adam.yaml', 'src/conf/model/resnet.yml',
    'configs/bert.json', 'configs/detection/faster_rcnn_r50.py', 'config/train.toml', 'config.toml', 'model_config.json',
    'hparams.yaml', 'experiments/hparams_small.yml', 'hyperparameters.json', 'data/hyps/hyp.scratch-low.yaml',
    'train.py', 'scripts/train_resnet.py', 'config.py',
  ];
  for (const path of configs) {
    test(`take in ${path}`, () => assert.equal(counts(path, defaults), true));
  }

  const notConfigs = [
    // Tooling and the user's own ide-tracker files.
    '.github/workflows/config.yml', '.circleci/config.yml', '.pre-commit-config.yaml', '.vscode/settings.json',
    '.ide-tracker/runs/0123456789abcdef.json', 'tsconfig.json', 'web/jsconfig.json',
    // Installed packages.
    'node_modules/some-lib/config.json', '.venv/lib/python3.11/site-packages/torch/config.py',
    'venv/lib/python3.11/site-packages/torch/config.py', 'build/lib/pkg/config.py',
    // What runs recorded: copies of a config, not the config of the next run.
    'mlruns/0/0123abcd/artifacts/config.yaml', 'multirun/2026-11-28/14-05-12/0/.hydra/config.yaml',
    'outputs/2026-11-27/09-30-00/.hydra/config.yaml', 'wandb/run-20240101_120000-abc123/files/config.yaml',
    'lightning_logs/version_0/hparams.yaml', 'tb_logs/resnet/version_3/hparams.yaml', 'sacred_runs/3/config.json',
    'runs/7/config.json', 'dvc-project/dvclive/params.yaml', '.guild/runs/0123/.guild/attrs/flags',
    // Files that set no values the server reads.
    'README.md', 'src/model.py', 'conf/README.md', 'data/train.csv', 'setup.cfg',
  ];
  for (const path of notConfigs) {
    test(`leave out ${path}`, () => assert.equal(counts(path, defaults), false));
  }
});
