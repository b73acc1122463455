namespace IdeTracker.Core.Configs;

/// <summary>How a config key was matched to what runs record, in the order the matcher tries.</summary>
public enum KeyMatchKind
{
    /// <summary>The dotted key is a param key as it is ("optimizer.lr").</summary>
    Exact,

    /// <summary>The same key under a prefix runs put in front of it ("hparams.optimizer.lr", "config.lr").</summary>
    Prefixed,

    /// <summary>The only param key whose trailing segments are the config key's, or the reverse ("lr" for "optimizer.lr").</summary>
    Suffix,

    /// <summary>A Hydra defaults item: the runs' chosen option of that config group (the tag "hydra.choice.&lt;group&gt;").</summary>
    HydraChoice,

    /// <summary>More than one param key fits equally well; nothing is guessed.</summary>
    Ambiguous,

    /// <summary>No run records this key.</summary>
    NotFound,
}
