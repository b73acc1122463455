using IdeTracker.Core.Presentation;
using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Speech.Native;
using IdeTracker.Core.Speech.Transcription;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Notes;

/// <summary>The user's model setting turned into a file we may load: found where the setting or the cache says,
/// verified before use (a catalog file in the cache by size, ggml magic and SHA-1, once per file version; a file the
/// user named by its magic, since it may be their own quantised model), and downloaded only when asked.</summary>
public sealed class SpeechModels(string cacheFolder, HttpClient http)
{
    /// <summary>What the catalog's files weigh, roughly, for the download prompt (the catalog checks exact hashes, not sizes).</summary>
    private static readonly Dictionary<string, long> ApproximateBytes = new(StringComparer.Ordinal)
    {
        ["tiny.en"] = 77_704_715,
        ["tiny"] = 77_691_713,
        ["base.en"] = 147_964_211,
        ["base"] = 147_951_465,
    };

    private readonly Dictionary<(string Path, long Length, DateTime Written), ModelVerification> _verified = [];

    public string CacheFolder { get; } = cacheFolder;

    public static WhisperModel ModelOf(SpeechSettings settings) =>
        WhisperModels.Find(settings.Model)
        ?? throw new ArgumentException($"'{settings.Model}' is not a Whisper model we know: use one of {string.Join(", ", WhisperModels.All.Select(m => m.Name))}");

    public async Task<ModelStatusDto> StatusAsync(SpeechSettings settings, CancellationToken cancellationToken)
    {
        var model = ModelOf(settings);
        var locator = new ModelLocator(settings.ModelPath, CacheFolder);
        var location = locator.Locate(model);
        string? problem = null;
        if (location.Path is { } path)
        {
            var verification = await VerifyAsync(path, model, IsConfigured(settings, path), cancellationToken).ConfigureAwait(false);
            problem = verification.IsValid ? null : verification.Message;
        }
        else
        {
            problem = location.Message(model);
        }

        var (engineReady, engineProblem) = Engine();
        return new ModelStatusDto
        {
            Model = model.Name,
            Found = location.Found && problem is null,
            Path = location.Path,
            Problem = problem,
            Searched = location.Searched,
            DownloadUrl = model.DownloadUrl(BaseUrl(settings)).AbsoluteUri,
            DownloadPath = locator.CachePath(model),
            SizeLabel = model.SizeBytes is { } exact ? Labels.Size(exact) : ApproximateBytes.TryGetValue(model.Name, out var rough) ? Labels.Size(rough) : null,
            EngineReady = engineReady,
            EngineProblem = engineProblem,
        };
    }

    /// <summary>The verified model file to transcribe with.</summary>
    /// <exception cref="TranscriptionException">BadModel: none found (naming where we looked) or it fails verification.</exception>
    public async Task<string> ResolveAsync(SpeechSettings settings, CancellationToken cancellationToken)
    {
        var model = ModelOf(settings);
        var location = new ModelLocator(settings.ModelPath, CacheFolder).Locate(model);
        if (location.Path is not { } path)
        {
            throw new TranscriptionException(TranscriptionFailure.BadModel, location.Message(model));
        }

        var verification = await VerifyAsync(path, model, IsConfigured(settings, path), cancellationToken).ConfigureAwait(false);
        return verification.IsValid
            ? path
            : throw new TranscriptionException(TranscriptionFailure.BadModel, $"{verification.Message} It was not loaded.");
    }

    /// <exception cref="ModelDownloadException">Refused, dropped (the part is kept to resume) or failed verification.</exception>
    public async Task<ModelStatusDto> DownloadAsync(SpeechSettings settings, IProgress<ModelDownloadProgress> progress, CancellationToken cancellationToken)
    {
        var model = ModelOf(settings);
        var target = new ModelLocator(null, CacheFolder).CachePath(model);
        await new ModelDownloader(http).DownloadAsync(model, model.DownloadUrl(BaseUrl(settings)), target, progress, cancellationToken).ConfigureAwait(false);
        return await StatusAsync(settings with { ModelPath = null }, cancellationToken).ConfigureAwait(false);
    }

    public static string ProgressMessage(ModelDownloadProgress progress) =>
        progress.TotalBytes is { } total
            ? $"{Labels.Size(progress.BytesReceived)} of {Labels.Size(total)}" + (progress.BytesPerSecond > 0 ? $" · {Labels.Size((long)progress.BytesPerSecond)}/s" : "")
            : Labels.Size(progress.BytesReceived);

    public static int ProgressPercent(ModelDownloadProgress progress) =>
        progress.TotalBytes is > 0 and var total ? (int)(progress.BytesReceived * 100 / total) : 0;

    private static Uri BaseUrl(SpeechSettings settings) =>
        string.IsNullOrWhiteSpace(settings.DownloadUrl) ? WhisperModels.DefaultBaseUrl
        : Uri.TryCreate(settings.DownloadUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url
        : throw new ArgumentException($"ideTracker.voiceNotes.modelDownloadUrl '{settings.DownloadUrl}' is not an http(s) URL");

    private bool IsConfigured(SpeechSettings settings, string path) =>
        !string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetFullPath(CacheFolder), StringComparison.Ordinal)
        && !string.IsNullOrWhiteSpace(settings.ModelPath);

    private async Task<ModelVerification> VerifyAsync(string path, WhisperModel model, bool configured, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc : default);
        lock (_verified)
        {
            if (_verified.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        // A file the user named may be any ggml Whisper model (a quantised one, another size): only its magic is ours to check.
        var expected = configured ? model with { SizeBytes = null, Sha1 = null } : model;
        var verification = await ModelVerifier.VerifyAsync(path, expected, cancellationToken).ConfigureAwait(false);
        lock (_verified)
        {
            _verified[key] = verification;
        }

        return verification;
    }

    /// <summary>Only whether the library is there: loading it here could let native code write to the LSP stream, so
    /// its version is checked by the worker, which refuses any but the pinned one.</summary>
    private static (bool Ready, string? Problem) Engine()
    {
        var directory = WhisperLibrary.Directory();
        return WhisperLibrary.IsBuiltIn(directory)
            ? (true, null)
            : (false, $"the whisper.cpp library is not built: no libwhisper.so in {directory} (run scripts/speech/install.sh)");
    }
}
