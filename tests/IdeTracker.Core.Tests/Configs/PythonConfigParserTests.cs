using IdeTracker.Core.Configs;
using static IdeTracker.Core.Tests.Configs.ConfigText;

namespace IdeTracker.Core.Tests.Configs;

public sealed class PythonConfigParserTests
{
    private static ConfigDocument Parse(string text) => ConfigParser.Parse(text, ConfigSyntax.Python);

    [Fact]
    public void Literal_assignments_at_any_indentation_and_in_class_bodies()
    {
        const string text = """
            lr = 0.001
            LR: float = 1e-3
            steps = 1_000
            neg = -5
            name = 'resnet'  # a comment with = sign
            raw = r"C:\tmp"
            data = b'bytes'
            flag, other = True, False
            on = True
            off = None
            if __name__ == "__main__":
                epochs = 10
            class Config:
                batch = 32
                class Inner:
                    depth: int = 4
                after = 'x'
            top = 1
            """;
        var document = Parse(text);

        AssertScalar(text, document, "lr", "0.001", "0.001", "lr");
        AssertScalar(text, document, "LR", "1e-3", "1e-3", "LR");
        AssertScalar(text, document, "steps", "1000", "1_000", "steps");
        AssertScalar(text, document, "neg", "-5", "-5", "neg");
        AssertScalar(text, document, "name", "resnet", "'resnet'", "name");
        AssertScalar(text, document, "raw", "C:\\tmp", "r\"C:\\tmp\"", "raw");
        AssertScalar(text, document, "data", "bytes", "b'bytes'", "data");
        AssertScalar(text, document, "on", "True", "True", "on");
        AssertScalar(text, document, "off", "None", "None", "off");
        AssertScalar(text, document, "epochs", "10", "10", "epochs");
        AssertScalar(text, document, "Config.batch", "32", "32", "batch");
        AssertScalar(text, document, "Config.Inner.depth", "4", "4", "depth");
        AssertScalar(text, document, "Config.after", "x", "'x'", "after");
        AssertScalar(text, document, "top", "1", "1", "top");
        Assert.DoesNotContain(document.Entries, e => e.DottedPath is "flag" or "other");
    }

    [Fact]
    public void Computed_values_function_bodies_and_f_strings_set_nothing()
    {
        const string text = """
            lr = args.lr
            wd = 0.1 * 2
            items = [x for x in range(3)]
            table = {k: 1 for k in "ab"}
            made = make(1)
            label = f"run-{lr}"
            def train():
                local = 5
                return local
            async def serve():
                port = 8080
            after = 2
            """;
        var document = Parse(text);

        Assert.Equal(["after"], document.Entries.Select(e => e.DottedPath));
        AssertScalar(text, document, "after", "2", "2", "after");
    }

    [Fact]
    public void Dict_literals_and_dict_calls_over_many_lines()
    {
        const string text = """
            config = {
                'lr': 1e-3,  # comment }
                "optim": {'name': 'adam', 'betas': [0.9, 0.999]},
                'computed': compute(),
                **extra,
                'model': dict(depth=4, act="relu"),
            }
            other = dict(a=1, b={'c': 2})
            """;
        var document = Parse(text);

        Assert.Equal(ConfigEntryKind.Section, Single(document, "config").Kind);
        AssertScalar(text, document, "config.lr", "1e-3", "1e-3", "lr");
        AssertScalar(text, document, "config.optim.name", "adam", "'adam'", "name");
        AssertScalar(text, document, "config.optim.betas.1", "0.999", "0.999", "0.999");
        AssertScalar(text, document, "config.model.depth", "4", "4", "depth");
        AssertScalar(text, document, "config.model.act", "relu", "\"relu\"", "act");
        AssertScalar(text, document, "other.a", "1", "1", "a");
        AssertScalar(text, document, "other.b.c", "2", "2", "c");
        Assert.DoesNotContain(document.Entries, e => e.DottedPath.Contains("computed", StringComparison.Ordinal));
    }

    [Fact]
    public void Argparse_options_take_their_path_from_the_dest_and_their_value_from_the_default()
    {
        const string text = """
            def get_args():
                parser = argparse.ArgumentParser()
                parser.add_argument('--lr', type=float, default=1e-3, help="learning rate (default: 1e-3)")
                parser.add_argument("-b", "--batch-size",
                                    default=64,
                                    type=int)
                parser.add_argument('--wd', dest="weight_decay", default=-0.5)
                parser.add_argument('-e', default=3)
                parser.add_argument('--no-default', type=int)
                parser.add_argument('--opt', choices=['sgd', 'adam'], default='adam')
                group.add_argument('data', default="cifar")
                return parser.parse_args()
            """;
        var document = Parse(text);

        AssertScalar(text, document, "lr", "1e-3", "1e-3", "--lr");
        AssertScalar(text, document, "batch_size", "64", "64", "--batch-size");
        AssertScalar(text, document, "weight_decay", "-0.5", "-0.5", "--wd");
        AssertScalar(text, document, "e", "3", "3", "-e");
        AssertScalar(text, document, "opt", "adam", "'adam'", "--opt");
        AssertScalar(text, document, "data", "cifar", "\"cifar\"", "data");
        Assert.DoesNotContain(document.Entries, e => e.DottedPath is "no_default" or "parser");
    }

    [Fact]
    public void Docstrings_and_strings_holding_code_do_not_confuse_the_scanner()
    {
        const string text = "\"\"\"Module docs.\n\nlr = 99\nconfig = {\n\"\"\"\nx = '# not a comment'\ny = \"it's\" # trailing\nclass A:\n    '''class doc\n    z = 1'''\n    w = 2\n";
        var document = Parse(text);

        Assert.Equal(["x", "y", "A.w"], document.Entries.Select(e => e.DottedPath));
        AssertScalar(text, document, "x", "# not a comment", "'# not a comment'", "x");
        AssertScalar(text, document, "A.w", "2", "2", "w");
    }

    [Fact]
    public void Non_ascii_names_count_utf16_code_units()
    {
        const string text = "学习率 = 0.1\nd = {'🚀': 2}\n";
        var document = Parse(text);

        Assert.Equal(new TextSpan(0, 6, 0, 9), AssertScalar(text, document, "学习率", "0.1", "0.1", "学习率").ValueSpan);
        var rocket = AssertScalar(text, document, "d.🚀", "2", "2", "🚀");
        Assert.Equal(new TextSpan(1, 6, 1, 8), rocket.KeySpan);
        Assert.Equal(new TextSpan(1, 11, 1, 12), rocket.ValueSpan);
    }

    [Fact]
    public void An_unclosed_dict_keeps_its_items_and_the_statements_after_it()
    {
        const string text = "config = {\n    'lr': 0.1,\n    'wd': \nepochs = 5\ndef f():\n    pass\nlast = 1\n";
        var document = Parse(text);

        AssertScalar(text, document, "config.lr", "0.1", "0.1", "lr");
        AssertScalar(text, document, "epochs", "5", "5", "epochs");
        AssertScalar(text, document, "last", "1", "1", "last");
    }

    [Fact]
    public void Crlf_files_keep_their_positions()
    {
        const string text = "a = {\r\n  'b': 1,\r\n}\r\nc = 2\r\n";
        var document = Parse(text);

        Assert.Equal(new TextSpan(1, 7, 1, 8), AssertScalar(text, document, "a.b", "1", "1", "b").ValueSpan);
        Assert.Equal(new TextSpan(3, 4, 3, 5), AssertScalar(text, document, "c", "2", "2", "c").ValueSpan);
    }
}
