using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Discovery;

/// <summary>Every unit found under a workspace root, in walk order (folders sorted ordinally), and the
/// folders the walk could not read.</summary>
public sealed record DiscoveryResult(IReadOnlyList<RunUnit> Units, IReadOnlyList<Problem> Problems);
