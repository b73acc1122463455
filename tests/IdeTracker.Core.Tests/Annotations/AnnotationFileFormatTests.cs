using System.Text.Json.Nodes;
using IdeTracker.Core.Annotations;

namespace IdeTracker.Core.Tests.Annotations;

public sealed class AnnotationFileFormatTests
{
    private const string Path = "/ws/.ide-tracker/runs/0123456789abcdef.json";

    private static RunAnnotation Sample() => new()
    {
        RunId = "0123456789abcdef",
        Starred = true,
        Tags = RunAnnotation.NormalizeTags(["#baseline", "seed-sweep", "baseline", " <b>bold</b> "]),
        Note = "lr warm-up helps; \"quoted\" and ünïcode",
        Snapshot = new RunSnapshot
        {
            Name = "run <1>",
            Source = "mlflow",
            Store = "mlruns",
            Experiment = "Default",
            Status = "finished",
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1700000000123),
            EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1700000060000),
            GitCommit = "abc123",
            Path = "mlruns/0/abc",
            Params = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["lr"] = "0.01", ["batch"] = "64" },
            Metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                ["loss"] = 0.25, ["nan"] = double.NaN, ["up"] = double.PositiveInfinity, ["down"] = double.NegativeInfinity,
            },
            RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(1700000100000),
        },
    };

    [Fact]
    public void The_file_has_a_fixed_key_order_one_entry_per_line_and_a_trailing_newline()
    {
        var text = AnnotationFileFormat.Serialize(Sample());

        Assert.Equal("""
            {
              "version": 1,
              "runId": "0123456789abcdef",
              "starred": true,
              "tags": [
                "<b>bold</b>",
                "baseline",
                "seed-sweep"
              ],
              "note": "lr warm-up helps; \"quoted\" and ünïcode",
              "snapshot": {
                "name": "run <1>",
                "source": "mlflow",
                "store": "mlruns",
                "experiment": "Default",
                "status": "finished",
                "startTime": "2023-11-14T22:13:20.123Z",
                "endTime": "2023-11-14T22:14:20.000Z",
                "gitCommit": "abc123",
                "path": "mlruns/0/abc",
                "params": {
                  "batch": "64",
                  "lr": "0.01"
                },
                "metrics": {
                  "down": "-Infinity",
                  "loss": 0.25,
                  "nan": "NaN",
                  "up": "Infinity"
                },
                "recordedAt": "2023-11-14T22:15:00.000Z"
              }
            }

            """, text);
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var written = Sample();

        var read = AnnotationFileFormat.Parse(Path, AnnotationFileFormat.Serialize(written));

        Assert.Null(read.Problem);
        var annotation = read.Annotation!;
        Assert.Equal((written.RunId, written.Starred, written.Note), (annotation.RunId, annotation.Starred, annotation.Note));
        Assert.Equal(written.Tags, annotation.Tags);
        Assert.True(written.Snapshot!.SameRunAs(annotation.Snapshot!));
        Assert.Equal(written.Snapshot.RecordedAt, annotation.Snapshot!.RecordedAt);
        Assert.True(double.IsNaN(annotation.Snapshot.Metrics["nan"]));
        Assert.Equal(AnnotationFileFormat.Serialize(written), AnnotationFileFormat.Serialize(annotation));
    }

    [Fact]
    public void Fields_it_does_not_know_are_kept_in_their_order_after_the_known_ones()
    {
        const string text = """
            {
              "reviewer": {"name": "ana", "ok": [1, 2]},
              "version": 2,
              "note": "n",
              "runId": "0123456789abcdef",
              "snapshot": {"name": "r", "source": "csv", "path": "logs/a.csv", "gpuHours": 3.5},
              "zeta": null
            }
            """;

        var annotation = AnnotationFileFormat.Parse(Path, text).Annotation!;
        var rewritten = AnnotationFileFormat.Serialize(annotation with { Starred = true });
        var reparsed = JsonNode.Parse(rewritten)!.AsObject();

        Assert.Equal(["version", "runId", "starred", "tags", "note", "snapshot", "reviewer", "zeta"], reparsed.Select(p => p.Key));
        Assert.Equal(2, reparsed["version"]!.GetValue<int>());
        Assert.Equal("""{"name":"ana","ok":[1,2]}""", reparsed["reviewer"]!.ToJsonString());
        Assert.Null(reparsed["zeta"]);
        Assert.Equal(3.5, reparsed["snapshot"]!["gpuHours"]!.GetValue<double>());
        Assert.Equal("gpuHours", reparsed["snapshot"]!.AsObject().Last().Key);
    }

    [Fact]
    public void A_child_run_keeps_its_parent_after_its_experiment_and_reads_it_back()
    {
        var child = Sample() with { Snapshot = Sample().Snapshot! with { ParentId = "fedcba9876543210" } };

        var text = AnnotationFileFormat.Serialize(child);
        var read = AnnotationFileFormat.Parse(Path, text).Annotation!;

        Assert.Contains("""
                "experiment": "Default",
                "parentId": "fedcba9876543210",
                "status": "finished",
            """, text, StringComparison.Ordinal);
        Assert.Equal("fedcba9876543210", read.Snapshot!.ParentId);
        Assert.Null(read.Snapshot.Extra);
        Assert.True(child.Snapshot!.SameRunAs(read.Snapshot));
        Assert.False(Sample().Snapshot!.SameRunAs(read.Snapshot));
    }

    [Fact]
    public void A_snapshot_without_a_parent_reads_as_a_top_level_run_and_writes_no_parent()
    {
        const string older = """
            {"version": 1, "runId": "0123456789abcdef", "starred": true,
             "snapshot": {"name": "r", "source": "csv", "store": ".", "status": "finished", "path": "logs/a.csv"}}
            """;

        var annotation = AnnotationFileFormat.Parse(Path, older).Annotation!;

        Assert.Null(annotation.Snapshot!.ParentId);
        Assert.DoesNotContain("parentId", AnnotationFileFormat.Serialize(annotation), StringComparison.Ordinal);
        Assert.DoesNotContain("parentId", AnnotationFileFormat.SerializeSnapshot(annotation.Snapshot), StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_copy_of_a_snapshot_keeps_the_parent()
    {
        var snapshot = Sample().Snapshot! with { ParentId = "fedcba9876543210" };

        var copy = AnnotationFileFormat.ParseSnapshot(AnnotationFileFormat.SerializeSnapshot(snapshot));

        Assert.Equal("fedcba9876543210", copy!.ParentId);
    }

    [Fact]
    public void Invalid_json_is_a_problem_at_the_line_where_it_breaks()
    {
        const string text = "{\n  \"version\": 1,\n  \"starred\": true,\n  \"tags\": [\"a\",, ]\n}\n";

        var read = AnnotationFileFormat.Parse(Path, text);

        Assert.Null(read.Annotation);
        Assert.Equal((Path, 4), (read.Problem!.Path, read.Problem.Line));
        Assert.StartsWith("not valid JSON", read.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"starred\": \"yes\"\n}", 2, "starred must be true or false")]
    [InlineData("{\n  \"note\": \"x\",\n  \"tags\": \"a, b\"\n}", 3, "tags must be a list of text")]
    [InlineData("{\n  \"runId\": \"ffff\"\n}", 2, "does not match the file's name")]
    [InlineData("{\n\n  \"snapshot\": {\"name\": \"r\", \"source\": \"csv\", \"path\": \"p\",\n  \"metrics\": {\"loss\": \"low\"}}\n}", 4, "snapshot.metrics.loss must be a number")]
    [InlineData("{\n  \"snapshot\": {\"source\": \"csv\", \"path\": \"p\"}\n}", 2, "snapshot.name is missing")]
    [InlineData("{\"a\": 1, \"a\": 2}", 0, "not valid JSON")]
    [InlineData("[1, 2]", 1, "one JSON object")]
    [InlineData("{\"version\": 0}", 1, "version must be a whole number")]
    [InlineData("{\n  \"snapshot\": {\"name\": \"r\", \"source\": \"csv\", \"path\": \"p\",\n    \"parentId\": 7}\n}", 3, "snapshot.parentId must be text")]
    public void A_field_of_the_wrong_kind_is_a_problem_at_its_line(string text, int line, string message)
    {
        var read = AnnotationFileFormat.Parse(Path, text);

        Assert.Null(read.Annotation);
        Assert.Equal(line, read.Problem!.Line);
        Assert.Contains(message, read.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_written_file_with_only_a_star_and_a_trailing_comma_reads()
    {
        var read = AnnotationFileFormat.Parse(Path, "{\"starred\": true, \"tags\": [\"#x\", \"x\"],}");

        Assert.Null(read.Problem);
        Assert.Equal(("0123456789abcdef", true, null), (read.Annotation!.RunId, read.Annotation.Starred, read.Annotation.Snapshot));
        Assert.Equal(["x"], read.Annotation.Tags);
    }

    [Fact]
    public void Tags_are_trimmed_without_their_hash_distinct_and_sorted()
    {
        Assert.Equal(["B", "a", "b c"], RunAnnotation.NormalizeTags(["b c", "#a", " a ", "", "#", "B"]));
    }
}
