namespace IdeTracker.Core.Notes;

/// <summary>A note's file that cannot be read or written; the message names the file and, for JSON, the line.</summary>
public sealed class NoteFileException(string message, Exception? inner = null) : Exception(message, inner);
