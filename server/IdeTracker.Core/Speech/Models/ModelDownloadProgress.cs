namespace IdeTracker.Core.Speech.Models;

/// <summary>How far a download is.</summary>
/// <param name="BytesReceived">Bytes in the partial file so far, counting those kept from an earlier attempt.</param>
/// <param name="TotalBytes">The whole file's size, or null when the server does not say.</param>
/// <param name="BytesPerSecond">The rate of this attempt (resumed bytes excluded).</param>
public readonly record struct ModelDownloadProgress(long BytesReceived, long? TotalBytes, double BytesPerSecond);
