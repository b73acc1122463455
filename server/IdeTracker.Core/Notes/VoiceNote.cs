namespace IdeTracker.Core.Notes;

/// <summary>A voice note as its <c>note.json</c> records it. File names are relative to the note's folder;
/// <see cref="DraftSha256"/> is the hash of the draft as we last wrote it, so a draft the user has since edited is
/// never written over.</summary>
public sealed record VoiceNote
{
    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Title { get; init; }

    public NoteStatus Status { get; init; } = NoteStatus.Recorded;

    public string? Error { get; init; }

    public IReadOnlyList<string> RunIds { get; init; } = [];

    /// <summary>selected, spoken or mostRecent: how the runs were chosen.</summary>
    public string? LinkReason { get; init; }

    public required string AudioFile { get; init; }

    public long? AudioMs { get; init; }

    public string? TranscriptFile { get; init; }

    public string? Language { get; init; }

    public string? DraftFile { get; init; }

    public string? DraftSha256 { get; init; }

    /// <summary>Equal when every field is, the run ids compared in order (not by list reference).</summary>
    public bool Equals(VoiceNote? other) =>
        other is not null && Id == other.Id && CreatedAt == other.CreatedAt && Title == other.Title && Status == other.Status
        && Error == other.Error && RunIds.SequenceEqual(other.RunIds) && LinkReason == other.LinkReason
        && AudioFile == other.AudioFile && AudioMs == other.AudioMs && TranscriptFile == other.TranscriptFile
        && Language == other.Language && DraftFile == other.DraftFile && DraftSha256 == other.DraftSha256;

    public override int GetHashCode() => HashCode.Combine(Id, CreatedAt, Status, DraftSha256);
}
