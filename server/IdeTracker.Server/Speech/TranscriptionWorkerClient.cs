using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Server.Speech;

/// <summary>Transcribes in a child process (<see cref="TranscriptionWorker"/>), one process per transcription: native
/// output and native crashes stay in that process. Progress lines become <see cref="IProgress{T}"/> reports; cancelling
/// kills the process tree; a worker that ends without a result becomes a <see cref="TranscriptionFailure.WorkerCrashed"/>
/// error naming its exit (and signal) and its last stderr lines.</summary>
public sealed class TranscriptionWorkerClient(WorkerCommand command) : ITranscriber
{
    private const int KeptStderrLines = 8;

    public TranscriptionWorkerClient()
        : this(WorkerCommand.ForThisProgram())
    {
    }

    /// <summary>Raised with the worker's process id as soon as it has started (tests use it to kill one).</summary>
    public event Action<int>? WorkerStarted;

    public async Task<Transcript> TranscribeAsync(string audioPath, TranscriptionOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var stderr = new Queue<string>();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                lock (stderr)
                {
                    stderr.Enqueue(text);
                    if (stderr.Count > KeptStderrLines)
                    {
                        stderr.Dequeue();
                    }
                }
            }
        };

        process.Start();
        process.BeginErrorReadLine();
        WorkerStarted?.Invoke(process.Id);
        await using var kill = cancellationToken.Register(() => Kill(process));

        var request = new WorkerRequest(Path.GetFullPath(audioPath), Path.GetFullPath(options.ModelPath), options.Language, options.InitialPrompt, options.Threads);
        try
        {
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request, WorkerJson.Options)).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The worker died before reading its request: reported below from its exit.
        }

        WorkerEvent? outcome = null;
        while (await process.StandardOutput.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            var message = Parse(line);
            if (message?.Event == WorkerEvent.Progress && message.Percent is { } percent)
            {
                progress?.Report(percent);
            }
            else if (message?.Event is WorkerEvent.Result or WorkerEvent.Error)
            {
                outcome = message;
            }
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return outcome switch
        {
            { Event: WorkerEvent.Result } result => new Transcript(result.Segments ?? [], result.Language ?? options.Language, result.AudioMs ?? 0),
            { Event: WorkerEvent.Error } error => throw new TranscriptionException(
                Enum.TryParse<TranscriptionFailure>(error.Failure, out var failure) ? failure : TranscriptionFailure.EngineFailed,
                error.Message ?? "the transcription worker failed without saying why."),
            _ => throw Crashed(audioPath, process.ExitCode, Last(stderr)),
        };
    }

    /// <summary>Exit codes above 128 are how .NET reports a child killed by a signal (128 + its number).</summary>
    internal static TranscriptionException Crashed(string audioPath, int exitCode, IReadOnlyList<string> lastLines)
    {
        var signal = exitCode > 128 ? SignalName(exitCode - 128) : null;
        var exit = signal is null ? $"exit code {exitCode}" : $"exit code {exitCode}, signal {signal}?";
        var tail = lastLines.Count == 0 ? " It wrote nothing to stderr." : $" Its last stderr lines:\n{string.Join('\n', lastLines)}";
        return new TranscriptionException(TranscriptionFailure.WorkerCrashed,
            $"the transcription worker stopped ({exit}) before finishing {audioPath}; the audio is untouched and can be transcribed again.{tail}");
    }

    private static string? SignalName(int signal) => signal switch
    {
        4 => "ILL",
        6 => "ABRT",
        7 => "BUS",
        8 => "FPE",
        9 => "KILL",
        11 => "SEGV",
        15 => "TERM",
        _ => null,
    };

    private static WorkerEvent? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkerEvent>(line, WorkerJson.Options);
        }
        catch (JsonException)
        {
            // Not a protocol line; the fd swap should make this impossible, and the outcome is judged by the exit.
            return null;
        }
    }

    private static List<string> Last(Queue<string> stderr)
    {
        lock (stderr)
        {
            return [.. stderr];
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
