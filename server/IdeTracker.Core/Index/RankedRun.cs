using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Index;

/// <summary>One of a value's best runs as the index ranked it: its key and start break ties between equal results.</summary>
internal sealed record RankedRun(long RunKey, long? StartMs, RunBrief Brief);
