using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Lightning;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Lightning;

/// <summary>A generated &lt;save_dir&gt;/lightning_logs/version_0 in a scratch folder, read with the real reader.</summary>
internal sealed class LightningVersionFolder : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Root => _dir.Path;

    public string SaveDir => _dir.Combine("logs");

    public string Folder => _dir.Combine("logs", "lightning_logs", "version_0");

    public string MetricsCsv => Path.Combine(Folder, "metrics.csv");

    public string HparamsYaml => Path.Combine(Folder, "hparams.yaml");

    public RunUnit Unit => new(UnitFormats.LightningCsvVersion, Folder, SaveDir, Root);

    public LightningVersionFolder WithMetrics(string text) => WithMetrics(System.Text.Encoding.UTF8.GetBytes(text));

    public LightningVersionFolder WithMetrics(byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(MetricsCsv, bytes);
        return this;
    }

    public LightningVersionFolder WithHparams(string text) => WithHparams(System.Text.Encoding.UTF8.GetBytes(text));

    public LightningVersionFolder WithHparams(byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(HparamsYaml, bytes);
        return this;
    }

    public UnitReadResult Read() => new LightningCsvReader().Read(Unit, CancellationToken.None);

    public void Dispose() => _dir.Dispose();
}
