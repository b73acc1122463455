namespace IdeTracker.Core.Speech.Synthetic;

/// <summary>The eleven int32 hyperparameters a ggml Whisper file holds after its magic, in file order.
/// <see cref="Ftype"/> 1 is f16 weights.</summary>
public sealed record WhisperHyperparameters(
    int NVocab,
    int NAudioCtx,
    int NAudioState,
    int NAudioHead,
    int NAudioLayer,
    int NTextCtx,
    int NTextState,
    int NTextHead,
    int NTextLayer,
    int NMels,
    int Ftype)
{
    /// <summary>An English-only vocabulary: below 51865 whisper.cpp keeps its English special-token ids
    /// (end of text 50256 … begin timestamps 50363) and the 1500 timestamp tokens after them.</summary>
    public const int EnglishVocab = 51864;

    public static WhisperHyperparameters TinyEn { get; } = new(EnglishVocab, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1);

    /// <summary>Audio and text context stay at Whisper's (30 s of mel frames, 448 tokens) because whisper.cpp's
    /// windowing assumes them; only widths and depths shrink.</summary>
    public static WhisperHyperparameters Micro { get; } = new(EnglishVocab, 1500, 8, 2, 1, 448, 8, 2, 1, 80, 1);

    public static WhisperHyperparameters For(SyntheticModelShape shape) => shape switch
    {
        SyntheticModelShape.Micro => Micro,
        SyntheticModelShape.TinyEn => TinyEn,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    public IEnumerable<int> InFileOrder() =>
        [NVocab, NAudioCtx, NAudioState, NAudioHead, NAudioLayer, NTextCtx, NTextState, NTextHead, NTextLayer, NMels, Ftype];
}
