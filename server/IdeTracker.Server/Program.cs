using IdeTracker.Server.Cli;
using IdeTracker.Server.Lsp;
using IdeTracker.Server.Speech;

namespace IdeTracker.Server;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [TranscriptionWorker.Verb])
        {
            // Before anything touches stdout: the worker sets fd 1 aside for its protocol first.
            return TranscriptionWorker.Run(Console.In);
        }

        // Stdout belongs to the LSP stream: anything else written there would corrupt it.
        var stdout = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);

        if (args.Length == 0 || args[0] is "--stdio" or "lsp")
        {
            using var input = Console.OpenStandardInput();
            return await LanguageServerHost.RunAsync(input, stdout).ConfigureAwait(false);
        }

        using var writer = new StreamWriter(stdout) { AutoFlush = true };
        return CliCommands.Run(args, writer, Console.Error);
    }
}
