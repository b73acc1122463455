using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>What has been read for one summary tag: the plugin its first metadata named (later values usually
/// carry none), its scalar points, and how many non-scalar values of each kind it had.</summary>
internal sealed class TagState
{
    private List<MediaCount>? _media;

    public TagState(byte[] utf8, string name)
    {
        Utf8 = utf8;
        Name = name;
    }

    public byte[] Utf8 { get; }

    public string Name { get; }

    /// <summary>The next tag whose UTF-8 bytes hash the same (see <see cref="TagTable"/>).</summary>
    public TagState? NextWithSameHash { get; set; }

    public bool HasMetadata { get; private set; }

    public SummaryPlugin Plugin { get; private set; }

    /// <summary>Shared with the runs this state produces: points are appended, never rewritten.</summary>
    public List<MetricPoint>? Points { get; private set; }

    public IReadOnlyList<MediaCount> Media => (IReadOnlyList<MediaCount>?)_media ?? [];

    /// <summary>Set once a "scalars" tensor of this tag turned out not to be one number, so that is said once.</summary>
    public bool ReportedNonScalar { get; set; }

    /// <summary>TensorBoard keeps the first metadata a tag comes with; so does this.</summary>
    public void NoteMetadata(SummaryPlugin plugin)
    {
        if (!HasMetadata)
        {
            HasMetadata = true;
            Plugin = plugin;
        }
    }

    public void AddPoint(MetricPoint point) => (Points ??= []).Add(point);

    public void AddMedia(string kind, long step)
    {
        _media ??= [];
        foreach (var m in _media)
        {
            if (m.Kind == kind)
            {
                m.Count++;
                m.LastStep = step;
                return;
            }
        }

        _media.Add(new MediaCount(kind) { Count = 1, LastStep = step });
    }

    /// <summary>Non-scalar values of one kind under this tag.</summary>
    internal sealed class MediaCount(string kind)
    {
        public string Kind { get; } = kind;

        public long Count { get; set; }

        public long LastStep { get; set; }
    }
}
