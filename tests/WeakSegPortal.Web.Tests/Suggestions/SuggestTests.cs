using System.Diagnostics;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Suggestions;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>Suggest on the annotation hub with no worker connected: the classical engines answer in the web app.</summary>
public sealed class SuggestTests(SuggestionPortal factory, ITestOutputHelper output) : IClassFixture<SuggestionPortal>
{
    [Fact]
    public async Task Without_a_worker_a_tight_box_on_the_demo_liver_comes_back_from_the_web_app_with_Dice_085_and_is_recorded()
    {
        var world = await new SuggestionWorld(factory, "sg-liver").CreateAsync();
        var (item, liver) = await world.DemoLiverAsync();
        await using var hub = await world.ConnectAsync();
        var objectId = Guid.NewGuid();
        var request = SuggestionWorld.Request(item, SuggestionWorld.Box(liver, SuggestionWorld.DemoSize), objectId: objectId);

        var clock = Stopwatch.StartNew();
        var reply = await hub.InvokeAsync<JsonElement>("Suggest", request);
        output.WriteLine($"Suggest round trip (first, volume read): {clock.ElapsedMilliseconds} ms; serverMs {reply.GetProperty("serverMs").GetInt64()}");
        clock.Restart();
        var again = await hub.InvokeAsync<SuggestReply>("Suggest", request);
        output.WriteLine($"Suggest round trip (volume cached): {clock.ElapsedMilliseconds} ms; serverMs {again.ServerMs}");

        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        Assert.Equal("grabcut-box", reply.GetProperty("engine").GetString());
        Assert.Equal("OpenCV", reply.GetProperty("provider").GetString());
        Assert.Equal("web", reply.GetProperty("ranOn").GetString());
        Assert.False(reply.GetProperty("retried").GetBoolean());
        Assert.Equal(objectId, reply.GetProperty("objectId").GetGuid());
        var mask = reply.GetProperty("mask");
        var decoded = MaskRle.Decode(mask.GetProperty("counts").Deserialize<int[]>()!, mask.GetProperty("width").GetInt32(), mask.GetProperty("height").GetInt32());
        var dice = Overlap.Dice(decoded, liver);
        output.WriteLine($"Dice on the demo liver: {dice:0.000}");
        Assert.True(dice >= 0.85, $"Dice {dice:0.000}");

        var suggestionId = reply.GetProperty("suggestionId").GetGuid();
        var stored = await Eventually.GetAsync(() => StreamAsync(world.Annotator, objectId), events => events.Count == 2);
        var first = Assert.IsType<SuggestionRequested>(stored![0]);
        Assert.Equal((suggestionId, item, world.Annotator, "grabcut-box", "web", SuggestionWorld.DemoSlice), (first.SuggestionId, first.ItemId, first.AnnotatorId, first.Engine, first.RanOn, first.Slice));
        Assert.Equal(decoded.Count(p => p), first.MaskPixels);
        Assert.Contains(item.ToString(), first.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_box_with_a_negative_click_goes_to_box_grabcut_and_is_answered_not_refused()
    {
        // Seeded GrabCut needs a positive seed; a box refined by a "not here" click must stay with the box engine.
        var world = await new SuggestionWorld(factory, "sg-box-neg").CreateAsync();
        var (item, liver) = await world.DemoLiverAsync();
        await using var hub = await world.ConnectAsync();
        var outside = Enumerable.Range(0, liver.Length).First(n => !liver[n] && n % 192 > 100 && n / 192 > 100);

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SuggestionWorld.Box(liver, SuggestionWorld.DemoSize),
            points: [new { x = outside % 192, y = outside / 192, positive = false }]));

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal("grabcut-box", reply.Engine);
        Assert.True(Overlap.Dice(reply.Mask!.ToMask(), liver) >= 0.85);
    }

    [Fact]
    public async Task Clicks_alone_go_to_seeded_grabcut()
    {
        var world = await new SuggestionWorld(factory, "sg-click").CreateAsync();
        var (item, liver) = await world.DemoLiverAsync();
        await using var hub = await world.ConnectAsync();
        var deepest = Enumerable.Range(0, liver.Length).Where(n => liver[n]).OrderBy(n => Math.Abs((n % 192) - 60) + Math.Abs((n / 192) - 90)).First();

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, points: [new { x = deepest % 192, y = deepest / 192, positive = true }]));

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal("grabcut-seeded", reply.Engine);
        Assert.True(reply.Mask!.ToMask()[deepest]);
    }

    [Fact]
    public async Task Another_annotators_item_gets_the_not_yours_answer_and_nothing_is_run_or_stored()
    {
        var mine = await new SuggestionWorld(factory, "sg-mine").CreateAsync();
        var theirs = await new SuggestionWorld(factory, "sg-theirs").CreateAsync();
        var foreign = await theirs.SmallItemAsync(1);
        var own = await mine.SmallItemAsync(2);
        await using var hub = await mine.ConnectAsync();
        var foreignObject = Guid.NewGuid();

        var refused = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(foreign, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1, objectId: foreignObject));
        var ownObject = Guid.NewGuid();
        var answered = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(own, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1, objectId: ownObject));

        Assert.False(refused.Ok);
        Assert.Equal(AnnotationBatch.NotYours, refused.Error);
        Assert.Null(refused.Mask);
        Assert.True(answered.Ok, answered.Error);
        // Recorded in order: once the later request is stored, the refused one would have been too.
        await Eventually.GetAsync(() => StreamAsync(mine.Annotator, ownObject), events => events.Count == 1);
        Assert.Empty((await StreamAsync(mine.Annotator, foreignObject))!);
        var status = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SuggestionStatus>("GetSuggestionStatus", foreign.ToString()));
        Assert.Contains(AnnotationBatch.NotYours, status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outside", "The box lies outside the 32 × 32 image.")]
    [InlineData("none", "Give a box, a click or a scribble.")]
    [InlineData("slice", "slice must be between 0 and 3 (axial).")]
    [InlineData("clicks", "At most 64 clicks per object.")]
    [InlineData("orientation", "orientation must be axial, coronal or sagittal.")]
    [InlineData("item", "itemId must be a UUID.")]
    [InlineData("flat", "The box must be at least one pixel wide and high.")]
    [InlineData("click-outside", "A click lies outside the 32 × 32 image.")]
    [InlineData("engine", "No worker offers 'mobilesam' right now.")]
    [InlineData("malformed", "The request is malformed at $.slice.")]
    public async Task A_bad_prompt_is_refused_with_a_sentence_that_says_what_is_wrong(string fault, string error)
    {
        var world = await new SuggestionWorld(factory, "sg-bad").CreateAsync();
        var item = await world.SmallItemAsync(3);
        await using var hub = await world.ConnectAsync();
        var box = new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 };
        object request = fault switch
        {
            "outside" => SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 40, y1 = 20 }, slice: 1),
            "none" => SuggestionWorld.Request(item, slice: 1),
            "slice" => SuggestionWorld.Request(item, box, slice: 4),
            "clicks" => SuggestionWorld.Request(item, points: [.. Enumerable.Range(0, 65).Select(n => (object)new { x = 3, y = 3, positive = true })], slice: 1),
            "orientation" => new { requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = "oblique", slice = 1, classId = 1, box },
            "item" => new { requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = "nope", orientation = "axial", slice = 1, classId = 1, box },
            "flat" => SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 2.5, y1 = 20 }, slice: 1),
            "click-outside" => SuggestionWorld.Request(item, points: [new { x = 3, y = -1, positive = true }], slice: 1),
            "engine" => SuggestionWorld.Request(item, box, slice: 1, engine: "mobilesam"),
            _ => new { requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = "axial", slice = "one", classId = 1, box },
        };

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", request);

        Assert.False(reply.Ok);
        Assert.Equal(error, reply.Error);
        Assert.Null(reply.Mask);
    }

    [Fact]
    public async Task With_no_worker_every_slice_is_ready_for_the_classical_engine()
    {
        var world = await new SuggestionWorld(factory, "sg-status").CreateAsync();
        var item = await world.SmallItemAsync(4);
        await using var hub = await world.ConnectAsync();

        var status = await hub.InvokeAsync<SuggestionStatus>("GetSuggestionStatus", item.ToString());

        Assert.Equal(("grabcut-box", "OpenCV", 0), (status.Engine, status.Provider, status.Workers));
        Assert.Equal([0, 1, 2, 3], status.ReadySlices);
    }

    private async Task<IReadOnlyList<object>?> StreamAsync(Guid annotator, Guid objectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(SuggestionStreams.For(annotator, objectId));
        return [.. events.Select(e => e.Data)];
    }
}
