using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// Group commit puts many annotators' commands in one transaction; a command the database cannot
/// store must fail alone, not take everybody else's commands in its run down with it.
/// </summary>
public sealed class PoisonCommandTests(PoisonCommandTests.PoisonPortal factory) : IClassFixture<PoisonCommandTests.PoisonPortal>
{
    /// <summary>The box corner the store refuses (a stand-in for whatever a real database might refuse).</summary>
    private const double Poison = 13.37;

    /// <summary>The box corner whose transaction waits for the test, so that everything sent meanwhile forms one run.</summary>
    private const double Gate = 7.77;

    [Fact]
    public async Task A_command_the_store_refuses_fails_alone_and_the_rest_of_its_run_is_stored()
    {
        var world = await new QaWorld(factory, "poison").CreateAsync("Poison");
        await using var gateHub = await world.ConnectAsync(0);
        await using var hub0 = await world.ConnectAsync(0);
        await using var hub1 = await world.ConnectAsync(1);
        await using var hub2 = await world.ConnectAsync(2);
        var writers = factory.Services.GetRequiredService<AnnotationWriters>();

        var gate = gateHub.InvokeAsync<AnnotationAck>("Submit", Box(world.Item, Gate));
        await factory.Gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var good0 = Enumerable.Range(0, 20).Select(n => Box(world.Item, 1 + n)).ToArray();
        var good2 = Enumerable.Range(0, 20).Select(n => Box(world.Item, 1 + n)).ToArray();
        var many0 = hub0.InvokeAsync<AnnotationAck[]>("SubmitMany", good0);
        var poison = hub1.InvokeAsync<AnnotationAck>("Submit", Box(world.Item, Poison));
        var many2 = hub2.InvokeAsync<AnnotationAck[]>("SubmitMany", good2);
        await Eventually.TrueAsync(() => writers.Waiting == 41);
        factory.Gate.Open.SetResult();

        Assert.True((await gate).Accepted);
        Assert.All((await many0).Concat(await many2), a => Assert.True(a.Accepted, a.Reason));
        // Not stored and not refused: answered "retry" with an error id, so the browser keeps it and sends it again.
        var poisoned = await poison;
        Assert.True(poisoned.Retry && !poisoned.Accepted);
        Assert.StartsWith("The server could not store this label just now (error ", poisoned.Reason, StringComparison.Ordinal);
        var stored0 = await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]);
        var stored2 = await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[2]);
        Assert.Equal(21, stored0.Count);
        Assert.Equal(good2.Select(c => c.CommandId), stored2.Cast<BoxDrawn>().Select(e => e.CommandId));
        Assert.Empty(await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[1]));
    }

    private static AnnotationCommand Box(Guid item, double x0) => new(Guid.NewGuid(), item, "box", 1, 2, Box: new BoxShape(x0, 1, 30, 20));

    /// <summary>One writer, and a store that holds the gate command's transaction and refuses the poison.</summary>
    public sealed class PoisonPortal : PortalFactory
    {
        public GateListener Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["AnnotationWrites:Writers"] = "1" }));
            builder.ConfigureTestServices(services => services.ConfigureMarten(options => options.Listeners.Add(Gate)));
        }
    }

    public sealed class GateListener : DocumentSessionListenerBase
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            var boxes = session.PendingChanges.Streams().SelectMany(s => s.Events).Select(e => e.Data).OfType<BoxDrawn>().ToList();
            if (boxes.Any(b => b.Box.X0 == Gate))
            {
                Reached.TrySetResult();
                await Open.Task.WaitAsync(token);
            }
            if (boxes.Any(b => b.Box.X0 == Poison))
            {
                throw new InvalidOperationException("The store refuses this command.");
            }
        }
    }
}
