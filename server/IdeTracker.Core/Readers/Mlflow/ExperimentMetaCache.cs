using System.Collections.Concurrent;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Every run of an experiment reads the same experiment meta.yaml: parse it once per version
/// (size and mtime) rather than once per run.</summary>
internal sealed class ExperimentMetaCache
{
    private readonly ConcurrentDictionary<string, (FileStamp Stamp, ExperimentMeta Meta)> entries = new(StringComparer.Ordinal);

    public ExperimentMeta Get(string path, FileStamp? stamp)
    {
        if (stamp is not { } current)
        {
            entries.TryRemove(path, out _);
            return ExperimentMeta.Missing(path);
        }

        if (entries.TryGetValue(path, out var cached) && cached.Stamp == current)
        {
            return cached.Meta;
        }

        var meta = ExperimentMeta.Read(path, current.Size);
        entries[path] = (current, meta);
        return meta;
    }
}
