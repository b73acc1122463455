using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Speech.Models;

/// <summary>Downloads a model into <c>&lt;target&gt;.part</c>, resuming a part left by an earlier attempt,
/// and moves it into place only once <see cref="ModelVerifier"/> accepts it, so the target is never a
/// half-written or wrong file. Only runs when a caller asks: the extension asks the user first.</summary>
public sealed class ModelDownloader(HttpClient http, TimeSpan readIdleTimeout)
{
    private const int BufferSize = 1 << 16;

    /// <summary>A downloader that gives up on a server sending nothing for 30 seconds.</summary>
    public ModelDownloader(HttpClient http)
        : this(http, TimeSpan.FromSeconds(30))
    {
    }

    public static string PartPath(string targetPath) => targetPath + ".part";

    /// <summary>Downloads <paramref name="model"/> from <paramref name="url"/> to <paramref name="targetPath"/>
    /// and returns that path. Throws <see cref="ModelDownloadException"/> when the server refuses, the
    /// connection drops (the part is kept to resume), or the file fails verification (the part is deleted).
    /// Cancelling keeps the part, so the next call resumes.</summary>
    public async Task<string> DownloadAsync(WhisperModel model, Uri url, string targetPath, IProgress<ModelDownloadProgress>? progress,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetPath))!);
        var part = PartPath(targetPath);

        // A second pass only when the server refuses the range asked for (416, or a 206 for other bytes).
        for (var attempt = 0; ; attempt++)
        {
            var kept = File.Exists(part) ? new FileInfo(part).Length : 0;
            using var response = await SendAsync(url, kept, cancellationToken);
            var resumes = kept > 0 && response.StatusCode == HttpStatusCode.PartialContent
                && response.Content.Headers.ContentRange?.From == kept;
            var rangeRefused = kept > 0 && (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable
                || (response.StatusCode == HttpStatusCode.PartialContent && !resumes));
            if (rangeRefused && attempt == 0)
            {
                File.Delete(part);
                continue;
            }

            if (!response.IsSuccessStatusCode || rangeRefused)
            {
                throw new ModelDownloadException(
                    $"Downloading {model.Name} failed: {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.", canResume: false);
            }

            // A 200 to a range request means the server ignores ranges: its body is the whole file, so start over.
            var start = resumes ? kept : 0;
            var total = resumes
                ? response.Content.Headers.ContentRange!.Length ?? (response.Content.Headers.ContentLength + start)
                : response.Content.Headers.ContentLength;
            var received = await ReceiveAsync(response, part, start, total, url, progress, cancellationToken);
            if (total is { } expectedTotal && received != expectedTotal)
            {
                throw new ModelDownloadException(
                    $"Downloading {model.Name} stopped at {Labels.Count(received, "byte")} of {Labels.Count(expectedTotal, "byte")}; downloading again resumes.",
                    canResume: true);
            }

            return await AcceptAsync(model, part, targetPath, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, long kept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (kept > 0)
        {
            request.Headers.Range = new RangeHeaderValue(kept, null);
        }

        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception error) when (IsConnectionLoss(error, cancellationToken))
        {
            // HttpClient reports its own timeout as a cancellation; the caller did not cancel, so say what happened.
            var why = error is OperationCanceledException ? $"no answer within {Labels.Duration(http.Timeout)}." : error.Message;
            throw new ModelDownloadException($"Could not reach {url}: {why}", canResume: kept > 0, inner: error);
        }
    }

    private async Task<long> ReceiveAsync(HttpResponseMessage response, string part, long start, long? total, Uri url,
        IProgress<ModelDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var received = start;
        await using var file = OpenPart(part, start);
        try
        {
            // HttpClient's timeout ends with the headers; a body that stalls is caught by this one, per read.
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(readIdleTimeout);
            await using var body = await response.Content.ReadAsStreamAsync(idle.Token);
            var buffer = new byte[BufferSize];
            while (true)
            {
                idle.CancelAfter(readIdleTimeout);
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, idle.Token);
                }
                catch (Exception error) when (IsConnectionLoss(error, cancellationToken))
                {
                    var why = error is OperationCanceledException ? $"no data for {Labels.Duration(readIdleTimeout)}" : error.Message;
                    throw new ModelDownloadException(
                        $"The connection to {url} was lost after {Labels.Count(received, "byte")} ({why}); downloading again resumes.",
                        canResume: true, inner: error);
                }

                if (read == 0)
                {
                    return received;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                received += read;
                progress?.Report(new ModelDownloadProgress(received, total, Rate(received - start, clock.Elapsed)));
            }
        }
        finally
        {
            // What arrived stays on disk whatever happens next, so the next attempt resumes from it.
            await file.FlushAsync(CancellationToken.None);
            file.Flush(flushToDisk: true);
        }
    }

    private static FileStream OpenPart(string part, long start)
    {
        try
        {
            return new FileStream(part, start > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ModelDownloadException(
                $"Cannot write {part}: {error.Message} (is another download of this model under way?)", canResume: false, inner: error);
        }
    }

    private static async Task<string> AcceptAsync(WhisperModel model, string part, string targetPath, CancellationToken cancellationToken)
    {
        var verification = await ModelVerifier.VerifyAsync(part, model, cancellationToken);
        if (!verification.IsValid)
        {
            File.Delete(part);
            throw new ModelDownloadException(
                $"The downloaded {model.Name} was rejected and deleted: {verification.Message}", canResume: false, verification.Problem);
        }

        // Same folder, so the rename is atomic: the target is either absent or the whole verified file.
        File.Move(part, targetPath, overwrite: true);
        return targetPath;
    }

    private static bool IsConnectionLoss(Exception error, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && error is IOException or HttpRequestException or OperationCanceledException;

    private static double Rate(long bytes, TimeSpan elapsed) =>
        elapsed.TotalSeconds > 0 ? bytes / elapsed.TotalSeconds : 0;
}
