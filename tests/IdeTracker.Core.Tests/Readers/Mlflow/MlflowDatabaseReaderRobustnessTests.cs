using System.Diagnostics;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Mlflow;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

public sealed class MlflowDatabaseReaderRobustnessTests
{
    private const string RunId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Reports_a_file_of_garbage_bytes_named_mlflow_db()
    {
        using var temp = new TempDirectory();
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        var path = Path.Combine(temp.Path, "mlflow.db");
        File.WriteAllBytes(path, bytes);

        var result = Read(path, temp.Path);

        Assert.Empty(result.Runs);
        Assert.Equal("is not an SQLite database; not an MLflow database", Assert.Single(result.Problems).Message);
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Reports_an_empty_file_named_mlflow_db()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("mlflow.db", "");

        var result = Read(path, temp.Path);

        Assert.Empty(result.Runs);
        Assert.Equal("is empty; not an MLflow database", Assert.Single(result.Problems).Message);
        Assert.Equal([new FileStamp(path, 0, File.GetLastWriteTimeUtc(path).Ticks)], result.Files);
    }

    [Fact]
    public void Reports_a_database_whose_pages_are_damaged()
    {
        using var db = new MlflowDatabaseFixture();
        db.Experiment(0, "Default");
        db.Run(RunId, 0);
        var bytes = File.ReadAllBytes(db.Path);
        new Random(9).NextBytes(bytes.AsSpan(100));
        File.WriteAllBytes(db.Path, bytes);

        var result = db.Read();

        Assert.Empty(result.Runs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(db.Path, problem.Path);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.StartsWith("is damaged: ", problem.Message);
    }

    [Fact]
    public void Reports_a_database_locked_by_a_writer_quickly_instead_of_waiting()
    {
        using var db = new MlflowDatabaseFixture();
        db.Experiment(0, "Default");
        db.Run(RunId, 0);
        using var writer = db.OpenWriter();
        MlflowDatabaseFixture.Execute(writer, "BEGIN EXCLUSIVE; INSERT INTO experiments (experiment_id, name) VALUES (5, 'pending');");

        var clock = Stopwatch.StartNew();
        var result = db.Read();
        clock.Stop();

        Assert.Empty(result.Runs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("locked by another process; will retry", problem.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Reads_a_closed_wal_database_without_creating_its_wal_or_shm_files()
    {
        using var db = new MlflowDatabaseFixture(writeAheadLog: true);
        db.Experiment(0, "Default");
        db.Run(RunId, 0);
        db.Metric(RunId, "acc", 0.5, 1, 0);
        Assert.False(File.Exists(db.Path + "-wal"));
        var folder = Path.GetDirectoryName(db.Path)!;
        var before = StoreSnapshot.Of(folder);

        var result = db.Read();

        Assert.Empty(result.Problems);
        Assert.Single(Assert.Single(result.Runs).Metrics["acc"]);
        Assert.Equal(before, StoreSnapshot.Of(folder));
        Assert.Equal([db.Path], result.Files.Select(f => f.Path));
    }

    [Fact]
    public void Reads_changes_that_are_still_only_in_the_wal_of_a_database_a_writer_has_open()
    {
        using var db = new MlflowDatabaseFixture(writeAheadLog: true);
        db.Experiment(0, "Default");
        using var writer = db.OpenWriter();
        MlflowDatabaseFixture.Execute(writer, "PRAGMA wal_autocheckpoint=0;");
        MlflowDatabaseFixture.Execute(writer, $"INSERT INTO runs (run_uuid, name, status, experiment_id, lifecycle_stage) VALUES ('{RunId}', 'live', 'RUNNING', 0, 'active')");
        MlflowDatabaseFixture.Execute(writer, "BEGIN; INSERT INTO experiments (experiment_id, name) VALUES (9, 'uncommitted');");
        var reader = new MlflowDatabaseReader();

        var stamps = reader.Stamp(db.Unit);
        var result = reader.Read(db.Unit, CancellationToken.None);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("live", run.Name);
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal([db.Path, db.Path + "-wal"], stamps.Select(s => s.Path));
        Assert.Equal(stamps, result.Files);
    }

    [Fact]
    public void Opens_a_database_in_a_folder_whose_name_needs_escaping_in_a_uri()
    {
        using var db = new MlflowDatabaseFixture(folder: "my runs #2 100% ü?", writeAheadLog: true);
        db.Experiment(0, "Default");
        db.Run(RunId, 0);

        var result = db.Read();

        Assert.Empty(result.Problems);
        Assert.Equal(RunIds.Make("mlflow", "my runs #2 100% ü?/mlflow.db", RunId), Assert.Single(result.Runs).Id);
        Assert.Equal(["mlflow.db"], Directory.GetFiles(Path.GetDirectoryName(db.Path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Never_writes_anything_beside_a_rollback_journal_database()
    {
        using var db = new MlflowDatabaseFixture();
        db.Experiment(0, "Default");
        db.Run(RunId, 0);
        var folder = Path.GetDirectoryName(db.Path)!;
        var before = StoreSnapshot.Of(folder);

        Assert.Single(db.Read().Runs);
        Assert.Equal(before, StoreSnapshot.Of(folder));
    }

    [Fact]
    public void Reports_a_database_file_that_disappeared()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "mlflow.db");

        var result = Read(path, temp.Path);

        Assert.Empty(result.Files);
        Assert.Equal("database file disappeared before it was read", Assert.Single(result.Problems).Message);
    }

    private static UnitReadResult Read(string path, string workspace) =>
        new MlflowDatabaseReader().Read(new RunUnit(UnitFormats.MlflowDatabase, path, path, workspace), CancellationToken.None);
}
