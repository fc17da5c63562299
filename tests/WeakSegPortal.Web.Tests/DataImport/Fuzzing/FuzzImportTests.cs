using System.Diagnostics.Metrics;
using WeakSegPortal.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// A few hundred mutated DICOM, NIfTI, PNG and zip files (fixed seed) through the import endpoint:
/// every input gets an outcome, no unit runs past the decode timeout, the portal keeps answering.
/// `bash infra/bench.sh fuzz` runs the same with 10,000 and more inputs.
/// </summary>
public sealed class FuzzImportTests(FuzzImportTests.FuzzPortal portal, ITestOutputHelper output) : IClassFixture<FuzzImportTests.FuzzPortal>
{
    public const int Seed = 20261202;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_mutated_input_gets_an_outcome_within_the_timeout_and_the_portal_survives()
    {
        var manager = await portal.ManagerAsync();
        await ImportApi.WithAntiforgeryAsync(manager);
        var run = new FuzzImportRun(manager, name => TestData.ProjectAsync(portal.Services, TestData.Draft(name)), portal.Services.GetRequiredService<IMeterFactory>());

        var summary = await run.RunAsync(new FuzzCorpus(FuzzSeeds.Build(), Seed).Batches(300), parallel: 2, CancellationToken.None);
        output.WriteLine(summary.Describe());

        Assert.Equal(300, summary.Outcomes.Count);
        Assert.Empty(summary.Outcomes.Where(o => o.Class is FuzzOutcome.Missing or FuzzOutcome.PortalError).Select(o => $"{o.Input.Name} ({o.Input.Mutation}): {o.Class}"));
        Assert.All(Enum.GetValues<FuzzFormat>(), f => Assert.Contains(summary.Outcomes, o => o.Input.Format == f));
        Assert.Contains(summary.Outcomes, o => o.Class == FuzzOutcome.Imported);
        // Killing a unit takes a moment after the limit; nothing may run on far past it.
        Assert.True(summary.MaxUnitSeconds < Timeout.TotalSeconds + 5, $"a unit took {summary.MaxUnitSeconds:F1} s");
        Assert.True(summary.PortalSurvived, "the portal stopped answering /health");
    }

    /// <summary>The portal with a short decode timeout, and decoder restarts enough for a batch full of crashes.</summary>
    public sealed class FuzzPortal : ImportPortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Import:DecodeTimeout"] = Timeout.ToString(),
            ["Import:MaxDecoderRuns"] = "50",
        };
    }
}
