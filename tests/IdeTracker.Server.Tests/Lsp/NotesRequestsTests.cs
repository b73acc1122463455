using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Core.Notes;
using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Speech.Synthetic;
using IdeTracker.Core.Tests.Speech.Models;
using IdeTracker.Core.Tests.Speech.Native;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Features.Notes;
using IdeTracker.Server.Speech;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>Voice notes through the real server over JSON-RPC: notes made from audio, transcribed by the real worker
/// process on a synthetic whisper model, drafted about real MLflow runs, the model's status and download against a
/// loopback server, and every failure leaving the note's audio in place to retry.</summary>
public sealed class NotesRequestsTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(120);
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _models;
    private readonly string _micro = SyntheticModels.Path(SyntheticModelShape.Micro);
    private readonly TranscriptionWorkerClient _worker = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public NotesRequestsTests()
    {
        _workspace = _temp.Combine("workspace");
        _models = _temp.Combine("models");
        var store = Path.Combine(_workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "1", "sweep");
        RunFixtures.WriteMlflowRun(store, "1", "a1".PadRight(32, '0'), "adam-small", startMs: 1_700_000_000_000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.001", ["optimizer"] = "adam" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.70, 0.91, 0.93] });
        RunFixtures.WriteMlflowRun(store, "1", "a2".PadRight(32, '0'), "adam-large", startMs: 1_700_000_100_000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.01", ["optimizer"] = "adam" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.60, 0.85] });
    }

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    private async Task<InProcessServer> StartAsync()
    {
        var server = await InProcessServer.StartAsync(_workspace, _temp.Combine("storage"), speech: () => new SpeechServices(_worker, _models, _http));
        await server.WaitUntilIndexedAsync();
        return server;
    }

    private object Speech(string? modelPath = null) => new { model = "tiny.en", modelPath = modelPath ?? _micro, language = "en" };

    private static Task<JsonElement> CreateAsync(InProcessServer server, string audioPath, bool move = true, string[]? runIds = null) =>
        server.RequestAsync<JsonElement>("ideTracker/notes/create", new { audioPath, moveAudio = move, runIds });

    private async Task<JsonElement> TranscribeAsync(InProcessServer server, string noteId, string? token = null, string? modelPath = null)
    {
        using var timeout = new CancellationTokenSource(Slow);
        return await server.Client.InvokeWithParameterObjectAsync<JsonElement>(
            "ideTracker/notes/transcribe", new { noteId, speech = Speech(modelPath), workDoneToken = token }, timeout.Token);
    }

    private static string RunId(InProcessServer server, string name) =>
        server.Server.Session!.Store.QueryRuns(null, null, 0, 10, null, DateTimeOffset.UtcNow).Items.Single(r => r.Name == name).Id;

    [Fact]
    public async Task A_recording_moved_into_a_note_is_listed_newest_first_and_announced()
    {
        await using var server = await StartAsync();
        var recording = _temp.WriteBytes("rec.wav", SpeechClips.Warble(2));
        Assert.Empty((await server.RequestAsync<JsonElement>("ideTracker/notes/list", new { })).GetProperty("notes").EnumerateArray());

        var note = await CreateAsync(server, recording);

        Assert.False(File.Exists(recording));
        Assert.Equal("recorded", note.GetProperty("status").GetString());
        Assert.True(File.Exists(note.GetProperty("audioPath").GetString()));
        Assert.StartsWith(Path.Combine(_workspace, ".ide-tracker", "notes"), note.GetProperty("folder").GetString());
        var listed = (await server.RequestAsync<JsonElement>("ideTracker/notes/list", new { })).GetProperty("notes");
        Assert.Equal(note.GetProperty("id").GetString(), Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        var changed = await server.Notifications.WaitForAsync("ideTracker/notesChanged");
        Assert.Equal(note.GetProperty("id").GetString(), changed.GetProperty("noteIds")[0].GetString());
    }

    [Fact]
    public async Task A_note_is_transcribed_with_progress_on_the_clients_token_then_drafted_about_the_selected_run()
    {
        await using var server = await StartAsync();
        var runId = RunId(server, "adam-small");
        var created = await CreateAsync(server, _temp.WriteBytes("rec.wav", SpeechClips.Warble(3)), runIds: [runId]);
        var id = created.GetProperty("id").GetString()!;

        var transcribed = await TranscribeAsync(server, id, token: "note-progress");

        Assert.Equal("transcribed", transcribed.GetProperty("status").GetString());
        Assert.Equal("3 seconds", transcribed.GetProperty("durationLabel").GetString());
        Assert.True(File.Exists(transcribed.GetProperty("transcriptPath").GetString()));
        var progress = server.Notifications.Of("$/progress").Where(p => p.GetProperty("token").GetString() == "note-progress")
            .Select(p => p.GetProperty("value").GetProperty("kind").GetString()).ToList();
        Assert.Equal("begin", progress[0]);
        Assert.Equal("end", progress[^1]);
        var transcript = new NoteStore(_workspace).ReadTranscript(new NoteStore(_workspace).Get(id))!;
        Assert.All(transcript.Segments, s => Assert.InRange(s.EndMs, s.StartMs, 3_000));

        var drafted = await server.RequestAsync<JsonElement>("ideTracker/notes/draft", new { noteId = id });

        Assert.Equal("drafted", drafted.GetProperty("status").GetString());
        Assert.Equal([runId], drafted.GetProperty("runIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["adam-small"], drafted.GetProperty("runNames").EnumerateArray().Select(r => r.GetString()));
        var draft = File.ReadAllText(drafted.GetProperty("draftPath").GetString()!);
        Assert.Contains(IdeTracker.Core.Presentation.MarkdownText.EscapeForEditing("adam-small"), draft);
        Assert.Contains("## Next steps", draft);
        Assert.Contains("](./val_acc.png)", draft);
        Assert.True(File.Exists(Path.Combine(drafted.GetProperty("folder").GetString()!, "val_acc.png")));
        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId });
        Assert.Equal(id, Assert.Single(details.GetProperty("notes").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("1 voice note", details.GetProperty("tooltip").GetString());
        await server.Notifications.WaitForAsync("ideTracker/runsChanged", p => p.GetProperty("runIds").EnumerateArray().Any(r => r.GetString() == runId));
    }

    [Fact]
    public async Task A_model_that_is_not_ggml_fails_the_note_keeps_its_audio_and_a_retry_with_a_real_model_works()
    {
        await using var server = await StartAsync();
        var note = await CreateAsync(server, _temp.WriteBytes("rec.wav", SpeechClips.Warble(2)));
        var id = note.GetProperty("id").GetString()!;
        var html = _temp.Write("ggml-tiny.en.bin", "<html>404 not found</html>");

        var failed = await TranscribeAsync(server, id, modelPath: html);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains($"{html}: not a ggml file", failed.GetProperty("error").GetString());
        Assert.Contains("It was not loaded.", failed.GetProperty("error").GetString());
        Assert.True(File.Exists(failed.GetProperty("audioPath").GetString()));

        var retried = await TranscribeAsync(server, id);

        Assert.Equal("transcribed", retried.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, retried.TryGetProperty("error", out var error) ? error.ValueKind : JsonValueKind.Null);
    }

    [Fact]
    public async Task A_worker_killed_mid_transcription_fails_the_note_and_the_server_goes_on_transcribing()
    {
        await using var server = await StartAsync();
        var longNote = (await CreateAsync(server, _temp.WriteBytes("long.wav", SpeechClips.Warble(600)))).GetProperty("id").GetString()!;
        var pid = 0;
        _worker.WorkerStarted += started => pid = started;

        var transcribing = TranscribeAsync(server, longNote, token: "long");
        await server.Notifications.WaitForAsync("$/progress", p => p.GetProperty("token").GetString() == "long"
            && p.GetProperty("value").GetProperty("kind").GetString() == "report", timeout: Slow);
        Process.GetProcessById(pid).Kill();
        var failed = await transcribing;

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.StartsWith("the transcription worker stopped (exit code 137", failed.GetProperty("error").GetString());
        Assert.True(File.Exists(failed.GetProperty("audioPath").GetString()));
        var shortNote = (await CreateAsync(server, _temp.WriteBytes("short.wav", SpeechClips.Warble(2)))).GetProperty("id").GetString()!;
        Assert.Equal("transcribed", (await TranscribeAsync(server, shortNote)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cancelled_transcription_leaves_the_note_recorded_with_its_audio_to_retry()
    {
        await using var server = await StartAsync();
        var id = (await CreateAsync(server, _temp.WriteBytes("long.wav", SpeechClips.Warble(600)))).GetProperty("id").GetString()!;
        using var cancel = new CancellationTokenSource();

        var transcribing = server.Client.InvokeWithParameterObjectAsync<JsonElement>(
            "ideTracker/notes/transcribe", new { noteId = id, speech = Speech(), workDoneToken = "cancel-me" }, cancel.Token);
        await server.Notifications.WaitForAsync("$/progress", p => p.GetProperty("token").GetString() == "cancel-me"
            && p.GetProperty("value").GetProperty("kind").GetString() == "report", timeout: Slow);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transcribing);

        var note = await PollAsync(async () => Assert.Single((await server.RequestAsync<JsonElement>("ideTracker/notes/list", new { }))
            .GetProperty("notes").EnumerateArray(), n => n.GetProperty("status").GetString() == "recorded"));
        Assert.Equal(NotesFeature.Cancelled, note.GetProperty("error").GetString());
        Assert.True(File.Exists(note.GetProperty("audioPath").GetString()));
    }

    [Fact]
    public async Task A_note_a_stopped_server_left_transcribing_is_listed_as_interrupted()
    {
        var store = new NoteStore(_workspace);
        var note = store.Create(_temp.WriteBytes("rec.wav", SpeechClips.Warble(1)), move: true, [], DateTimeOffset.UtcNow);
        store.Save(note with { Status = NoteStatus.Transcribing });
        await using var server = await StartAsync();

        var listed = Assert.Single((await server.RequestAsync<JsonElement>("ideTracker/notes/list", new { })).GetProperty("notes").EnumerateArray());

        Assert.Equal("failed", listed.GetProperty("status").GetString());
        Assert.Equal(NotesFeature.Interrupted, listed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Drafting_before_transcribing_and_an_unknown_note_are_request_errors_that_say_why()
    {
        await using var server = await StartAsync();
        var id = (await CreateAsync(server, _temp.WriteBytes("rec.wav", SpeechClips.Warble(1)))).GetProperty("id").GetString()!;

        var early = await Assert.ThrowsAsync<RemoteInvocationException>(() => server.RequestAsync<JsonElement>("ideTracker/notes/draft", new { noteId = id }));
        var unknown = await Assert.ThrowsAsync<RemoteInvocationException>(() => server.RequestAsync<JsonElement>("ideTracker/notes/draft", new { noteId = "../../etc" }));

        Assert.Contains("transcribe it first", early.Message);
        Assert.Contains("is not a voice note id", unknown.Message);
        Assert.Equal(-32803, early.ErrorCode);
    }

    [Fact]
    public async Task Model_status_names_where_it_looked_and_a_configured_ggml_file_is_found()
    {
        await using var server = await StartAsync();

        var missing = await server.RequestAsync<JsonElement>("ideTracker/speech/modelStatus", new { speech = new { model = "tiny.en" } });
        var configured = await server.RequestAsync<JsonElement>("ideTracker/speech/modelStatus", new { speech = Speech() });

        Assert.False(missing.GetProperty("found").GetBoolean());
        Assert.Equal([Path.Combine(_models, "ggml-tiny.en.bin")], missing.GetProperty("searched").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("No Whisper model tiny.en", missing.GetProperty("problem").GetString());
        Assert.Equal("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-tiny.en.bin", missing.GetProperty("downloadUrl").GetString());
        Assert.EndsWith(" MB", missing.GetProperty("sizeLabel").GetString());
        Assert.True(missing.GetProperty("engineReady").GetBoolean());
        Assert.True(configured.GetProperty("found").GetBoolean());
        Assert.Equal(_micro, configured.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_download_whose_file_fails_the_catalog_checksum_is_refused_with_progress_shown_and_nothing_kept()
    {
        await using var models = new LoopbackModelServer();
        models.Files["ggml-tiny.en.bin"] = File.ReadAllBytes(_micro);
        await using var server = await StartAsync();

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => server.RequestAsync<JsonElement>("ideTracker/speech/downloadModel",
            new { speech = new { model = "tiny.en", downloadUrl = models.BaseUrl.AbsoluteUri }, workDoneToken = "download" }));

        Assert.Contains("SHA-1", error.Message);
        Assert.False(File.Exists(Path.Combine(_models, "ggml-tiny.en.bin")));
        Assert.False(File.Exists(ModelDownloader.PartPath(Path.Combine(_models, "ggml-tiny.en.bin"))));
        var kinds = server.Notifications.Of("$/progress").Where(p => p.GetProperty("token").GetString() == "download")
            .Select(p => p.GetProperty("value").GetProperty("kind").GetString()).ToList();
        Assert.Equal(["begin", "end"], kinds.Where(k => k != "report"));
        var status = await server.RequestAsync<JsonElement>("ideTracker/speech/modelStatus", new { speech = new { model = "tiny.en" } });
        Assert.False(status.GetProperty("found").GetBoolean());
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
