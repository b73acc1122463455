using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Hydra;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Hydra;

/// <summary>The two Hydra folders of the corpus. Expected values were read by eye from the YAML files.</summary>
public sealed class HydraReaderCorpusTests
{
    private static readonly string Root = Corpus.PathOf("hydra");

    [Fact]
    public void The_template_job_has_its_resolved_config_as_params_and_its_override_as_label()
    {
        var job = Corpus.PathOf("hydra", "pytorch-hydra-wandb-template");
        var unit = new RunUnit(UnitFormats.HydraJob, job, Root, Root);

        var result = new HydraJobReader(Engine.CreateDiscovery(new()), Engine.LoggerReaders()).Read(unit, CancellationToken.None);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("hydra", run.Source);
        Assert.Equal("pytorch-hydra-wandb-template", run.NativeId);
        Assert.Equal(RunIds.Make("hydra", ".", "pytorch-hydra-wandb-template"), run.Id);
        Assert.Equal("evaluate", run.Experiment);
        Assert.Null(run.ParentId);
        Assert.Equal("checkpoint=outputs/train/2022-10-05/18-16-22/models/model_best.pth", run.Label);
        Assert.Equal(RunStatus.Unknown, run.Status);

        // config.yaml: 6 data_loader keys, log_dir, checkpoint and the two metric targets.
        Assert.Equal(10, run.Params.Count);
        Assert.Equal("512", run.Params["data_loader.batch_size"]);
        Assert.Equal("false", run.Params["data_loader.shuffle"]);
        Assert.Equal("${hydra:runtime.cwd}/data/", run.Params["data_loader.data_dir"]);
        Assert.Equal("srcs.model.metric.top_k_acc", run.Params["metrics.1._target_"]);
        Assert.Equal("outputs/train/2022-10-05/18-16-22/models/model_best.pth", run.Params["checkpoint"]);

        // hydra.yaml: runtime.version 1.2.0, runtime.cwd, and the one choice outside hydra/* (dataset).
        Assert.Equal("1.2.0", run.Environment["hydra"]);
        Assert.Equal("/home/qdl/Desktop/PJLAB/LenNet", run.Environment["cwd"]);
        Assert.Equal("mnist_test", run.Tags["hydra.choice.dataset"]);
        Assert.DoesNotContain(run.Tags.Keys, k => k.StartsWith("hydra.choice.hydra", StringComparison.Ordinal));
        Assert.Empty(run.Metrics);

        Assert.Equal(
            ["config.yaml", "hydra.yaml", "overrides.yaml"],
            result.Files.Select(f => Path.GetFileName(f.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_bgs_sweep_has_its_task_config_as_params_and_what_it_swept_as_label()
    {
        var sweep = Corpus.PathOf("hydra", "BGS-opt");
        var unit = new RunUnit(UnitFormats.HydraSweep, sweep, Root, Root);

        var result = new HydraSweepReader().Read(unit, CancellationToken.None);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("run", run.Experiment);
        Assert.Equal("sweep BGS-opt", run.Name);
        Assert.Equal(RunIds.Make("hydra", ".", "BGS-opt"), run.Id);

        // hydra.overrides.task lists ten overrides, selection=BGS first and the model name last.
        Assert.StartsWith("selection=BGS, loss=multitask_cifar100, ", run.Label, StringComparison.Ordinal);
        Assert.EndsWith("loss.model.lower.name=trainers.multitask.models.models.VectMTLVGG16", run.Label, StringComparison.Ordinal);
        Assert.Equal(10, run.Label!.Split(", ").Length);

        Assert.Equal("thoth", run.Params["cluster.name"]);
        Assert.Equal("12", run.Params["launcher.hours"]);
        Assert.Equal("32", run.Params["system.dtype"]);
        Assert.Equal("0", run.Params["system.seed.torch"]);
        Assert.DoesNotContain(run.Params.Keys, k => k.StartsWith("hydra.", StringComparison.Ordinal));
        Assert.Equal("MULTIRUN", run.Tags["hydra.mode"]);
    }
}
