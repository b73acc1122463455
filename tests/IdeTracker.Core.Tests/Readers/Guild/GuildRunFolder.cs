using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Guild;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Guild;

/// <summary>A generated Guild home (&lt;root&gt;/guild/runs/&lt;id&gt;) in a scratch folder, read with the real reader.
/// Attr files are written as Guild's yaml_util writes them: one YAML value and a newline.</summary>
internal sealed class GuildRunFolder : IDisposable
{
    public const string Id = "0123456789abcdef0123456789abcdef";

    private readonly TempDirectory _dir = new();

    public string Root => _dir.Path;

    public string Store => _dir.Combine("guild", "runs");

    public string Folder => Path.Combine(Store, Id);

    public string GuildDir => Path.Combine(Folder, ".guild");

    public RunUnit Unit => new(UnitFormats.GuildRun, Folder, Store, Root);

    public GuildRunReader Reader { get; } = new();

    public string Attr(string name, string yaml) => Write(Path.Combine(".guild", "attrs", name), yaml + "\n");

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A minimal finished run of operation "train".</summary>
    public GuildRunFolder Finished()
    {
        Write(Path.Combine(".guild", "opref"), "guildfile:/home/u/project abc123 '' train\n");
        Attr("id", Id);
        Attr("flags", "lr: 0.01\nepochs: 3");
        Attr("started", "1700000000000000");
        Attr("stopped", "1700000060500000");
        Attr("exit_status", "0");
        return this;
    }

    public UnitReadResult Read() => Reader.Read(Unit, CancellationToken.None);

    public UnitReadResult Read(ReadResume? resume) => Reader.Read(Unit, resume, CancellationToken.None);

    public void Dispose() => _dir.Dispose();
}
