using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>What a run needs from its experiment's meta.yaml, with the problems reading it gave.</summary>
internal sealed record ExperimentMeta(string? Id, string? Name, bool Deleted, IReadOnlyList<Problem> Problems)
{
    public static ExperimentMeta Missing(string path) =>
        new(null, null, false, [new Problem(path, 0, "experiment meta.yaml is missing; the run has no experiment name", ProblemSeverity.Warning)]);

    public static ExperimentMeta Read(string path, long size)
    {
        var problems = new List<Problem>();
        var text = TextFile.Read(path, size, problems);
        if (text is null)
        {
            return new ExperimentMeta(null, null, false, problems);
        }

        var yaml = MetaYaml.Parse(text);
        if (yaml.FirstBadLine > 0)
        {
            problems.Add(MetaProblems.BadLines(path, yaml));
        }

        var name = yaml.Text("name");
        if (name is null)
        {
            problems.Add(new Problem(path, 0, "has no experiment name", ProblemSeverity.Warning));
        }

        return new ExperimentMeta(yaml.Text("experiment_id"), name, yaml.Text("lifecycle_stage") == "deleted", problems);
    }
}
