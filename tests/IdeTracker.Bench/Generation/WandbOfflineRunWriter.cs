using System.Globalization;
using System.Text;
using IdeTracker.Bench.Wandb;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one W&amp;B offline run as <c>wandb.init(mode="offline")</c> leaves it once the run has finished:
/// <c>offline-run-&lt;date&gt;_&lt;time&gt;-&lt;id&gt;/</c> with <c>run-&lt;id&gt;.wandb</c> (the history, framed by
/// <see cref="WandbLogGenerator"/>), <c>files/</c> (config.yaml with a desc/value pair per key, the summary of the
/// last history row, the metadata, requirements.txt and the console's output.log) and <c>logs/debug.log</c>.
/// Returns the run's folder.</summary>
internal static class WandbOfflineRunWriter
{
    public const int Steps = 100;

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] Packages =
    [
        "numpy==1.26.4", "torch==2.3.1", "torchvision==0.18.1", "wandb==0.17.0", "tqdm==4.66.4", "pyyaml==6.0.1",
        "protobuf==4.25.3", "requests==2.32.3", "scikit-learn==1.5.0", "pandas==2.2.2",
    ];

    public static string Write(string wandbFolder, double startSeconds, Random random)
    {
        var id = new string(Enumerable.Range(0, 8).Select(_ => IdAlphabet[random.Next(IdAlphabet.Length)]).ToArray());
        var started = DateTimeOffset.FromUnixTimeMilliseconds((long)(startSeconds * 1000));
        var folder = Path.Combine(wandbFolder, string.Create(CultureInfo.InvariantCulture, $"offline-run-{started:yyyyMMdd_HHmmss}-{id}"));
        var files = Path.Combine(folder, "files");
        Directory.CreateDirectory(files);
        Directory.CreateDirectory(Path.Combine(folder, "logs"));

        var last = WandbLogGenerator.WriteLog(Path.Combine(folder, $"run-{id}.wandb"), id, Steps, startSeconds, random);
        File.WriteAllText(Path.Combine(files, "config.yaml"), Config(startSeconds, random));
        File.WriteAllText(Path.Combine(files, "wandb-summary.json"), Summary(last));
        File.WriteAllText(Path.Combine(files, "wandb-metadata.json"), Metadata(started));
        File.WriteAllText(Path.Combine(files, "requirements.txt"), string.Join('\n', Packages) + "\n");
        File.WriteAllText(Path.Combine(files, "output.log"), $"Epoch 0: loss {last["train/loss"]}\nTraining finished after {Steps} steps\n");
        File.WriteAllText(
            Path.Combine(folder, "logs", "debug.log"),
            string.Create(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd HH:mm:ss},000 INFO    MainThread:1 [wandb_init.py:init():600] starting run threads in backend\n"));
        return folder;
    }

    private static string Config(double startSeconds, Random random)
    {
        var config = new StringBuilder("wandb_version: 1\n\n");
        config.Append("_wandb:\n  desc: null\n  value:\n    cli_version: 0.17.0\n    framework: torch\n    is_jupyter_run: false\n")
            .Append("    is_kaggle_kernel: false\n    python_version: 3.11.9\n")
            .Append(CultureInfo.InvariantCulture, $"    start_time: {PythonFloat.Format(startSeconds)}\n");
        void Key(string name, string value) => config.Append(CultureInfo.InvariantCulture, $"{name}:\n  desc: null\n  value: {value}\n");
        Key("batch_size", random.Pick([32, 64, 128, 256]).ToString(CultureInfo.InvariantCulture));
        Key("dataset", random.Pick(["cifar10", "imdb", "mnist"]));
        Key("epochs", random.Pick([5, 10, 20]).ToString(CultureInfo.InvariantCulture));
        config.Append(CultureInfo.InvariantCulture,
            $"optimizer:\n  desc: null\n  value:\n    lr: {PythonFloat.Format(random.Pick([0.0003, 0.001, 0.003]))}\n    name: {random.Pick(["adam", "sgd"])}\n");
        Key("seed", random.Next(10_000).ToString(CultureInfo.InvariantCulture));
        return config.ToString();
    }

    /// <summary>wandb-summary.json: the last value of every key, and W&amp;B's own runtime record.</summary>
    private static string Summary(IReadOnlyDictionary<string, string> last)
    {
        var items = last.Select(p => $"\"{p.Key}\": {p.Value}");
        var runtime = (long)double.Parse(last["_runtime"], CultureInfo.InvariantCulture);
        return "{" + string.Join(", ", items) + $", \"_wandb\": {{\"runtime\": {runtime}}}}}";
    }

    private static string Metadata(DateTimeOffset started) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        {
            "os": "Linux-6.8.0-generic-x86_64-with-glibc2.39",
            "python": "3.11.9",
            "startedAt": "{{started:yyyy-MM-ddTHH:mm:ss.ffffff}}",
            "args": [],
            "state": "running",
            "program": "train.py",
            "codePath": "train.py",
            "host": "bench-host",
            "username": "bench",
            "executable": "/usr/bin/python3",
            "cpu_count": 2,
            "cpu_count_logical": 2
        }
        """);
}
