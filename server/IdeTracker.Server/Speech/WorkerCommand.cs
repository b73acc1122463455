namespace IdeTracker.Server.Speech;

/// <summary>How to start the transcription worker: this program (ide-tracker) with the hidden worker verb. Run as its
/// own executable it starts itself; hosted by <c>dotnet</c> (<c>dotnet ide-tracker.dll</c>, a test host) it starts
/// <c>dotnet exec ide-tracker.dll</c>; loaded by another program (the bench) it starts the apphost beside
/// ide-tracker.dll, or <c>dotnet exec</c> of it when there is none.</summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public static WorkerCommand ForThisProgram()
    {
        var process = Environment.ProcessPath;
        var entry = typeof(WorkerCommand).Assembly.Location;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerCommand(process, ["exec", entry, TranscriptionWorker.Verb]);
        }

        var apphost = Path.Combine(Path.GetDirectoryName(entry)!, Path.GetFileNameWithoutExtension(entry) + (OperatingSystem.IsWindows() ? ".exe" : ""));
        return File.Exists(apphost)
            ? new WorkerCommand(apphost, [TranscriptionWorker.Verb])
            : new WorkerCommand("dotnet", ["exec", entry, TranscriptionWorker.Verb]);
    }
}
