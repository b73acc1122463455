using System.Globalization;
using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one DVC project made with <c>dvc init --no-scm</c> (so no git repository, and one run: the
/// workspace) after a <c>dvc repro</c> of a DVCLive training stage: dvc.yaml, params.yaml, dvc.lock, DVC's own
/// <c>.dvc/config</c>, the stage's source and output, and DVCLive 3's files: <c>dvclive/metrics.json</c> (latest values,
/// nested by "/"), <c>dvclive/params.yaml</c> and one <c>dvclive/plots/metrics/&lt;name&gt;.tsv</c> per metric
/// (<c>timestamp\tstep\t&lt;name&gt;</c>, the timestamp in ms).</summary>
internal static class DvcProjectWriter
{
    public const int Steps = 100;

    /// <summary>The stage's output, a stand-in for the trained model's weights.</summary>
    private const int ModelBytes = 4096;

    private static readonly string[] Metrics = ["train/loss", "train/acc", "eval/loss", "eval/acc"];

    public static void Write(string folder, long startMs, Random random)
    {
        Directory.CreateDirectory(Path.Combine(folder, ".dvc"));
        Directory.CreateDirectory(Path.Combine(folder, "src"));
        var epochs = Steps;
        var units = random.Pick([16, 24, 32, 64]);
        var lr = PythonFloat.Format(random.Pick([0.001, 0.003, 0.01]));
        var paramsYaml = $"train:\n  epochs: {epochs}\n  lr: {lr}\nmodel:\n  conv_units: {units}\n";
        File.WriteAllText(Path.Combine(folder, ".dvc", "config"), "[core]\n    no_scm = True\n");
        File.WriteAllText(Path.Combine(folder, ".dvcignore"), "# Add patterns of files dvc should ignore\n");
        File.WriteAllText(Path.Combine(folder, "src", "train.py"), "from dvclive import Live\n\nwith Live() as live:\n    pass\n");
        File.WriteAllText(Path.Combine(folder, "params.yaml"), paramsYaml);
        File.WriteAllText(
            Path.Combine(folder, "dvc.yaml"),
            "stages:\n  train:\n    cmd: python3 src/train.py\n    deps:\n    - src\n    params:\n    - train\n    - model\n" +
            "    outs:\n    - models\n    metrics:\n    - dvclive/metrics.json:\n        cache: false\n    plots:\n    - dvclive/plots:\n        cache: false\n");

        var live = Path.Combine(folder, "dvclive");
        var last = WritePlots(Path.Combine(live, "plots", "metrics"), startMs, random);
        File.WriteAllText(Path.Combine(live, "params.yaml"), paramsYaml);
        File.WriteAllText(Path.Combine(live, "metrics.json"), MetricsJson(last));
        var model = new byte[ModelBytes];
        random.NextBytes(model);
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        File.WriteAllBytes(Path.Combine(folder, "models", "model.pt"), model);
        File.WriteAllText(Path.Combine(folder, "dvc.lock"), LockFile(epochs, lr, units, random));
    }

    /// <summary>Returns the last value of each metric.</summary>
    private static Dictionary<string, string> WritePlots(string plots, long startMs, Random random)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        var skill = random.Between(0.85, 0.99);
        foreach (var name in Metrics)
        {
            var tsv = new StringBuilder(Steps * 40);
            tsv.Append("timestamp\tstep\t").Append(name).Append('\n');
            for (var step = 0; step < Steps; step++)
            {
                var progress = 1 - Math.Exp(-step / 20.0);
                var value = name.EndsWith("acc", StringComparison.Ordinal)
                    ? Math.Clamp((skill * progress) + (0.01 * random.Noise()), 0, 1)
                    : Math.Max(1e-3, (2.3 * (1 - progress)) + (0.02 * Math.Abs(random.Noise())));
                last[name] = PythonFloat.Format(value);
                tsv.Append(startMs + (step * 2_000L)).Append('\t').Append(step).Append('\t').Append(last[name]).Append('\n');
            }

            var path = Path.Combine(plots, name.Replace('/', Path.DirectorySeparatorChar) + ".tsv");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, tsv.ToString());
        }

        return last;
    }

    private static string MetricsJson(Dictionary<string, string> last) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
            "train": {
                "loss": {{last["train/loss"]}},
                "acc": {{last["train/acc"]}}
            },
            "eval": {
                "loss": {{last["eval/loss"]}},
                "acc": {{last["eval/acc"]}}
            },
            "step": {{Steps - 1}}
        }
        """);

    private static string LockFile(int epochs, string lr, int units, Random random)
    {
        string Md5()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return Convert.ToHexStringLower(bytes);
        }

        return string.Create(CultureInfo.InvariantCulture, $"""
            schema: '2.0'
            stages:
              train:
                cmd: python3 src/train.py
                deps:
                - path: src
                  md5: {Md5()}.dir
                  size: 71
                  nfiles: 1
                params:
                  params.yaml:
                    model:
                      conv_units: {units}
                    train:
                      epochs: {epochs}
                      lr: {lr}
                outs:
                - path: models
                  md5: {Md5()}.dir
                  size: {ModelBytes}
                  nfiles: 1

            """);
    }
}
