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
}
