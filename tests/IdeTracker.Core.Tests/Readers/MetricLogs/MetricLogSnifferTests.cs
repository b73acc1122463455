using System.Text;
using IdeTracker.Core.Readers.MetricLogs;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

public sealed class MetricLogSnifferTests : IDisposable
{
    private readonly MetricLogFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    public static TheoryData<string> CorpusMetricLogs() =>
    [
        // Lightning's CSVLogger file (epoch, step, sparse train/val columns, CRLF) and DVCLive's per-metric TSVs
        // are metric logs by their shape; which reader owns them is discovery's call.
        Path.Combine("lightning-csv", "mnist_20epoch_20kparams", "lightning_logs", "version_4", "metrics.csv"),
        Path.Combine("dvc", "example-dvc-experiments", "branch-main", "dvclive", "plots", "metrics", "train", "acc.tsv"),
        Path.Combine("dvc", "example-dvc-experiments", "branch-cnn-32", "dvclive", "plots", "metrics", "eval", "loss.tsv"),
    ];

    public static TheoryData<string> CorpusFilesThatAreNot() =>
    [
        // A confusion matrix: "actual,predicted" and 10,000 rows of class numbers, no step.
        Path.Combine("dvc", "example-dvc-experiments", "branch-main", "plots", "confusion.csv"),
        Path.Combine("dvc", "example-dvc-experiments", "branch-cnn-16", "plots", "confusion.csv"),
        // Console output.
        Path.Combine("hydra", "BGS-opt", "run.log"),
        Path.Combine("wandb", "VerySimpleTransformer", "wandb", "run-20230329_020146-ruzz7bps", "files", "output.log"),
        Path.Combine("sacred", "ml-pws", "runs", "1", "cout.txt"),
        // A JSON document, not JSON lines.
        Path.Combine("sacred", "ml-pws", "runs", "1", "metrics.json"),
    ];

    [Theory]
    [MemberData(nameof(CorpusMetricLogs))]
    public void Real_metric_logs_are_recognised(string relative) =>
        Assert.True(MetricLogSniffer.IsMetricLog(Corpus.PathOf(relative)));

    [Theory]
    [MemberData(nameof(CorpusFilesThatAreNot))]
    public void Real_files_that_are_not_metric_logs_are_not(string relative) =>
        Assert.False(MetricLogSniffer.IsMetricLog(Corpus.PathOf(relative)));

    [Theory]
    [InlineData("keras.csv", "epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.81,0.52,0.85,0.41\r\n1,0.88,0.33,0.87,0.36\r\n")]
    [InlineData("log.tsv", "step\tloss\n0\t1.5\n1\t1.2\n")]
    [InlineData("semi.csv", "Epoch;train loss;lr\n1;0.9;1e-3\n2;0.7;1e-3\n")]
    [InlineData("sparse.csv", "step,train_loss,val_loss,phase\n1,0.5,,train\n2,,0.6,val\n")]
    [InlineData("nan.csv", "iteration,loss\n0,nan\n1,inf\n2,0.3\n")]
    [InlineData("bom.csv", "\uFEFFglobal_step,reward\n10,3.5\n")]
    [InlineData("no_final_newline.csv", "epoch,loss\n0,0.5")]
    [InlineData("history.jsonl", "{\"epoch\": 0, \"loss\": 0.5, \"note\": \"x\"}\n{\"epoch\": 1, \"loss\": 0.4}\n")]
    [InlineData("nested.ndjson", "{\"trainer/global_step\": 5, \"val\": {\"acc\": NaN}}\n")]
    [InlineData("train.log", "{\"_step\": 0, \"_timestamp\": 1700000000.5, \"reward\": 1}\n")]
    public void Generated_metric_logs_are_recognised(string name, string text) =>
        Assert.True(MetricLogSniffer.IsMetricLog(_logs.Write(name, text)));

    [Theory]
    [InlineData("iris.csv", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,3.0,setosa\n")]
    [InlineData("names.csv", "step,description\nprepare,read the data\ntrain,fit the model\n")]
    [InlineData("texts.csv", "epoch,model,optimizer\n0,resnet,adam\n1,resnet,adam\n")]
    [InlineData("only_step.csv", "epoch\n0\n1\n")]
    [InlineData("only_time.csv", "step,timestamp\n0,1700000000\n1,1700000001\n")]
    [InlineData("header_only.csv", "epoch,loss,accuracy\n")]
    [InlineData("empty.csv", "")]
    [InlineData("console.log", "Epoch 1/10\n1875/1875 [==============================] - 3s 1ms/step - loss: 0.2961 - accuracy: 0.9143\nEpoch 2/10\n")]
    [InlineData("prose.log", "step, then another step, and so on\nwe trained for a while, it went fine, loss went down\nthe end\n")]
    [InlineData("ragged.csv", "step,loss\n0,1,2,3\n1,2,3,4\n2\n")]
    [InlineData("no_step.jsonl", "{\"loss\": 0.5, \"acc\": 0.9}\n")]
    [InlineData("step_only.jsonl", "{\"step\": 1, \"phase\": \"train\"}\n")]
    [InlineData("array.jsonl", "[1, 2, 3]\n")]
    [InlineData("broken.jsonl", "{\"step\": 1, \"loss\": \n")]
    public void Generated_files_that_are_not_metric_logs_are_not(string name, string text) =>
        Assert.False(MetricLogSniffer.IsMetricLog(_logs.Write(name, text)));

    [Fact]
    public void Only_the_first_8_kb_are_looked_at()
    {
        var good = "epoch,loss\n0,0.5\n1,0.4\n";
        var tail = new string('x', 1024 * 1024) + "\n";
        Assert.True(MetricLogSniffer.IsMetricLog(_logs.Write("long.csv", good + tail)));

        // A first line longer than the sample cannot be judged, so it is not a log.
        Assert.False(MetricLogSniffer.IsMetricLog(_logs.Write("wide.csv", "epoch," + string.Join(",", Enumerable.Range(0, 3000).Select(i => $"m{i}")) + "\n0,1\n")));
    }

    [Fact]
    public void Garbage_missing_files_and_folders_are_not_logs_and_never_throw()
    {
        var random = new Random(5);
        var garbage = new byte[20_000];
        random.NextBytes(garbage);

        Assert.False(MetricLogSniffer.IsMetricLog(_logs.Write("garbage.csv", garbage)));
        Assert.False(MetricLogSniffer.IsMetricLog(_logs.PathOf("missing.csv")));
        Assert.False(MetricLogSniffer.IsMetricLog(_logs.Folder));
        Assert.False(MetricLogSniffer.IsMetricLog(""));
        Assert.False(MetricLogSniffer.IsMetricLog("\0bad"));
        Assert.False(MetricLogSniffer.IsMetricLog(_logs.Write("latin1.csv", Encoding.Latin1.GetBytes("\u00e9poque,perte\n0,0.5\n"))));
    }
}
