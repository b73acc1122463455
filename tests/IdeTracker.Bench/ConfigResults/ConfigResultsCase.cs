namespace IdeTracker.Bench.ConfigResults;

/// <summary>The figures of one case: milliseconds per call with a fresh index version each time (the catalog and
/// the key's values read again) and with the cache warm.</summary>
internal sealed record ConfigResultsCase(string Label, int Runs, double UncachedP50Ms, double UncachedP95Ms, double CachedP50Ms, double CachedP95Ms);
