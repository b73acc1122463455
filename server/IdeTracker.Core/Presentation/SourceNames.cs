namespace IdeTracker.Core.Presentation;

/// <summary>How a source kind is named to a person.</summary>
public static class SourceNames
{
    public static string Display(string source) => source switch
    {
        "mlflow" => "MLflow",
        "lightning" => "Lightning",
        "tensorboard" => "TensorBoard",
        "hydra" => "Hydra",
        "sacred" => "Sacred",
        "wandb" => "W&B",
        "dvc" => "DVC",
        "guild" => "Guild",
        "csv" => "CSV",
        _ => source,
    };
}
