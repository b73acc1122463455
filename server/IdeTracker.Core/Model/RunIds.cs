using System.Security.Cryptography;
using System.Text;

namespace IdeTracker.Core.Model;

public static class RunIds
{
    /// <summary>A stable id from the source kind, the store path relative to the workspace and the
    /// source's own id: 16 hex characters, the same on every machine that has the same tree.</summary>
    public static string Make(string source, string storeRelativePath, string nativeId)
    {
        var text = $"{source}\n{storeRelativePath.Replace('\\', '/')}\n{nativeId}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
