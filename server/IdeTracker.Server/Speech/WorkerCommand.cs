namespace IdeTracker.Server.Speech;

/// <summary>How to start the transcription worker: this same program with the hidden worker verb. Run as its own
/// executable (the apphost in bin/, or a published build) it starts itself; hosted by <c>dotnet</c> (<c>dotnet
/// ide-tracker.dll</c>, or inside a test host) it starts <c>dotnet exec &lt;ide-tracker.dll&gt;</c>.</summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public static WorkerCommand ForThisProgram()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var entry = typeof(WorkerCommand).Assembly.Location;
        var hostedByDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return hostedByDotnet
            ? new WorkerCommand(process, ["exec", entry, TranscriptionWorker.Verb])
            : new WorkerCommand(process, [TranscriptionWorker.Verb]);
    }
}
