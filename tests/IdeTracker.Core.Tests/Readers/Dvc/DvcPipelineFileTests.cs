using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Dvc;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>The forms dvc.yaml writes params and metrics in (generated snippets of DVC's documented syntax).</summary>
public sealed class DvcPipelineFileTests
{
    [Fact]
    public void Bare_params_are_keys_of_params_yaml_and_mappings_name_other_files()
    {
        var pipeline = Parse("""
            stages:
              train:
                cmd: python train.py
                params:
                  - lr
                  - train.epochs
                  - config/model.yaml:
                      - layers
                  - config/data.json:
                  - other.toml:lr,batch
            """);

        Assert.Equal(
            [
                new ParamsReference("params.yaml", ["lr", "train.epochs"]),
                new ParamsReference("config/model.yaml", ["layers"]),
                new ParamsReference("config/data.json", null),
                new ParamsReference("other.toml", ["lr", "batch"]),
            ],
            pipeline.Params,
            new ReferenceComparer());
    }

    [Fact]
    public void A_stage_wdir_applies_to_its_paths_and_top_level_lists_are_read()
    {
        var pipeline = Parse("""
            params:
              - shared.yaml
            metrics:
              - reports/summary.json
            stages:
              eval:
                wdir: eval
                cmd:
                  - python eval.py
                  - python report.py
                params:
                  - ../params.yaml:
                metrics:
                  - scores.json:
                      cache: false
            """);

        Assert.Equal(["shared.yaml", "params.yaml"], pipeline.Params.Select(p => p.File));
        Assert.Equal(["reports/summary.json", "eval/scores.json"], pipeline.MetricsFiles);
        Assert.Equal("python eval.py && python report.py", pipeline.Command);
    }

    [Fact]
    public void The_command_is_the_metrics_writing_stage_s_or_none_among_several()
    {
        Assert.Equal("python train.py", Parse("stages:\n  prep:\n    cmd: python prep.py\n  train:\n    cmd: python train.py\n    metrics: [m.json]\n").Command);
        Assert.Null(Parse("stages:\n  a:\n    cmd: a\n  b:\n    cmd: b\n").Command);
        Assert.Equal("only", Parse("stages:\n  a:\n    cmd: only\n").Command);
    }

    [Fact]
    public void A_file_tracked_whole_by_one_stage_and_by_keys_in_another_is_read_whole()
    {
        var pipeline = Parse("stages:\n  a:\n    cmd: a\n    params:\n      - c.yaml: [x]\n  b:\n    cmd: b\n    params:\n      - c.yaml:\n");

        Assert.Null(Assert.Single(pipeline.Params).Keys);
    }

    [Fact]
    public void Paths_that_are_absolute_or_empty_are_dropped()
    {
        var pipeline = Parse("metrics:\n  - /abs/m.json\n  - ''\n  - ok.json\n");

        Assert.Equal(["ok.json"], pipeline.MetricsFiles);
    }

    [Fact]
    public void Dvc_lock_dependencies_keep_the_first_stage_s_entry_for_a_path()
    {
        var problems = new List<Problem>();
        var lockFile = LockFile.Parse("/p/dvc.lock", """
            schema: '2.0'
            stages:
              a:
                deps:
                  - path: data
                    md5: one.dir
                    nfiles: 2
              b:
                wdir: sub
                deps:
                  - path: ../data
                    md5: two.dir
                  - path: local.csv
                    md5: three
                    size: -5
            """, problems);

        Assert.Empty(problems);
        Assert.Equal([new LockedOutput("data", "md5:one.dir", null, 2), new LockedOutput("sub/local.csv", "md5:three", null, null)], lockFile.Dependencies);
    }

    private static PipelineFile Parse(string yaml)
    {
        var problems = new List<Problem>();
        var pipeline = PipelineFile.Parse("/p/dvc.yaml", yaml, problems);
        Assert.Empty(problems);
        return pipeline;
    }

    private sealed class ReferenceComparer : IEqualityComparer<ParamsReference>
    {
        public bool Equals(ParamsReference? x, ParamsReference? y) =>
            x?.File == y?.File && (x?.Keys ?? []).SequenceEqual(y?.Keys ?? []) && (x?.Keys is null) == (y?.Keys is null);

        public int GetHashCode(ParamsReference obj) => obj.File.GetHashCode(StringComparison.Ordinal);
    }
}
