using IdeTracker.Core.Speech.Models;
using IdeTracker.Server.Speech;

namespace IdeTracker.Server.Features.Notes;

/// <summary>The speech services of a user's server: the worker process of this program and the user's model cache.</summary>
public static class DefaultSpeechServices
{
    /// <summary>One client for every download: it holds connections, and a model is fetched rarely but is large.</summary>
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        // Until the answer's headers; the body is read under the downloader's own idle timeout.
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { { "User-Agent", "ide-tracker" } },
    };

    public static SpeechServices ForCurrentUser() =>
        new(new TranscriptionWorkerClient(WorkerCommand.ForThisProgram()), ModelCacheFolder.ForCurrentUser(), Http);
}
