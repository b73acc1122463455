using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Dvc;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>A generated DVC project folder outside any git repository (the temp folder is in none), read with
/// the real reader. Everything in it is written by the test.</summary>
internal sealed class ProjectFolderFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ProjectFolderFixture()
    {
        Directory.CreateDirectory(Folder);
    }

    public DvcProjectReader Reader { get; } = new();

    public string Root => _dir.Path;

    public string Folder => _dir.Combine("project");

    public RunUnit Unit => new(UnitFormats.DvcProject, Folder, Folder, Root);

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Append(string relative, byte[] content)
    {
        using var stream = new FileStream(PathOf(relative), FileMode.Append, FileAccess.Write);
        stream.Write(content);
    }

    public UnitReadResult Read() => Reader.Read(Unit, CancellationToken.None);

    public UnitReadResult Read(ReadResume? resume) => Reader.Read(Unit, resume, CancellationToken.None);

    public void Dispose() => _dir.Dispose();
}
