using System.Globalization;

namespace IdeTracker.Bench.Measurement;

/// <summary>The process's peak resident set size, from Linux's <c>/proc/self/status</c>.</summary>
internal static class PeakRss
{
    /// <summary>VmHWM in MB, or null where /proc is not available.</summary>
    public static double? ReadMegabytes()
    {
        const string StatusFile = "/proc/self/status";
        if (!File.Exists(StatusFile))
        {
            return null;
        }

        var line = File.ReadLines(StatusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?["VmHWM:".Length..].Trim().Split(' ')[0];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Sets the peak back to the current RSS (Linux ≥ 4.0: write 5 to clear_refs), so the next phase
    /// of the same process is measured on its own. Collects garbage first so the previous phase's heap does not
    /// count. Returns false when the kernel does not allow it; the peak then spans every phase so far.</summary>
    public static bool Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
