using System.Globalization;
using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one run of a Sacred FileStorageObserver, <c>&lt;basedir&gt;/&lt;id&gt;/</c>, as Sacred 0.8 does: run.json,
/// config.json and metrics.json dumped by Python's json module (indent 2, sorted keys, ISO 8601 times without a
/// zone), and the captured console in cout.txt. About one run in ten failed and carries its traceback.</summary>
internal static class SacredRunWriter
{
    public const int Steps = 100;

    public const string SourceFile = "_sources/train_5f1c0e2a9b7d4e6f8a3b1c2d4e5f6a7b.py";

    private static readonly string[] Metrics = ["training.loss", "training.accuracy", "validation.loss"];

    public static void Write(string baseFolder, int id, DateTime start, Random random)
    {
        var folder = Path.Combine(baseFolder, id.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var lr = random.Pick([0.0001, 0.0003, 0.001, 0.003]);
        var stepSeconds = random.Between(0.5, 3.0);
        var failed = random.Next(10) == 0;
        var steps = failed ? random.Next(10, Steps) : Steps;
        var stop = start.AddSeconds((steps * stepSeconds) + 1);

        File.WriteAllText(Path.Combine(folder, "config.json"), Config(lr, random));
        File.WriteAllText(Path.Combine(folder, "metrics.json"), MetricsJson(start, stepSeconds, steps, random));
        File.WriteAllText(Path.Combine(folder, "run.json"), RunJson(id, start, stop, failed));
        File.WriteAllText(
            Path.Combine(folder, "cout.txt"),
            $"INFO - mnist-sweep - Running command 'main'\nINFO - mnist-sweep - Started run with ID \"{id}\"\n" +
            (failed ? "ERROR - mnist-sweep - Failed after 0:01:00!\n" : "INFO - mnist-sweep - Completed after 0:03:00\n"));
    }

    private static string Config(double lr, Random random) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "batch_size": {{random.Pick([32, 64, 128])}},
          "dataset": {
            "name": "mnist",
            "root": "data/"
          },
          "epochs": {{random.Pick([10, 20, 40])}},
          "hidden_size": {{random.Pick([64, 128, 256])}},
          "lr": {{PythonFloat.Format(lr)}},
          "seed": {{random.Next(1_000_000_000)}}
        }
        """);

    private static string MetricsJson(DateTime start, double stepSeconds, int steps, Random random)
    {
        var json = new StringBuilder(steps * Metrics.Length * 80);
        json.Append("{\n");
        var skill = random.Between(0.8, 0.99);
        foreach (var (name, m) in Metrics.Order(StringComparer.Ordinal).Select((n, i) => (n, i)))
        {
            var values = new List<string>(steps);
            var times = new List<string>(steps);
            for (var step = 0; step < steps; step++)
            {
                var progress = 1 - Math.Exp(-step / 25.0);
                var value = name.EndsWith("accuracy", StringComparison.Ordinal)
                    ? Math.Clamp((skill * progress) + (0.01 * random.Noise()), 0, 1)
                    : Math.Max(1e-3, (2.3 * (1 - progress)) + (0.02 * random.Noise()));
                values.Add(PythonFloat.Format(value));
                times.Add(IsoTime(start.AddSeconds(((step + 1) * stepSeconds) + (m * 0.001))));
            }

            json.Append(CultureInfo.InvariantCulture, $"  \"{name}\": {{\n");
            AppendList(json, "steps", Enumerable.Range(1, steps).Select(s => s.ToString(CultureInfo.InvariantCulture)), last: false);
            AppendList(json, "timestamps", times.Select(t => $"\"{t}\""), last: false);
            AppendList(json, "values", values, last: true);
            json.Append(m == Metrics.Length - 1 ? "  }\n" : "  },\n");
        }

        return json.Append('}').ToString();
    }

    private static void AppendList(StringBuilder json, string key, IEnumerable<string> items, bool last)
    {
        json.Append(CultureInfo.InvariantCulture, $"    \"{key}\": [\n      ");
        json.AppendJoin(",\n      ", items);
        json.Append(last ? "\n    ]\n" : "\n    ],\n");
    }

    private static string RunJson(int id, DateTime start, DateTime stop, bool failed)
    {
        var failTrace = failed
            ? "[\n    \"Traceback (most recent call last):\\n\",\n    \"RuntimeError: CUDA out of memory.\\n\"\n  ]"
            : "null";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "artifacts": [],
              "command": "main",
              "experiment": {
                "base_dir": "/home/bench/project",
                "dependencies": [
                  "numpy==1.26.4",
                  "sacred==0.8.5",
                  "torch==2.3.1"
                ],
                "mainfile": "train.py",
                "name": "mnist-sweep",
                "repositories": [
                  {
                    "commit": "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39",
                    "dirty": false,
                    "url": "git@github.com:bench/project.git"
                  }
                ],
                "sources": [
                  [
                    "train.py",
                    "{{SourceFile}}"
                  ]
                ]
              },
              "fail_trace": {{failTrace}},
              "heartbeat": "{{IsoTime(stop)}}",
              "host": {
                "ENV": {},
                "cpu": "AMD EPYC 7B13",
                "hostname": "bench-host",
                "os": [
                  "Linux",
                  "Linux-6.8.0-generic-x86_64-with-glibc2.39"
                ],
                "python_version": "3.11.9"
              },
              "meta": {
                "command": "main",
                "config_updates": {},
                "named_configs": [],
                "options": {
                  "--file_storage": "runs",
                  "--name": null,
                  "UPDATE": []
                }
              },
              "resources": [],
              "result": null,
              "start_time": "{{IsoTime(start)}}",
              "status": "{{(failed ? "FAILED" : "COMPLETED")}}",
              "stop_time": "{{IsoTime(stop)}}"
            }
            """);
    }

    private static string IsoTime(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
