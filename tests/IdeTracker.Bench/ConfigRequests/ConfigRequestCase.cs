namespace IdeTracker.Bench.ConfigRequests;

/// <summary>One request kind on one document: wall-clock p50/p95 when the index version moved just before each
/// request (every cache empty) and when it did not.</summary>
internal sealed record ConfigRequestCase(
    string Index,
    string Request,
    int Requests,
    double UncachedP50Ms,
    double UncachedP95Ms,
    double CachedP50Ms,
    double CachedP95Ms);
