using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Bench.Measurement;

namespace IdeTracker.Bench;

/// <summary>Measures one scenario in a fresh process of this same program, so each scenario's peak RSS is its
/// own. The child's progress goes straight to our stderr; its stdout carries only the result line.</summary>
internal static class ChildProcess
{
    public static ScenarioRun Measure(BenchOptions options, BenchScenario scenario)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };

        // Started as "dotnet IdeTracker.Bench.dll" rather than through the apphost.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in options.ToChildArguments(scenario.Name))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {self}");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            return new ScenarioRun(scenario, null, $"the child process exited with code {process.ExitCode}; its error is above");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var result = line is null ? null : JsonSerializer.Deserialize<ScenarioResult>(line, BenchJson.Options);
        return result is null
            ? new ScenarioRun(scenario, null, "the child process printed no result")
            : new ScenarioRun(scenario, result, null);
    }
}
