namespace IdeTracker.Bench.Generation;

/// <summary>The <c>file://</c> URI MLflow records for a local artifact folder.</summary>
internal static class FileUri
{
    public static string Of(string absolutePath) => new Uri(absolutePath).AbsoluteUri;
}
