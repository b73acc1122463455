namespace IdeTracker.Bench.ConfigRequests;

/// <summary>The server's way after a write: a hover answered from the older results while one background rebuild
/// reads the document's keys and the file again (p50/p95 of the hover, and of the rebuild until it swapped in).</summary>
internal sealed record ConfigRebuildCase(string Index, int Writes, double HoverP50Ms, double HoverP95Ms, double RebuildP50Ms, double RebuildP95Ms);
