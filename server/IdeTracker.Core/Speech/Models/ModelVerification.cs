namespace IdeTracker.Core.Speech.Models;

/// <summary>The outcome of checking a model file: good, or one problem with a message naming the file.</summary>
public sealed record ModelVerification(string Path, ModelProblem Problem, string Message)
{
    public bool IsValid => Problem == ModelProblem.None;

    public static ModelVerification Valid(string path) => new(path, ModelProblem.None, $"{path}: a valid Whisper model.");

    public static ModelVerification Invalid(string path, ModelProblem problem, string what) => new(path, problem, $"{path}: {what}");
}
