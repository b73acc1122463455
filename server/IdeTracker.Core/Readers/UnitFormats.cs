namespace IdeTracker.Core.Readers;

/// <summary>Names of the unit formats discovery recognises; each has exactly one reader.</summary>
public static class UnitFormats
{
    /// <summary>An MLflow file-store run folder: mlruns/&lt;experiment&gt;/&lt;run id&gt;.</summary>
    public const string MlflowFileRun = "mlflow-file";

    /// <summary>An MLflow SQLite tracking database (mlflow.db), read whole.</summary>
    public const string MlflowDatabase = "mlflow-db";

    /// <summary>A Lightning CSVLogger version folder: &lt;save_dir&gt;/&lt;name&gt;/version_N.</summary>
    public const string LightningCsvVersion = "lightning-csv";

    /// <summary>A TensorBoard run: a folder holding events.out.tfevents.* files (and, from Lightning's
    /// TensorBoardLogger, an hparams.yaml beside them).</summary>
    public const string TensorBoardRun = "tensorboard";

    /// <summary>A Weights &amp; Biases local run folder: wandb/run-&lt;date&gt;_&lt;time&gt;-&lt;id&gt; or wandb/offline-run-….</summary>
    public const string WandbRun = "wandb";

    /// <summary>A Sacred FileStorageObserver run folder: &lt;basedir&gt;/&lt;id&gt; with run.json.</summary>
    public const string SacredRun = "sacred";

    /// <summary>A Hydra job folder (holding .hydra/config.yaml), read together with whatever logger wrote into it.</summary>
    public const string HydraJob = "hydra";

    /// <summary>A Hydra multirun sweep folder (holding multirun.yaml): the parent of its job folders.</summary>
    public const string HydraSweep = "hydra-sweep";

    /// <summary>A DVC project folder (dvc.yaml, params.yaml, dvclive/): its workspace run and the experiments in its git repository.</summary>
    public const string DvcProject = "dvc";

    /// <summary>A Guild AI run folder: &lt;guild home&gt;/runs/&lt;32 hex&gt; with .guild/attrs.</summary>
    public const string GuildRun = "guild";

    /// <summary>One metric log file: Keras CSVLogger, or a generic CSV / TSV / JSONL with a step-like column.</summary>
    public const string MetricLogFile = "csv";
}
