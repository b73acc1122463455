using System.Diagnostics;
using IdeTracker.Core.Speech.Native;

namespace IdeTracker.Server.Tests.Cli;

/// <summary>Runs the built ide-tracker from this test's bin folder, as its apphost or as <c>dotnet ide-tracker.dll</c>,
/// with a timeout, the whisper library folder passed on, and extra environment variables.</summary>
public static class BuiltExecutable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static (int Code, string Out, string Err) Run(bool throughDotnet, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = throughDotnet
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ide-tracker.dll") } }
            : new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "ide-tracker"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment[WhisperLibrary.DirectoryVariable] = WhisperLibrary.Directory();
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ide-tracker");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ide-tracker {string.Join(' ', args)} did not finish in {Timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
