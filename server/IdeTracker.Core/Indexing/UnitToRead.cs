using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>A unit whose stamps differ from the index, with its reader and the stamps taken
/// (null when stamping failed, so the unit is read regardless), and where a resumable reader stopped last time.</summary>
internal sealed record UnitToRead(RunUnit Unit, IRunReader Reader, IReadOnlyList<FileStamp>? Stamps, ReadResume? Resume = null);
