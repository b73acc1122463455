namespace IdeTracker.Core.Speech.Synthetic;

/// <summary>One tensor of a synthetic model: its ggml name, type (0 f32, 1 f16), shape (innermost first, as ggml's
/// ne[]), and whether it is a layer-norm scale (random around 1 instead of around 0).</summary>
internal sealed record SyntheticTensor(string Name, int Type, int[] Shape, bool Norm = false);
