using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// Runs of commands: the hub's SubmitMany (an outbox catching up after a reconnect) and the group
/// commit under it, where one transaction carries commands of many annotators.
/// </summary>
public sealed class SubmitManyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static AnnotationCommand Box(Guid item, int n) => new(Guid.NewGuid(), item, "box", 1, n % 8, Box: new BoxShape(1, 1, 10 + n, 20));

    private Task<IReadOnlyList<object>> StreamAsync(Guid item, Guid annotator) => TestData.AnnotationStreamAsync(factory.Services, item, annotator);

    [Fact]
    public async Task A_run_is_stored_in_order_answered_in_order_and_a_resent_run_appends_nothing()
    {
        var world = await new QaWorld(factory, "many").CreateAsync("Submit many");
        await using var hub = await world.ConnectAsync(0);
        var boxes = Enumerable.Range(0, 30).Select(n => Box(world.Item, n)).ToArray();
        // Refused in the middle of the run: a box outside the image changes nothing else.
        boxes[7] = boxes[7] with { Box = new BoxShape(1, 1, 500, 20) };

        var acks = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", boxes);
        var again = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", boxes);

        Assert.Equal(boxes.Select(b => b.CommandId), acks.Select(a => a.CommandId));
        Assert.False(acks[7].Accepted);
        Assert.Contains("outside the image", acks[7].Reason, StringComparison.Ordinal);
        Assert.Equal(29, acks.Count(a => a.Accepted));
        Assert.Equal(acks, again);
        var stored = await StreamAsync(world.Item, world.Annotators[0]);
        Assert.Equal(boxes.Where((_, n) => n != 7).Select(b => b.CommandId), stored.Cast<BoxDrawn>().Select(e => e.CommandId));
        // Read back in the order sent: the browser composes paint and erase in this order.
        var mine = await hub.InvokeAsync<AnnotationView[]>("GetMyAnnotations", world.Item);
        Assert.Equal(boxes.Where((_, n) => n != 7).Select(b => b.CommandId), mine.Select(a => a.CommandId));
    }

    [Fact]
    public async Task A_run_may_delete_what_an_earlier_run_created_and_annotators_stay_apart()
    {
        var world = await new QaWorld(factory, "many-del").CreateAsync("Submit many deletes");
        await using var hub0 = await world.ConnectAsync(0);
        await using var hub1 = await world.ConnectAsync(1);
        var first = await hub0.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { Box(world.Item, 1), Box(world.Item, 2) });
        var delete = new AnnotationCommand(Guid.NewGuid(), world.Item, "delete", 0, null, Delete: new DeleteTarget(first[0].AnnotationId!.Value));

        // The other annotator cannot delete it; its owner can, once.
        var foreign = await hub1.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { delete with { CommandId = Guid.NewGuid() } });
        var own = await hub0.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { delete, delete with { CommandId = Guid.NewGuid() } });

        Assert.Equal("There is no such annotation of yours to delete.", foreign[0].Reason);
        Assert.True(own[0].Accepted, own[0].Reason);
        Assert.False(own[1].Accepted);
        await using var scope = factory.Services.CreateAsyncScope();
        var labels = await AnnotationRecords.OfAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), world.Item, world.Annotators[0], CancellationToken.None);
        Assert.Equal([first[1].AnnotationId!.Value], labels.Annotations.Select(a => a.AnnotationId));
    }

    [Fact]
    public async Task A_page_of_one_user_cannot_connect_once_the_browser_is_signed_in_as_another()
    {
        var world = await new QaWorld(factory, "many-user").CreateAsync("Outbox owner");
        // The page and its outbox belong to annotator 0; the cookie is now annotator 1's.
        var foreign = HubClients.ConnectAsync(factory, $"/hubs/annotation?user={world.Annotators[0]}", world.AnnotatorNames[1], QaWorld.Password);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => foreign);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.StatusCode);

        await using var own = await HubClients.ConnectAsync(factory, $"/hubs/annotation?user={world.Annotators[1]}", world.AnnotatorNames[1], QaWorld.Password);
        await QaWorld.BoxAsync(own, world.Item, 1, 1, 5, 5);
        Assert.Empty(await StreamAsync(world.Item, world.Annotators[0]));
    }

    [Fact]
    public async Task More_than_a_hundred_commands_in_one_call_are_refused_and_nothing_is_stored()
    {
        var world = await new QaWorld(factory, "many-cap").CreateAsync("Submit many cap");
        await using var hub = await world.ConnectAsync(0);
        var boxes = Enumerable.Range(0, 101).Select(n => Box(world.Item, n)).ToArray();
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<AnnotationAck[]>("SubmitMany", boxes));
        Assert.Contains("At most 100 commands per call", error.Message, StringComparison.Ordinal);
        Assert.Empty(await StreamAsync(world.Item, world.Annotators[0]));
    }

    [Fact]
    public async Task Many_annotators_at_once_each_get_their_own_commands_stored_once()
    {
        var world = await new QaWorld(factory, "many-all").CreateAsync("Submit many together");
        var hubs = await Task.WhenAll(Enumerable.Range(0, 3).Select(world.ConnectAsync));
        var commands = hubs.Select(_ => Enumerable.Range(0, 40).Select(n => Box(world.Item, n)).ToArray()).ToArray();

        // Every command twice, from two senders at once: single Submit calls racing a SubmitMany run.
        await Task.WhenAll(hubs.SelectMany((hub, a) => commands[a].Select(c => (Task)hub.InvokeAsync<AnnotationAck>("Submit", c))
            .Append(hub.InvokeAsync<AnnotationAck[]>("SubmitMany", commands[a]))));

        for (var a = 0; a < hubs.Length; a++)
        {
            var stored = await StreamAsync(world.Item, world.Annotators[a]);
            Assert.Equal(commands[a].Select(c => c.CommandId).Order(), stored.Cast<BoxDrawn>().Select(e => e.CommandId).Order());
        }
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_writers_storing_overlapping_runs_at_once_store_every_command_once()
    {
        var world = await new QaWorld(factory, "many-race").CreateAsync("Submit many race");
        for (var round = 0; round < 10; round++)
        {
            var shared = Enumerable.Range(0, 5).Select(n => new SubmittedAnnotation(Box(world.Item, n), world.Annotators[0])).ToArray();
            var left = shared.Append(new SubmittedAnnotation(Box(world.Item, 6), world.Annotators[1])).ToArray();
            var right = shared.Reverse().Append(new SubmittedAnnotation(Box(world.Item, 7), world.Annotators[2])).ToArray();

            // Two handlers with their own sessions, as two portal nodes would be: one transaction loses the
            // race on the shared command ids and falls back to one command at a time.
            var acks = await Task.WhenAll(HandleAsync(left), HandleAsync(right));

            Assert.All(acks.SelectMany(a => a), a => Assert.True(a.Accepted, a.Reason));
            foreach (var command in shared)
            {
                Assert.Single(acks.SelectMany(a => a).Where(a => a.CommandId == command.Command.CommandId).Select(a => a.AnnotationId).Distinct());
            }
        }
        Assert.Equal(50, (await StreamAsync(world.Item, world.Annotators[0])).Count);
        Assert.Equal(10, (await StreamAsync(world.Item, world.Annotators[1])).Count);
    }

    private async Task<IReadOnlyList<AnnotationAck>> HandleAsync(SubmittedAnnotation[] run)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>().HandleManyAsync(run, CancellationToken.None);
    }
}
