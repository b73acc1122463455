using System.Globalization;

namespace IdeTracker.Bench.Generation;

/// <summary>How many runs of each format the mixed workspace holds, out of a total the command line sets: 15 %
/// Lightning CSVLogger versions, 15 % Lightning TensorBoardLogger versions, 10 % W&amp;B offline runs, 8 % Sacred
/// runs, 8 % Hydra multirun runs (jobs and their sweeps, up to eight jobs to a sweep), 6 % Guild runs, 5 % metric
/// log files and three DVC projects; the MLflow file store takes the rest (about 33 %), so the total is exact
/// for any total. Each count is a number of runs the index must hold after a cold scan.</summary>
internal sealed record MixedRunCounts(
    int Mlflow,
    int LightningCsv,
    int LightningTensorBoard,
    int Wandb,
    int Sacred,
    int HydraSweeps,
    int HydraJobs,
    int Guild,
    int MetricLogs,
    int Dvc)
{
    /// <summary>DVC projects are few in a real workspace (one per repository), whatever its size.</summary>
    public const int DvcProjects = 3;

    /// <summary>A sweep and its jobs are at most this many runs (the sweep and eight points of its 3 × 3 grid),
    /// so no sweep needs more jobs than <see cref="HydraSweepWriter.MaxJobs"/>.</summary>
    private const int RunsPerSweep = 9;

    public int Total =>
        Mlflow + LightningCsv + LightningTensorBoard + Wandb + Sacred + HydraSweeps + HydraJobs + Guild + MetricLogs + Dvc;

    public static MixedRunCounts For(int total)
    {
        int Share(int percent) => (int)((long)total * percent / 100);
        var hydra = Share(8);

        // A job needs its sweep, so fewer than two Hydra runs means none.
        var sweeps = hydra < 2 ? 0 : (hydra + RunsPerSweep - 1) / RunsPerSweep;
        var jobs = sweeps == 0 ? 0 : hydra - sweeps;
        var dvc = Math.Min(DvcProjects, total / 3);
        var counts = new MixedRunCounts(0, Share(15), Share(15), Share(10), Share(8), sweeps, jobs, Share(6), Share(5), dvc);
        return counts with { Mlflow = total - counts.Total };
    }

    /// <summary>One line for the report and the generator's stamp.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Mlflow:N0} MLflow, {LightningCsv:N0} Lightning CSV, {LightningTensorBoard:N0} Lightning TensorBoard, {Wandb:N0} W&B offline, " +
        $"{Sacred:N0} Sacred, {HydraJobs:N0} Hydra jobs + {HydraSweeps:N0} sweeps, {Guild:N0} Guild, {MetricLogs:N0} CSV/JSONL logs, {Dvc:N0} DVC");
}
