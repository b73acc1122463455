using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>The units discovery found and the problems it met on the way (unreadable folders and such).</summary>
public sealed record DiscoveryResult(IReadOnlyList<RunUnit> Units, IReadOnlyList<Problem> Problems);
