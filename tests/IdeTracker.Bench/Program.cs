using IdeTracker.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
    if (options.ChildScenario is null)
    {
        OutDirectoryGuard.EnsureOutsideRepository(options.OutDirectory);
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

return options.ChildScenario is { } scenario ? ChildCommand.Run(options, scenario) : ParentCommand.Run(options);
