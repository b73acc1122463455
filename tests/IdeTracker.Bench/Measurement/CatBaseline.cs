namespace IdeTracker.Bench.Measurement;

/// <summary>The floor any indexer is measured against: list every file under a folder and read each one
/// fully, on as many threads as the indexer uses, parsing nothing.</summary>
internal static class CatBaseline
{
    private const int BufferSize = 64 * 1024;

    public static CatResult ReadEverything(string root)
    {
        var files = 0;
        long bytes = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Parallel.ForEach(
            Directory.EnumerateFiles(root, "*", options),
            parallel,
            () => (Buffer: new byte[BufferSize], Files: 0, Bytes: 0L),
            (path, _, local) => (local.Buffer, local.Files + 1, local.Bytes + ReadFully(path, local.Buffer)),
            local =>
            {
                Interlocked.Add(ref files, local.Files);
                Interlocked.Add(ref bytes, local.Bytes);
            });
        return new CatResult(files, bytes, clock.Elapsed);
    }

    private static long ReadFully(string path, byte[] buffer)
    {
        using var handle = File.OpenHandle(path);
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
        {
            offset += read;
        }

        return offset;
    }
}
