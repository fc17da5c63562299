namespace WeakSegPortal.Cli.Commands;

/// <summary>`weakseg demo-data --out DIR`: synthetic CT and MR cases with exact masks.</summary>
internal static class DemoDataCommand
{
    public static int Run(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        _ = args;
        _ = stdout;
        _ = cancellationToken;
        throw new CliUsageException("demo-data is not built yet");
    }
}
