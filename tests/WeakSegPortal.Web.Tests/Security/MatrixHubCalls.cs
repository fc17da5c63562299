using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>One call of each hub method of the matrix, with arguments that pass every check but access.</summary>
internal static class MatrixHubCalls
{
    private static AnnotationCommand Box(Guid item) => new(Guid.NewGuid(), item, "box", 1, 3, Box: new BoxShape(5, 5, 15, 15), ActiveMs: 2000);

    public static async Task<(bool Served, string Outcome, string Body)> InvokeAsync(HubConnection hub, string key, Guid item)
    {
        try
        {
            switch (key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..])
            {
                case "Submit":
                    var ack = await hub.InvokeAsync<AnnotationAck>("Submit", Box(item));
                    return (ack.Accepted, ack.Accepted ? "accepted" : $"refused: {ack.Reason}", JsonSerializer.Serialize(ack));
                case "SubmitMany":
                    var acks = await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", new[] { Box(item) });
                    return (acks.All(a => a.Accepted), string.Join(", ", acks.Select(a => a.Accepted ? "accepted" : $"refused: {a.Reason}")), JsonSerializer.Serialize(acks));
                case "GetMyAnnotations":
                    var mine = await hub.InvokeAsync<JsonElement>("GetMyAnnotations", item.ToString());
                    return (mine.GetArrayLength() > 0, $"{mine.GetArrayLength()} labels", mine.GetRawText());
                case "Focus":
                    await hub.InvokeAsync("Focus", item.ToString());
                    return (true, "focused", "");
                case "Suggest":
                    // Served: past the access rule (this item has no pixels, so a served call is answered "no image").
                    var reply = await hub.InvokeAsync<WeakSegPortal.Web.Suggestions.SuggestReply>("Suggest", new
                    {
                        requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = "axial", slice = 3, classId = 1,
                        box = new { x0 = 5, y0 = 5, x1 = 15, y1 = 15 },
                    });
                    return (reply.Error != AnnotationBatch.NotYours, reply.Ok ? "suggested" : $"refused: {reply.Error}", JsonSerializer.Serialize(reply));
                case "Propagate":
                    // Served: past the access rule (the first message is not the "not yours" refusal; this item has no pixels).
                    var first = default(JsonElement);
                    await foreach (var slice in hub.StreamAsync<JsonElement>("Propagate", new
                    {
                        requestId = Guid.NewGuid(), objectId = Guid.NewGuid(), itemId = item, orientation = "axial", slice = 3, classId = 1,
                        box = new { x0 = 5, y0 = 5, x1 = 15, y1 = 15 },
                    }))
                    {
                        first = slice;
                        break;
                    }
                    var stop = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("stop", out var s) ? s.GetString() : null;
                    return (stop != AnnotationBatch.NotYours, stop is null ? "propagated" : $"stopped: {stop}", first.ValueKind == JsonValueKind.Undefined ? "" : first.GetRawText());
                case "GetSuggestionStatus":
                    var status = await hub.InvokeAsync<JsonElement>("GetSuggestionStatus", item.ToString());
                    return (true, "status", status.GetRawText());
                case "ViewSlice":
                    await hub.InvokeAsync("ViewSlice", item.ToString(), "axial", 3);
                    return (true, "viewed", "");
                case "Announce":
                    await hub.InvokeAsync("Announce", new WeakSegPortal.ML.Jobs.WorkerAnnouncement("matrix", "matrix", [], false, "CPU", 1));
                    return (true, "announced", "");
                case "ClaimTraining":
                    await hub.InvokeAsync<WeakSegPortal.ML.Jobs.TrainingAssignment?>("ClaimTraining");
                    return (true, "claimed", "");
                case "ReportTrainingEpoch":
                    await hub.InvokeAsync<WeakSegPortal.ML.Jobs.TrainingDirective>("ReportTrainingEpoch", new WeakSegPortal.ML.Jobs.TrainingEpochReport(Guid.NewGuid(), 1, 1, 1, 0.5, null, null));
                    return (true, "reported", "");
                case "RenewTrainingLease":
                    await hub.InvokeAsync<WeakSegPortal.ML.Jobs.TrainingDirective>("RenewTrainingLease", Guid.NewGuid(), 1);
                    return (true, "renewed", "");
                case "CompleteTraining":
                    await hub.InvokeAsync<Guid>("CompleteTraining", new WeakSegPortal.ML.Jobs.TrainingOutcome(Guid.NewGuid(), 1, new string('0', 64), new string('0', 64), 0.5, null, 0, 0, [], [], 0));
                    return (true, "completed", "");
                case "FailTraining":
                    await hub.InvokeAsync("FailTraining", Guid.NewGuid(), 1, "matrix");
                    return (true, "failed", "");
                case "RejectSuggestion":
                    await hub.InvokeAsync("RejectSuggestion", Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), item.ToString());
                    return (true, "rejected", "");
                default:
                    throw new InvalidOperationException($"The matrix has no probe for {key}; add one to InvokeAsync.");
            }
        }
        catch (HubException e)
        {
            return (false, $"hub error: {e.Message}", e.Message);
        }
    }
}
