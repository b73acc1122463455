using IdeTracker.Core.Annotations;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Annotations;

public sealed class AnnotationFileWriterTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void Writing_creates_the_folder_and_leaves_no_temp_file_behind()
    {
        var path = temp.Combine(".ide-tracker", "runs", "abc.json");

        AnnotationFileWriter.Write(path, new RunAnnotation { RunId = "abc", Starred = true });

        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.True(AnnotationFileFormat.Read(path).Annotation!.Starred);
    }

    [Fact]
    public void An_existing_file_is_replaced_whole()
    {
        var path = temp.Combine(".ide-tracker", "runs", "abc.json");
        var longer = new RunAnnotation { RunId = "abc", Tags = [.. Enumerable.Range(0, 200).Select(i => $"tag{i:D3}")], Note = new string('x', 5000) };
        AnnotationFileWriter.Write(path, longer);
        var shorter = new RunAnnotation { RunId = "abc", Starred = true };

        AnnotationFileWriter.Write(path, shorter);

        Assert.Equal(AnnotationFileFormat.Serialize(shorter), File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_never_overwritten_and_the_error_names_it_and_its_line()
    {
        var path = temp.Write(".ide-tracker/runs/abc.json", "{\n  \"starred\": true\n  \"note\": \"missing comma\"\n}\n");
        var before = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);

        var error = Assert.Throws<AnnotationFileException>(() => AnnotationFileWriter.Write(path, new RunAnnotation { RunId = "abc" }));

        Assert.Contains(path + ":3:", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_a_clear_error_naming_the_file()
    {
        var blocker = temp.Write(".ide-tracker", "a file where the folder should be");
        var path = Path.Combine(blocker, "runs", "abc.json");

        var error = Assert.Throws<AnnotationFileException>(() => AnnotationFileWriter.Write(path, new RunAnnotation { RunId = "abc" }));

        Assert.StartsWith(path + ": cannot be written", error.Message, StringComparison.Ordinal);
        Assert.Equal("a file where the folder should be", File.ReadAllText(blocker));
    }

    public void Dispose() => temp.Dispose();
}
