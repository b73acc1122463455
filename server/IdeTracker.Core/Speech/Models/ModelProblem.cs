namespace IdeTracker.Core.Speech.Models;

/// <summary>What is wrong with a model file; travels as a string.</summary>
public enum ModelProblem
{
    None,
    Missing,
    Unreadable,
    WrongSize,
    NotGgml,
    WrongChecksum,
}
