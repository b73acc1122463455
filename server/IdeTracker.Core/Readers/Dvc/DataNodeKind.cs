namespace IdeTracker.Core.Readers.Dvc;

internal enum DataNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
