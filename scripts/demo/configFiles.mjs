// The config files of the demo workspace, written to line up with the runs the demo writes, so that hovers, code
// lenses and inlay hints have something to say: each file sets keys those runs recorded, some values tried often,
// some never tried.
import { join } from 'node:path';
import { writeFile } from './mlflowFiles.mjs';

/** The Hydra group options the demo's Hydra runs were composed from (conf/<group>/<option>.yaml). */
export const hydraOptions = {
  model: { resnet: { name: 'resnet18' }, vit_small: { name: 'vit_small', patch: 16 } },
  optimizer: { adam: { name: 'adam', betas: [0.9, 0.999], weight_decay: 0 }, sgd: { name: 'sgd', momentum: 0.9, weight_decay: 0.0001 } },
};

const files = {
  // The MLflow resnet-sweep experiment's params: lr 0.01 was tried by dozens of its runs, batch_size 96 by none.
  'params.yaml': [
    '# What train.py trains with: the keys the resnet-sweep runs in mlruns/ recorded.',
    'lr: 0.01',
    'batch_size: 96',
    'optimizer: adam',
    'epochs: 30',
    'seed: 1',
    'model:',
    '  name: resnet50',
    '  dropout: 0.1',
  ],
  // The script behind resnet-sweep: its argparse defaults are values those runs recorded.
  'train.py': [
    '"""Trains a ResNet on the demo data and logs the run to MLflow (the resnet-sweep experiment in mlruns/)."""',
    'import argparse',
    '',
    '',
    'def parse_args(argv=None):',
    '    parser = argparse.ArgumentParser(description=__doc__)',
    '    parser.add_argument("--lr", type=float, default=0.003, help="learning rate")',
    '    parser.add_argument("--batch-size", type=int, default=128)',
    '    parser.add_argument("--optimizer", choices=["adam", "sgd"], default="sgd")',
    '    parser.add_argument("--epochs", type=int, default=30)',
    '    parser.add_argument("--seed", type=int, default=0)',
    '    return parser.parse_args(argv)',
    '',
    '',
    'def main():',
    '    args = parse_args()',
    '    import mlflow',
    '',
    '    with mlflow.start_run(experiment_id="1", run_name=f"resnet50-lr{args.lr}-bs{args.batch_size}"):',
    '        mlflow.log_params(vars(args))',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  ],
  // Hydra's primary config for the sweep in multirun/ (`python train.py -m lr=0.1,0.03,0.01 batch_size=64,128`):
  // its defaults pick the group options the sweep's jobs record as choices.
  'conf/config.yaml': [
    'defaults:',
    '  - model: resnet',
    '  - optimizer: adam',
    '  - _self_',
    '',
    'lr: 0.1',
    'batch_size: 64',
  ],
  // The W&B runs of the tiny-transformer project in wandb/; 3e-4 is the 0.0003 they recorded, written another way.
  'config.toml': [
    '# The tiny transformer of the W&B runs in wandb/ (project tiny-transformer).',
    '[model]',
    'layers = 4',
    'd_model = 256',
    '',
    '[train]',
    'lr = 3e-4',
    'optimizer = "lion"',
  ],
  // The bert-finetune trials in mlruns/.
  'configs/bert.json': [
    '{',
    '  "model": "bert-base-uncased",',
    '  "lr": 3e-5,',
    '  "warmup": 100,',
    '  "dropout": 0.1',
    '}',
  ],
};

function optionYaml(option) {
  return Object.entries(option).map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : value}`);
}

/** Writes the config files into the demo folder `root`. */
export function writeDemoConfigs(root) {
  for (const [path, lines] of Object.entries(files)) writeFile(join(root, path), `${lines.join('\n')}\n`);
  for (const [group, options] of Object.entries(hydraOptions)) {
    for (const [name, option] of Object.entries(options)) writeFile(join(root, 'conf', group, `${name}.yaml`), `${optionYaml(option).join('\n')}\n`);
  }
}
