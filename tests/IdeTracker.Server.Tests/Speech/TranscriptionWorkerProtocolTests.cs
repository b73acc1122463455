using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Core.Speech.Native;
using IdeTracker.Core.Speech.Synthetic;
using IdeTracker.Core.Tests.Speech.Native;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Speech;

namespace IdeTracker.Server.Tests.Speech;

/// <summary>The worker process driven by hand: its stdout is nothing but protocol lines while whisper.cpp's own
/// logging (hundreds of lines on load) arrives on stderr.</summary>
public sealed class TranscriptionWorkerProtocolTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Stdout_carries_only_protocol_lines_and_native_logging_goes_to_stderr()
    {
        var audio = _temp.Combine("clip.wav");
        File.WriteAllBytes(audio, SpeechClips.Warble(2));
        var request = JsonSerializer.Serialize(new WorkerRequest(audio, SyntheticModels.Path(SyntheticModelShape.Micro)), WorkerJson.Options);
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "ide-tracker"), [TranscriptionWorker.Verb])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[WhisperLibrary.DirectoryVariable] = WhisperLibrary.Directory();

        using var worker = Process.Start(start)!;
        worker.StandardInput.Write(request);
        worker.StandardInput.Close();
        var stderr = worker.StandardError.ReadToEndAsync();
        var stdout = await worker.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(120));
        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, worker.ExitCode);
        var events = lines.Select(line => JsonSerializer.Deserialize<WorkerEvent>(line, WorkerJson.Options)!).ToList();
        Assert.All(events[..^1], e => Assert.Equal(WorkerEvent.Progress, e.Event));
        Assert.Equal(WorkerEvent.Result, events[^1].Event);
        Assert.Equal(2_000, events[^1].AudioMs);
        Assert.Contains("whisper_model_load", await stderr);
    }
}
