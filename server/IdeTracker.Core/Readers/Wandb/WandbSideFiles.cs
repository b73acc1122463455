using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>What the small files in files/ hold. They are re-read whole on every read: they are small, and
/// W&amp;B rewrites rather than appends them.</summary>
internal sealed class WandbSideFiles
{
    public WandbMetadata? Metadata { get; private init; }

    /// <summary>config.yaml's values as params; empty when the file is missing or held none.</summary>
    public Dictionary<string, string> ConfigParams { get; } = new(StringComparer.Ordinal);

    /// <summary>What config.yaml's "_wandb" key records about the environment (python, wandb, framework).</summary>
    public Dictionary<string, string> ConfigEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>wandb-summary.json's top-level members, when it is a JSON object.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Summary { get; private init; } = [];

    public Dictionary<string, string> Packages { get; } = new(StringComparer.Ordinal);

    /// <summary>diff.patch has content: the working tree differed from the commit.</summary>
    public bool HasDiff { get; private init; }

    /// <summary>Reads the files that <paramref name="stamps"/> (taken just before) saw, up to the sizes seen.</summary>
    public static WandbSideFiles Read(WandbRunFolder folder, IReadOnlyList<FileStamp> stamps, List<Problem> problems)
    {
        long? SizeOf(FileInfo file) => stamps.FirstOrDefault(s => s.Path == file.FullName) is { Path: not null } stamp ? stamp.Size : null;

        var summary = SizeOf(folder.Summary) is { } summarySize ? SmallJsonFile.Read(folder.Summary.FullName, summarySize, problems) : null;
        if (summary is { Kind: not JsonKind.Object })
        {
            problems.Add(new Problem(folder.Summary.FullName, 1, "is not a JSON object; not read"));
        }

        var files = new WandbSideFiles
        {
            Metadata = SizeOf(folder.Metadata) is { } metadataSize ? WandbMetadata.Read(folder.Metadata.FullName, metadataSize, problems) : null,
            Summary = summary is { Kind: JsonKind.Object } ? summary.Members : [],
            HasDiff = SizeOf(folder.Diff) > 0,
        };
        if (SizeOf(folder.Config) is not null)
        {
            ConfigYaml.Read(folder.Config.FullName, files.ConfigParams, files.ConfigEnvironment, problems);
        }

        if (SizeOf(folder.Requirements) is { } requirementsSize)
        {
            RequirementsFile.Read(folder.Requirements.FullName, requirementsSize, files.Packages, problems);
        }

        return files;
    }
}
