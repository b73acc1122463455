using System.Globalization;
using IdeTracker.Bench.Tfevents;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one finished Guild AI run, <c>&lt;guild home&gt;/runs/&lt;32 hex id&gt;/</c>, as Guild 0.9 leaves it:
/// <c>.guild/attrs/</c> with one YAML value per file (times in µs since 1970), <c>.guild/opref</c>, the console in
/// <c>.guild/output</c>, the copied source code in <c>.guild/sourcecode/</c>, and the output scalars Guild logs to
/// <c>.guild/events.out.tfevents.*</c> (<see cref="TfeventsFileGenerator"/>).</summary>
internal static class GuildRunWriter
{
    public const int Steps = 100;

    private static readonly string[] Scalars = ["loss", "acc", "val_loss", "val_acc"];

    public static void Write(string runsFolder, long startMicroseconds, Random random)
    {
        var idBytes = new byte[16];
        random.NextBytes(idBytes);
        var id = Convert.ToHexStringLower(idBytes);
        var guild = Path.Combine(runsFolder, id, ".guild");
        var attrs = Path.Combine(guild, "attrs");
        Directory.CreateDirectory(attrs);
        Directory.CreateDirectory(Path.Combine(guild, "sourcecode"));

        var lr = PythonFloat.Format(random.Pick([0.001, 0.01, 0.1]));
        var epochs = random.Pick([5, 10, 20]);
        var stoppedMicroseconds = startMicroseconds + (long)(random.Between(60, 600) * 1_000_000);
        var failed = random.Next(20) == 0;
        void Attr(string name, string yaml) => File.WriteAllText(Path.Combine(attrs, name), yaml + "\n");
        Attr("cmd", "- /usr/bin/python3\n- -um\n- guild.op_main\n- train\n- --\n- --epochs\n- " + epochs + "\n- --lr\n- " + lr);
        Attr("deps", "{}");
        Attr("env", "CMD_DIR: /home/bench/project\nGUILD_OP: train\nLOG_LEVEL: '20'\nPYTHONPATH: .guild/sourcecode");
        Attr("exit_status", failed ? "1" : "0");
        Attr("flags", $"epochs: {epochs}\nlr: {lr}");
        Attr("host", "bench-host");
        Attr("id", id);
        Attr("initialized", (startMicroseconds - 250_000).ToString(CultureInfo.InvariantCulture));
        Attr("label", $"epochs={epochs} lr={lr}");
        Attr("op", "flag-null-labels: {}\nop-cmd:\n  cmd-args:\n  - ${python_exe}\n  - -um\n  - guild.op_main\n  - train\n  - __flag_args__\nsourcecode-root: .guild/sourcecode");
        Attr("platform", "machine: x86_64\nrelease: 6.8.0-generic\nsystem: Linux");
        Attr("random_seed", random.Next(int.MaxValue).ToString(CultureInfo.InvariantCulture));
        Attr("sourcecode_digest", "9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e");
        Attr("started", startMicroseconds.ToString(CultureInfo.InvariantCulture));
        Attr("stopped", stoppedMicroseconds.ToString(CultureInfo.InvariantCulture));
        Attr("user", "bench");
        Attr("user_flags", $"lr: {lr}");
        Attr("vcs_commit", "git:3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39");

        File.WriteAllText(Path.Combine(guild, "opref"), "guildfile:/home/bench/project 9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e '' train\n");
        File.WriteAllText(Path.Combine(guild, "output"), $"Training for {epochs} epochs at lr {lr}\nloss: 0.25\nacc: 0.91\n");
        File.WriteAllText(Path.Combine(guild, "sourcecode", "train.py"), "import argparse\n\nprint('training')\n");
        File.WriteAllText(Path.Combine(guild, "sourcecode", "guild.yml"), "train:\n  main: train\n  flags:\n    lr: 0.01\n    epochs: 10\n");

        var seconds = startMicroseconds / 1_000_000.0;
        var name = string.Create(CultureInfo.InvariantCulture, $"events.out.tfevents.{(long)seconds}.bench-host.{random.Next(1_000, 60_000)}.0");
        TfeventsFileGenerator.WriteEventFile(Path.Combine(guild, name), Scalars, Steps, seconds, random);
    }
}
