using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>One annotator sending several different commands at once (two tabs, a flushed outbox) to a new stream.</summary>
public sealed class ConcurrentAnnotationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Different_commands_racing_on_a_new_stream_are_all_stored_once()
    {
        var world = await new QaWorld(factory, "race").CreateAsync("Concurrent commands");
        var hubs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.ConnectAsync(0)));
        var commands = Enumerable.Range(0, 12)
            .Select(n => new AnnotationCommand(Guid.NewGuid(), world.Item, "box", 1, n % 8, Box: new BoxShape(1, 1, 10 + n, 20)))
            .ToList();

        var acks = await Task.WhenAll(commands.Select((c, n) => hubs[n % hubs.Length].InvokeAsync<AnnotationAck>("Submit", c)));
        // No server error and no final refusal; a command that lost every round is answered "retry" and the outbox resends it.
        Assert.All(acks, a => Assert.True(a.Accepted || a.Retry, a.Reason));
        foreach (var refused in acks.Where(a => a.Retry))
        {
            var again = await hubs[0].InvokeAsync<AnnotationAck>("Submit", commands.Single(c => c.CommandId == refused.CommandId));
            Assert.True(again.Accepted, again.Reason);
        }
        var events = await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]);
        Assert.Equal(commands.Select(c => c.CommandId).Order(), events.Cast<BoxDrawn>().Select(e => e.CommandId).Order());
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }
    }
}
