namespace IdeTracker.Core.Speech.Models;

/// <summary>A download that did not produce a verified model; the message says why and what to do.</summary>
public sealed class ModelDownloadException(string message, bool canResume, ModelProblem problem = ModelProblem.None, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>True when the partial file was kept and downloading again continues where this stopped.</summary>
    public bool CanResume { get; } = canResume;

    /// <summary>What the verifier found wrong, when that is why the download was rejected.</summary>
    public ModelProblem Problem { get; } = problem;
}
