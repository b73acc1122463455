using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Notes;

/// <summary>A workspace of real runs for draft tests: copies of the corpus's Sacred sweep (series, a dirty git
/// commit, packages, data inputs) and one MLflow file store (27 runs, some failed without metrics), plus whatever
/// a test generates beside them, indexed by the real engine into a scratch SQLite file.</summary>
public sealed class DraftWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new();
    private IndexStore? _store;

    public DraftWorkspace()
    {
        Root = _temp.Combine("ws");
        CorpusCopy.Copy("sacred/ml-pws", Path.Combine(Root, "sacred"));
        CorpusCopy.Copy("mlflow/MLFlow_Framework/mlruns", Path.Combine(Root, "mlflow", "mlruns"));
        NoteFolder = _temp.Combine("ws", ".ide-tracker", "notes", "n1");
    }

    public string Root { get; }

    public string NoteFolder { get; }

    public string Scratch(params string[] parts) => _temp.Combine(parts);

    /// <summary>The index, built on first use: generate runs before asking for it.</summary>
    public IndexStore Store
    {
        get
        {
            if (_store is null)
            {
                _store = IndexStore.Open(_temp.Combine("cache", "index.db"), Root);
                Engine.CreateIndexer(_store, new DiscoveryOptions()).IndexWorkspace(Root, null, CancellationToken.None);
            }

            return _store;
        }
    }

    public IReadOnlyList<RunDetailsRow> AllRuns => Store.GetAllRunDetails(null);

    public RunDetailsRow RunNamed(string name) => Assert.Single(AllRuns, r => r.Run.Name == name);

    /// <summary>The Sacred sweep's runs, in start order.</summary>
    public IReadOnlyList<RunDetailsRow> SacredRuns =>
        [.. AllRuns.Where(r => r.Run.Source == "sacred").OrderBy(r => r.Run.StartTime)];

    public void Dispose()
    {
        _store?.Dispose();
        _temp.Dispose();
    }
}
