using System.Text;
using IdeTracker.Core.Configs;

namespace IdeTracker.Bench.Configs;

/// <summary>A large config file of one syntax: blocks of <see cref="LinesPerBlock"/> lines, each an experiment with a
/// nested optimizer section (name, lr with a comment, a list of betas), a list of layers, a name and a note — the
/// shapes real configs repeat. Every block sets <see cref="EntriesPerBlock"/> entries.</summary>
internal static class ConfigFileGenerator
{
    public const int LinesPerBlock = 10;
    public const int EntriesPerBlock = 12;

    public static string Generate(ConfigSyntax syntax, int lines)
    {
        var blocks = Blocks(lines);
        var text = new StringBuilder(lines * 24);
        if (syntax == ConfigSyntax.Json)
        {
            text.Append("{\n");
        }

        for (var i = 0; i < blocks; i++)
        {
            var comma = i < blocks - 1 ? "," : "";
            text.Append(syntax switch
            {
                ConfigSyntax.Yaml =>
                    $"exp{i}:\n  optimizer:\n    name: adam\n    lr: {i}e-5   # tuned\n    betas: [0.9, 0.999]\n  layers:\n    - 64\n    - 128\n  name: \"run {i}\"\n  note: plain text\n",
                ConfigSyntax.Json =>
                    $"  \"exp{i}\": {{\n    \"optimizer\": {{\n      \"name\": \"adam\",\n      \"lr\": {i}e-5,\n      \"betas\": [0.9, 0.999]\n    }},\n    \"layers\": [64, 128],\n    \"name\": \"run {i}\",\n    \"note\": \"plain\"\n  }}{comma}\n",
                ConfigSyntax.Toml =>
                    $"[exp{i}]\nname = \"run {i}\"\nnote = 'plain'\nlayers = [64, 128]\n\n[exp{i}.optimizer]\nname = \"adam\"\nlr = {i}e-5  # tuned\nbetas = [0.9, 0.999]\n\n",
                _ =>
                    $"exp{i} = {{\n    'optimizer': {{\n        'name': 'adam',\n        'lr': {i}e-5,  # tuned\n        'betas': [0.9, 0.999],\n    }},\n    'layers': [64, 128],\n    'name': 'run {i}',\n    'note': \"plain\",\n}}\n",
            });
        }

        if (syntax == ConfigSyntax.Json)
        {
            text.Append("}\n");
        }

        return text.ToString();
    }

    public static int Blocks(int lines) => lines / LinesPerBlock;

    public static int ExpectedEntries(int lines) => Blocks(lines) * EntriesPerBlock;
}
