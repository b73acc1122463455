using System.Globalization;
using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one Hydra multirun sweep as Hydra 1.3 leaves it, <c>multirun/&lt;date&gt;/&lt;time&gt;/</c>: the sweep's
/// multirun.yaml and one job folder per point of an lr × dropout grid, each with Hydra's <c>.hydra/</c> (config.yaml,
/// hydra.yaml, overrides.yaml), the job's log <c>train.log</c> and the Lightning CSVLogger version the job trained
/// into (<see cref="LightningVersionWriter"/>).</summary>
internal static class HydraSweepWriter
{
    public const string JobName = "train";

    private static readonly string[] LearningRates = ["0.1", "0.01", "0.001"];
    private static readonly string[] Dropouts = ["0.1", "0.3", "0.5"];

    public static int MaxJobs => LearningRates.Length * Dropouts.Length;

    /// <param name="multirunFolder">The <c>multirun/</c> folder the sweep goes in.</param>
    /// <param name="seedOfJob">The random source of each job, by its number.</param>
    public static void Write(string multirunFolder, DateTime start, int jobs, Func<int, Random> seedOfJob)
    {
        if (jobs < 1 || jobs > MaxJobs)
        {
            throw new ArgumentOutOfRangeException(nameof(jobs), jobs, $"a sweep of the {MaxJobs}-point grid has 1 to {MaxJobs} jobs");
        }

        var sweep = Path.Combine(multirunFolder, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("HH-mm-ss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(sweep);
        // multirun.yaml holds the config before the sweep's overrides, with the swept values as given on the command line.
        var sweepOverrides = $"model.lr={string.Join(',', LearningRates)}\n    - model.dropout={string.Join(',', Dropouts)}";
        File.WriteAllText(Path.Combine(sweep, "multirun.yaml"), HydraYaml(sweep, "MULTIRUN", sweepOverrides, null, "???", "???") + BaseConfig("0.01", "0.1"));
        for (var num = 0; num < jobs; num++)
        {
            var lr = LearningRates[num / Dropouts.Length];
            var dropout = Dropouts[num % Dropouts.Length];
            var job = Path.Combine(sweep, num.ToString(CultureInfo.InvariantCulture));
            var hydra = Path.Combine(job, ".hydra");
            Directory.CreateDirectory(hydra);
            string[] overrides = [$"model.lr={lr}", $"model.dropout={dropout}"];
            File.WriteAllText(Path.Combine(hydra, "config.yaml"), BaseConfig(lr, dropout));
            File.WriteAllText(Path.Combine(hydra, "overrides.yaml"), string.Concat(overrides.Select(o => $"- {o}\n")));
            File.WriteAllText(
                Path.Combine(hydra, "hydra.yaml"),
                HydraYaml(job, "MULTIRUN", string.Join("\n    - ", overrides), num, string.Join(',', overrides.Order(StringComparer.Ordinal)), $"{num}"));
            var random = seedOfJob(num);
            File.WriteAllText(Path.Combine(job, JobName + ".log"), Log(start.AddMinutes(num * 10)));
            LightningVersionWriter.Write(Path.Combine(job, "lightning_logs", "version_0"), random);
        }
    }

    private static string BaseConfig(string lr, string dropout) =>
        $"model:\n  name: resnet18\n  lr: {lr}\n  dropout: {dropout}\ndata:\n  name: cifar10\n  batch_size: 128\ntrainer:\n  max_epochs: 20\n  precision: 16\nseed: 42\n";

    /// <summary>The parts of Hydra's hydra.yaml the reader and a user look at; a real one also holds the help
    /// templates and logging configs, which change nothing here.</summary>
    private static string HydraYaml(string folder, string mode, string taskOverrides, int? num, string overrideDirname, string id)
    {
        var yaml = new StringBuilder(2048);
        yaml.Append("hydra:\n  run:\n    dir: outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}\n  sweep:\n    dir: multirun/${now:%Y-%m-%d}/${now:%H-%M-%S}\n")
            .Append("    subdir: ${hydra.job.num}\n  launcher:\n    _target_: hydra._internal.core_plugins.basic_launcher.BasicLauncher\n")
            .Append("  sweeper:\n    _target_: hydra._internal.core_plugins.basic_sweeper.BasicSweeper\n    max_batch_size: null\n    params: null\n")
            .Append("  job_logging:\n    version: 1\n    formatters:\n      simple:\n        format: '[%(asctime)s][%(name)s][%(levelname)s] - %(message)s'\n")
            .Append("    handlers:\n      file:\n        class: logging.FileHandler\n        formatter: simple\n        filename: ${hydra.runtime.output_dir}/${hydra.job.name}.log\n")
            .Append("    root:\n      level: INFO\n      handlers:\n      - file\n    disable_existing_loggers: false\n")
            .Append(CultureInfo.InvariantCulture, $"  env: {{}}\n  mode: {mode}\n  searchpath: []\n  callbacks: {{}}\n  output_subdir: .hydra\n")
            .Append(CultureInfo.InvariantCulture, $"  overrides:\n    hydra:\n    - hydra.mode={mode}\n    task:\n    - {taskOverrides}\n")
            .Append(CultureInfo.InvariantCulture, $"  job:\n    name: {JobName}\n    chdir: null\n    override_dirname: {overrideDirname}\n    id: {id}\n")
            .Append(CultureInfo.InvariantCulture, $"    num: {(num is { } n ? n.ToString(CultureInfo.InvariantCulture) : "???")}\n    config_name: config\n    env_set: {{}}\n    env_copy: []\n")
            .Append(CultureInfo.InvariantCulture, $"  runtime:\n    version: 1.3.2\n    version_base: '1.3'\n    cwd: /home/bench/project\n    output_dir: {(num is null ? "???" : folder)}\n")
            .Append("    choices:\n      hydra/env: default\n      hydra/callbacks: null\n      hydra/job_logging: default\n      hydra/sweeper: basic\n")
            .Append("      hydra/launcher: basic\n      hydra/output: default\n  verbose: false\n");
        return yaml.ToString();
    }

    private static string Log(DateTime start) =>
        string.Create(CultureInfo.InvariantCulture, $"[{start:yyyy-MM-dd HH:mm:ss},123][__main__][INFO] - training resnet18 on cifar10\n") +
        string.Create(CultureInfo.InvariantCulture, $"[{start.AddMinutes(9):yyyy-MM-dd HH:mm:ss},456][__main__][INFO] - done\n");
}
