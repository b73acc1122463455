namespace IdeTracker.Core.Configs;

/// <summary>How keys are compared once an exact comparison found nothing: case-blind, <c>-</c> as <c>_</c>, and
/// <c>/</c> as a segment separator like <c>.</c> (Lightning's loggers flatten nested hparams with "/").</summary>
internal static class KeySpelling
{
    public static string Loose(string key) =>
        string.Create(key.Length, key, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '-' => '_',
                    '/' => '.',
                    var c => char.ToLowerInvariant(c),
                };
            }
        });
}
