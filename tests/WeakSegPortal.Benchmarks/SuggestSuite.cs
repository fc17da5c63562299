namespace WeakSegPortal.Benchmarks;

/// <summary>
/// `bash infra/bench.sh suggest [engines|clicks|noc|sam|hub [CLICKS]]`: with no part named, engines, noc and sam (no database,
/// no portal); hub starts its own PostgreSQL and the portal as a child process and is run by name.
/// </summary>
internal static class SuggestSuite
{
    public static async Task RunAsync(string[] args)
    {
        var part = args.FirstOrDefault();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        if (part is null or "engines")
        {
            SuggestionBenchmark.Run();
        }

        if (part is "clicks")
        {
            await ClickLatencyBenchmark.RunAsync(stop.Token);
        }

        if (part is null or "noc")
        {
            await NocBenchmark.RunAsync(stop.Token);
        }

        if (part is null or "sam")
        {
            SamTimingBenchmark.Run();
        }

        if (part is "hub")
        {
            await SuggestLatencyBenchmark.RunAsync([.. args.Skip(1)], stop.Token);
        }
    }
}
