using System.Globalization;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

public sealed class MlflowDatabaseReaderCorpusTests
{
    [Fact]
    public void Reads_the_corpus_runs_back_exactly_from_a_database_they_were_copied_into()
    {
        var store = Corpus.PathOf("mlflow", "MLFlow_Framework", "mlruns");
        var golden = MlflowGoldenRun.Load(Corpus.PathOf("mlflow", "MLFlow_Framework", "_golden_mlruns.mlflow-filestore.json"));
        using var db = new MlflowDatabaseFixture();
        db.Experiment(0, "Default");
        foreach (var run in golden.Values)
        {
            var folder = Path.Combine(store, run.ExperimentId, run.RunId);
            db.Run(run.RunId, 0, run.RunName, run.Status, run.StartTime, run.EndTime, user: "simle");
            foreach (var (key, file) in Files(folder, "params"))
            {
                db.Param(run.RunId, key, File.ReadAllText(file));
            }

            foreach (var (key, file) in Files(folder, "tags"))
            {
                db.Tag(run.RunId, key, File.ReadAllText(file));
            }

            foreach (var (key, file) in Files(folder, "metrics"))
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    var fields = line.Split(' ');
                    db.Metric(run.RunId, key, double.Parse(fields[1], CultureInfo.InvariantCulture),
                        long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture));
                }
            }
        }

        var result = db.Read();

        Assert.Empty(result.Problems);
        Assert.Equal(golden.Keys.Order(StringComparer.Ordinal), result.Runs.Select(r => r.NativeId).Order(StringComparer.Ordinal));
        var differences = result.Runs.SelectMany(r => MlflowGoldenComparison.Differences(golden[r.NativeId], r, "project/mlflow.db"));
        Assert.Empty(differences);
    }

    private static IEnumerable<(string Key, string File)> Files(string runFolder, string kind)
    {
        var folder = Path.Combine(runFolder, kind);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), f))
            : [];
    }
}
