using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>What one commit gives a run: when and by whom it was made, the first line of its message, the
/// project as the commit holds it (null when it holds no DVC project there) and the problems its files gave,
/// not yet saying which ref they were seen through. A commit never changes, so a later read takes this
/// instead of looking the commit up again.</summary>
internal sealed record CommitRead(DateTimeOffset When, string? Author, string? Note, ProjectContent? Content, IReadOnlyList<Problem> Problems);
