using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// What the hub answers when something goes wrong: a command it cannot read, a store that fails or
/// keeps losing races. Every call gets a reason, every server error is in the log, and a label that
/// could not be stored because of a passing fault is answered "retry" (never refused) and is stored
/// exactly once when the browser sends it again. Faults are made in the real database.
/// </summary>
public sealed class HubFaultTests(HubFaultTests.LoggingPortal factory) : IClassFixture<HubFaultTests.LoggingPortal>
{
    private static AnnotationCommand Box(Guid item, double x0 = 2) => new(Guid.NewGuid(), item, "box", 1, 2, Box: new BoxShape(x0, 1, 30, 20));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_delete_without_a_class_as_pages_before_this_fix_sent_it_is_stored()
    {
        var world = await new QaWorld(factory, "fault-del").CreateAsync("Fault: delete without class");
        await using var hub = await world.ConnectAsync(0);
        var box = await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        // What such a page's outbox holds: classId null and slice null.
        var delete = new Dictionary<string, object?>
        {
            ["commandId"] = Guid.NewGuid(), ["itemId"] = world.Item, ["kind"] = "delete", ["classId"] = null, ["slice"] = null,
            ["activeMs"] = 0, ["delete"] = new Dictionary<string, object?> { ["annotationId"] = box.AnnotationId },
        };
        var ack = await hub.InvokeAsync<AnnotationAck>("Submit", delete);
        Assert.True(ack.Accepted, ack.Reason);
        Assert.IsType<AnnotationDeleted>((await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]))[^1]);
    }

    [Fact]
    public async Task A_command_that_cannot_be_read_is_refused_finally_naming_the_field_and_the_rest_of_its_run_is_stored()
    {
        var world = await new QaWorld(factory, "fault-read").CreateAsync("Fault: unreadable");
        await using var hub = await world.ConnectAsync(0);
        var bad = new Dictionary<string, object?>
        {
            ["commandId"] = Guid.NewGuid(), ["itemId"] = world.Item, ["kind"] = "box", ["classId"] = 1, ["slice"] = 2,
            ["box"] = new Dictionary<string, object?> { ["x0"] = "left", ["y0"] = 1, ["x1"] = 30, ["y1"] = 20 },
        };
        var good = Box(world.Item);
        var acks = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", new object[] { bad, good });
        Assert.False(acks[0].Accepted);
        Assert.False(acks[0].Retry);
        Assert.Equal("The command could not be read: box.x0 has a value of the wrong type.", acks[0].Reason);
        Assert.True(acks[1].Accepted, acks[1].Reason);
        Assert.Equal([good.CommandId], (await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0])).Cast<BoxDrawn>().Select(e => e.CommandId));
    }

    [Fact]
    public async Task A_call_without_a_command_id_or_with_a_malformed_item_id_fails_with_a_reason()
    {
        var world = await new QaWorld(factory, "fault-id").CreateAsync("Fault: no command id");
        await using var hub = await world.ConnectAsync(0);
        var noId = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<AnnotationAck>("Submit", new Dictionary<string, object?> { ["kind"] = "box" }));
        Assert.Contains("A command needs a commandId", noId.Message, StringComparison.Ordinal);
        var notObject = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<AnnotationAck>("Submit", 42));
        Assert.Contains("must be a JSON object", notObject.Message, StringComparison.Ordinal);
        var badItem = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", "not-a-uuid"));
        Assert.Contains("itemId must be a UUID", badItem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_inside_a_hub_method_is_logged_and_answered_with_its_error_id()
    {
        var world = await new QaWorld(factory, "fault-read-back").CreateAsync("Fault: store gone");
        await using var hub = await world.ConnectAsync(0);
        await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        await ExecuteAsync("alter table weakseg.mt_doc_annotationrecord rename to mt_doc_annotationrecord_away");
        HubException failure;
        try
        {
            failure = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", world.Item));
        }
        finally
        {
            await ExecuteAsync("alter table weakseg.mt_doc_annotationrecord_away rename to mt_doc_annotationrecord");
        }
        var errorId = System.Text.RegularExpressions.Regex.Match(failure.Message, @"error ([0-9a-f]{12})").Groups[1].Value;
        Assert.Contains("The server failed on GetMyAnnotations (error ", failure.Message, StringComparison.Ordinal);
        var logged = Assert.Single(factory.Logs.Entries, e => e.Message.Contains(errorId, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.NotNull(logged.Exception);
        Assert.Single(await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", world.Item));
    }

    [Fact]
    public async Task A_label_the_store_cannot_take_is_answered_retry_with_a_logged_error_id_and_stored_once_when_resent()
    {
        var world = await new QaWorld(factory, "fault-store").CreateAsync("Fault: store fails");
        await using var hub = await world.ConnectAsync(0);
        await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        var box = Box(world.Item, 5);
        await ExecuteAsync("alter table weakseg.mt_doc_processedcommand rename to mt_doc_processedcommand_away");
        AnnotationAck first;
        try
        {
            first = await hub.InvokeAsync<AnnotationAck>("Submit", box);
        }
        finally
        {
            await ExecuteAsync("alter table weakseg.mt_doc_processedcommand_away rename to mt_doc_processedcommand");
        }
        Assert.False(first.Accepted);
        Assert.True(first.Retry);
        var errorId = System.Text.RegularExpressions.Regex.Match(first.Reason!, @"error ([0-9a-f]{12})").Groups[1].Value;
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(errorId, StringComparison.Ordinal));
        Assert.Single(await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]));

        var again = await hub.InvokeAsync<AnnotationAck>("Submit", box);
        Assert.True(again.Accepted, again.Reason);
        Assert.Equal(again, await hub.InvokeAsync<AnnotationAck>("Submit", box));
        var stored = await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]);
        Assert.Single(stored.Cast<BoxDrawn>(), e => e.CommandId == box.CommandId);
    }

    /// <summary>
    /// The database reports the command's id as taken (what a resend racing its original on another
    /// node sees) for the first <paramref name="losses"/> attempts: a trigger, counted by a sequence,
    /// which is not rolled back with the failed transaction.
    /// </summary>
    private Task LoseRacesAsync(Guid commandId, int losses) => ExecuteAsync($"""
        create sequence if not exists weakseg.lost_races;
        alter sequence weakseg.lost_races restart with 1;
        create or replace function weakseg.lose_race() returns trigger language plpgsql as $$
        begin
          if NEW.id = '{commandId}' and nextval('weakseg.lost_races') <= {losses} then
            raise exception 'another writer stored this id first (injected)' using errcode = 'unique_violation';
          end if;
          return NEW;
        end $$;
        drop trigger if exists lose_race on weakseg.mt_doc_processedcommand;
        create trigger lose_race before insert on weakseg.mt_doc_processedcommand for each row execute function weakseg.lose_race();
        """);

    private Task StopLosingRacesAsync() => ExecuteAsync("drop trigger if exists lose_race on weakseg.mt_doc_processedcommand");

    [Fact]
    public async Task A_label_that_loses_a_few_races_is_decided_by_the_server_and_stored_once()
    {
        var world = await new QaWorld(factory, "fault-race-few").CreateAsync("Fault: a few lost races");
        await using var hub = await world.ConnectAsync(0);
        await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        var box = Box(world.Item, 6);
        await LoseRacesAsync(box.CommandId, losses: 5);
        try
        {
            var ack = await hub.InvokeAsync<AnnotationAck>("Submit", box);
            Assert.True(ack.Accepted, ack.Reason);
        }
        finally
        {
            await StopLosingRacesAsync();
        }
        Assert.Single((await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0])).Cast<BoxDrawn>(), e => e.CommandId == box.CommandId);
    }

    [Fact]
    public async Task A_label_that_keeps_losing_races_is_answered_retry_never_refused_and_stored_once_when_resent()
    {
        var world = await new QaWorld(factory, "fault-race").CreateAsync("Fault: lost races");
        await using var hub = await world.ConnectAsync(0);
        await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        var box = Box(world.Item, 7);
        var after = Box(world.Item, 8);
        await LoseRacesAsync(box.CommandId, losses: 1000);
        AnnotationAck[] acks;
        try
        {
            // The label after it, of the same annotator and item, waits for it: a stream is stored in order.
            acks = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { box, after });
        }
        finally
        {
            await StopLosingRacesAsync();
        }
        Assert.All(acks, a => Assert.True(a.Retry && !a.Accepted, a.Reason));
        Assert.Equal(SubmitAnnotationHandler.Contended, acks[0].Reason);
        Assert.Single(await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]));

        var again = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { box, after });
        Assert.All(again, a => Assert.True(a.Accepted, a.Reason));
        var stored = (await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0])).Cast<BoxDrawn>().Select(e => e.CommandId).ToList();
        Assert.Equal([box.CommandId, after.CommandId], stored[1..]);
    }

    /// <summary>The portal with every log entry kept.</summary>
    public sealed class LoggingPortal : PortalFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
