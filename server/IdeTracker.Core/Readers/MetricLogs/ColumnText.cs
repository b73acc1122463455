namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>What the cells of one column (or values of one JSON key) that are not numbers have been so far:
/// at the end a column of one repeated text is a tag, anything else is said in one problem.</summary>
internal sealed class ColumnText
{
    public int Texts { get; private set; }

    public string? First { get; private set; }

    public int FirstLine { get; private set; }

    public bool Varies { get; private set; }

    public void Add(string text, int line)
    {
        if (Texts++ == 0)
        {
            (First, FirstLine) = (text, line);
        }
        else if (!Varies && text != First)
        {
            Varies = true;
        }
    }

    public ColumnText Clone() => (ColumnText)MemberwiseClone();
}
