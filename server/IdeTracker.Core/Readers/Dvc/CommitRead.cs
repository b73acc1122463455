using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>What one commit holds for the project (null when it holds no DVC project there) and the problems
/// its files gave, not yet saying which ref they were seen through. A commit never changes, so a later read
/// takes this instead of reading the commit again.</summary>
internal sealed record CommitRead(ProjectContent? Content, IReadOnlyList<Problem> Problems);
