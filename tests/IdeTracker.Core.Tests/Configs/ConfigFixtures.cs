using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Valid config files, one per syntax, using most of what each scanner reads; the damage tests cut and edit
/// them. Written for these tests.</summary>
public static class ConfigFixtures
{
    public const string Yaml = """
        # experiment config
        defaults:
          - _self_
          - optimizer: adam
          - override hydra/launcher: joblib
        seed: 42
        name: "baseline run"
        optimizer:
          name: adam
          lr: 0.001   # tuned
          betas: [0.9, 0.999]
          schedule: {kind: cosine, warmup: 500}
        model:
          layers:
            - 64
            - 128
          blocks:
            - name: conv
              width: 32
            - name: 'pool'
        data:
          path: /data/cifar
          学习率: 0.1
          "🚀": fast
        notes: |
          free text
          here
        tags: [a, b]
        """;

    public const string Json = """
        {
          // trainer settings
          "seed": 42,
          "optimizer": {
            "name": "adam",
            "lr": 1e-3,
            "betas": [0.9, 0.999]
          },
          "layers": [64, 128, {"kind": "pool"}],
          "学习率": 0.1,
          "🚀": "fast\u00e9",
          "flags": {"amp": true, "compile": false, "none": null},
          "tags": ["a", "b",],
        }
        """;

    public const string Toml = """
        # trainer settings
        seed = 42
        name = "baseline"

        [optimizer]
        name = 'adam'
        lr = 1e-3
        betas = [0.9, 0.999]
        schedule = { kind = "cosine", warmup = 500 }

        [model.encoder]
        layers = [
          64,
          128,
        ]
        "学习率" = 0.1

        [[servers]]
        host = "a"
        port = 8_080

        [[servers]]
        host = "b"
        """;

    public const string Python = """
        '''Training settings.'''
        import argparse

        LR = 1e-3
        batch_size: int = 64
        name = "baseline"  # a name
        config = {
            'optimizer': {'name': 'adam', 'lr': 0.001},
            'layers': [64, 128],
            'amp': True,
        }

        class Trainer:
            epochs = 10
            def fit(self):
                local = 1

        def get_args():
            parser = argparse.ArgumentParser()
            parser.add_argument('--lr', type=float, default=1e-3)
            parser.add_argument("-b", "--batch-size",
                                default=64)
            return parser.parse_args()

        学习率 = 0.1
        """;

    public static IEnumerable<(ConfigSyntax Syntax, string Text)> All =>
        [(ConfigSyntax.Yaml, Yaml), (ConfigSyntax.Json, Json), (ConfigSyntax.Toml, Toml), (ConfigSyntax.Python, Python)];
}
