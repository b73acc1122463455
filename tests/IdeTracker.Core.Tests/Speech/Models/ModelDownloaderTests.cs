using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech.Models;

public sealed class ModelDownloaderTests : IAsyncLifetime
{
    private const int Length = 3 * 1024 * 1024 + 123;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory folder = new();
    private readonly LoopbackModelServer server = new();
    private readonly HttpClient http = new() { Timeout = Timeout };
    private readonly byte[] file = TestModelFiles.Ggml(Length);

    private string Target => folder.Combine("cache", TestModelFiles.FileName);

    private string Part => ModelDownloader.PartPath(Target);

    private Uri Url => TestModelFiles.EntryFor(file).DownloadUrl(server.BaseUrl);

    public Task InitializeAsync()
    {
        server.Files[TestModelFiles.FileName] = file;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_full_download_reports_rising_progress_that_ends_at_the_total()
    {
        var progress = new RecordingProgress<ModelDownloadProgress>();

        var path = await Download(TestModelFiles.EntryFor(file), progress);

        Assert.Equal(Target, path);
        Assert.Equal(file, await File.ReadAllBytesAsync(Target));
        Assert.False(File.Exists(Part));
        var reports = progress.Reports;
        Assert.True(reports.Count > 1, $"only {reports.Count} progress reports");
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.BytesReceived > pair.First.BytesReceived));
        Assert.All(reports, report => Assert.Equal(Length, report.TotalBytes));
        Assert.All(reports, report => Assert.True(report.BytesPerSecond >= 0));
        Assert.Equal(Length, reports[^1].BytesReceived);
        Assert.Equal([(Url.AbsolutePath, null)], server.Requests.ToArray());
    }

    [Fact]
    public async Task A_dropped_connection_keeps_the_part_and_the_next_attempt_resumes_with_a_range()
    {
        const int cut = 1_000_003;
        server.CutNextResponseAfter(cut);

        var dropped = await Assert.ThrowsAsync<ModelDownloadException>(() => Download(TestModelFiles.EntryFor(file)));

        Assert.True(dropped.CanResume);
        Assert.Contains("resumes", dropped.Message);
        Assert.False(File.Exists(Target));
        Assert.Equal(cut, new FileInfo(Part).Length);

        var progress = new RecordingProgress<ModelDownloadProgress>();
        await Download(TestModelFiles.EntryFor(file), progress);

        Assert.Equal(file, await File.ReadAllBytesAsync(Target));
        Assert.False(File.Exists(Part));
        Assert.Equal($"bytes={cut}-", server.Requests.ToArray()[^1].Range);
        Assert.True(progress.Reports[0].BytesReceived > cut);
        Assert.Equal(Length, progress.Reports[^1].BytesReceived);
    }

    [Fact]
    public async Task A_body_that_stalls_is_given_up_on_and_what_arrived_is_kept_to_resume()
    {
        const int sent = 700_001;
        server.StallNextResponseAfter(sent);
        var downloader = new ModelDownloader(http, readIdleTimeout: TimeSpan.FromMilliseconds(300));

        var stalled = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            downloader.DownloadAsync(TestModelFiles.EntryFor(file), Url, Target, null, Cancel()));

        Assert.True(stalled.CanResume);
        Assert.Contains("after 700,001 bytes (no data for 300 milliseconds)", stalled.Message);
        Assert.Equal(sent, new FileInfo(Part).Length);
        Assert.False(File.Exists(Target));

        await downloader.DownloadAsync(TestModelFiles.EntryFor(file), Url, Target, null, Cancel());

        Assert.Equal($"bytes={sent}-", server.Requests.ToArray()[^1].Range);
        Assert.Equal(file, await File.ReadAllBytesAsync(Target));
    }

    [Fact]
    public async Task A_part_another_download_is_writing_is_left_alone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Part)!);
        await File.WriteAllBytesAsync(Part, file[..1000]);
        await using (new FileStream(Part, FileMode.Append, FileAccess.Write, FileShare.None))
        {
            var refused = await Assert.ThrowsAsync<ModelDownloadException>(() => Download(TestModelFiles.EntryFor(file)));

            Assert.StartsWith($"Cannot write {Part}:", refused.Message);
        }

        Assert.Equal(file[..1000], await File.ReadAllBytesAsync(Part));
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_server_that_ignores_range_answers_200_and_the_download_starts_over()
    {
        await using var ignoring = new LoopbackModelServer { HonoursRange = false };
        ignoring.Files[TestModelFiles.FileName] = file;
        Directory.CreateDirectory(Path.GetDirectoryName(Part)!);
        // Bytes unlike the file's: appending the full body after them would fail the checksum.
        await File.WriteAllBytesAsync(Part, new byte[5000]);

        await new ModelDownloader(http).DownloadAsync(TestModelFiles.EntryFor(file), TestModelFiles.EntryFor(file).DownloadUrl(ignoring.BaseUrl),
            Target, null, Cancel());

        Assert.Equal("bytes=5000-", ignoring.Requests.Single().Range);
        Assert.Equal(file, await File.ReadAllBytesAsync(Target));
        Assert.False(File.Exists(Part));
    }

    [Fact]
    public async Task A_part_longer_than_the_file_is_refused_by_the_server_and_the_download_starts_over()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Part)!);
        await File.WriteAllBytesAsync(Part, new byte[Length + 10]);

        await Download(TestModelFiles.EntryFor(file));

        Assert.Equal(new[] { $"bytes={Length + 10}-", null }, server.Requests.Select(request => request.Range).ToArray());
        Assert.Equal(file, await File.ReadAllBytesAsync(Target));
    }

    [Fact]
    public async Task A_checksum_mismatch_is_rejected_and_neither_part_nor_target_is_left()
    {
        var wrong = TestModelFiles.EntryFor(file) with { Sha1 = new string('0', 40) };

        var rejected = await Assert.ThrowsAsync<ModelDownloadException>(() => Download(wrong));

        Assert.Equal(ModelProblem.WrongChecksum, rejected.Problem);
        Assert.False(rejected.CanResume);
        Assert.Contains($"SHA-1 is {TestModelFiles.Sha1Of(file)}, expected {new string('0', 40)}", rejected.Message);
        Assert.False(File.Exists(Part));
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_file_without_the_ggml_magic_is_rejected()
    {
        var zip = (byte[])file.Clone();
        "PK\x03\x04"u8.CopyTo(zip);
        server.Files[TestModelFiles.FileName] = zip;

        var rejected = await Assert.ThrowsAsync<ModelDownloadException>(() => Download(TestModelFiles.EntryFor(zip)));

        Assert.Equal(ModelProblem.NotGgml, rejected.Problem);
        Assert.Contains(@"not a ggml file: starts with 'PK\x03\x04'", rejected.Message);
        Assert.False(File.Exists(Part));
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_file_of_the_wrong_size_is_rejected()
    {
        var bigger = TestModelFiles.EntryFor(file) with { SizeBytes = Length + 1 };

        var rejected = await Assert.ThrowsAsync<ModelDownloadException>(() => Download(bigger));

        Assert.Equal(ModelProblem.WrongSize, rejected.Problem);
        Assert.Contains("is 3,145,851 bytes, expected 3,145,852 bytes", rejected.Message);
        Assert.False(File.Exists(Part));
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task Cancelling_keeps_a_part_that_the_next_download_resumes()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var progress = new RecordingProgress<ModelDownloadProgress>(report =>
        {
            if (report.BytesReceived >= 500_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ModelDownloader(http).DownloadAsync(TestModelFiles.EntryFor(file), Url, Target, progress, cancel.Token));

        Assert.False(File.Exists(Target));
        var kept = new FileInfo(Part).Length;
        Assert.InRange(kept, 500_000, Length - 1);
        Assert.Equal(file[..(int)kept], await File.ReadAllBytesAsync(Part));

        await Download(TestModelFiles.EntryFor(file));

        Assert.Equal($"bytes={kept}-", server.Requests.ToArray()[^1].Range);
        Assert.Equal(file, await File.ReadAllBytesAsync(Target));
    }

    [Fact]
    public async Task A_404_says_which_url_answered_it()
    {
        var missing = TestModelFiles.EntryFor(file) with { Name = "missing", FileName = "ggml-missing.bin" };

        var failed = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).DownloadAsync(missing, missing.DownloadUrl(server.BaseUrl), Target, null, Cancel()));

        Assert.Equal($"Downloading missing failed: {missing.DownloadUrl(server.BaseUrl)} answered 404 Not Found.", failed.Message);
        Assert.False(File.Exists(Part));
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_named()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort()}/{TestModelFiles.FileName}");

        var failed = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).DownloadAsync(TestModelFiles.EntryFor(file), nowhere, Target, null, Cancel()));

        Assert.StartsWith($"Could not reach {nowhere}", failed.Message);
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task A_server_that_never_answers_is_reported_as_unreachable_not_as_cancelled()
    {
        // Connections wait in the listener's backlog and are never answered.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var url = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/{TestModelFiles.FileName}");

        var failed = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(impatient).DownloadAsync(TestModelFiles.EntryFor(file), url, Target, null, Cancel()));

        Assert.Equal($"Could not reach {url}: no answer within 300 milliseconds.", failed.Message);
        Assert.False(File.Exists(Target));
    }

    private Task<string> Download(WhisperModel model, IProgress<ModelDownloadProgress>? progress = null) =>
        new ModelDownloader(http).DownloadAsync(model, Url, Target, progress, Cancel());

    private static CancellationToken Cancel() => new CancellationTokenSource(Timeout).Token;

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
        folder.Dispose();
    }
}
