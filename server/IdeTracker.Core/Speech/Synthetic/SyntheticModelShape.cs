namespace IdeTracker.Core.Speech.Synthetic;

/// <summary>Which dimensions a synthetic Whisper model has.</summary>
public enum SyntheticModelShape
{
    /// <summary>The structure of tiny.en with tiny dimensions (one layer each side, width 8): about a megabyte, loads at once.</summary>
    Micro,

    /// <summary>tiny.en's real hyperparameters, tensor names, shapes and types (f16 weights), about 75 MB: what the bench times.</summary>
    TinyEn,
}
