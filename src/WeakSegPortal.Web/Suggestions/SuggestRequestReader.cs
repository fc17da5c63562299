using System.Text.Json;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>
/// Reads a <c>Suggest</c> call's JSON and checks what needs no image: ids, orientation, at least one prompt,
/// finite numbers and the size caps. Whether the coordinates lie inside the slice is <see cref="PromptBounds"/>'s.
/// </summary>
public static class SuggestRequestReader
{
    public const int MaxPoints = 64;
    public const int MaxScribbles = 32;
    public const int MaxScribblePoints = 10_000;
    public const double MaxScribbleWidth = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (SuggestRequest? Request, string? Error) Read(JsonElement json)
    {
        SuggestRequestBody? body;
        try
        {
            body = json.ValueKind == JsonValueKind.Object ? json.Deserialize<SuggestRequestBody>(Json) : null;
        }
        catch (JsonException e)
        {
            return (null, e.Path is "$.requestId" or "$.objectId" or "$.itemId"
                ? $"{e.Path[2..]} must be a UUID."
                : $"The request is malformed at {e.Path ?? "its start"}.");
        }
        if (body is null)
        {
            return (null, "Suggest needs a request object.");
        }
        var error = Check(body);
        if (error is not null)
        {
            return (null, error);
        }
        var prompt = new WirePrompt(body.ObjectId!.Value, body.Orientation!.ToLowerInvariant(), body.Slice!.Value, body.ClassId!.Value,
            body.Box, body.Points ?? [], body.Scribbles ?? []);
        return (new SuggestRequest(body.RequestId!.Value, body.ItemId!.Value, string.IsNullOrWhiteSpace(body.Engine) ? null : body.Engine,
            Enum.Parse<SliceOrientation>(body.Orientation!, ignoreCase: true), prompt, json.GetRawText()), null);
    }

    private static string? Check(SuggestRequestBody body)
    {
        var points = body.Points ?? [];
        var scribbles = body.Scribbles ?? [];
        return body switch
        {
            _ when (body.RequestId ?? Guid.Empty) == Guid.Empty => "requestId must be a UUID.",
            _ when (body.ObjectId ?? Guid.Empty) == Guid.Empty => "objectId must be a UUID.",
            _ when (body.ItemId ?? Guid.Empty) == Guid.Empty => "itemId must be a UUID.",
            { Orientation: var o } when o is null || !Enum.TryParse<SliceOrientation>(o, ignoreCase: true, out _) || int.TryParse(o, out _) => "orientation must be axial, coronal or sagittal.",
            { Slice: null or < 0 } => "slice must be a slice index (0 or more).",
            { ClassId: null } => "classId is missing.",
            _ when body.Box is null && points.Count == 0 && scribbles.Count == 0 => "Give a box, a click or a scribble.",
            _ when points.Count > MaxPoints => $"At most {MaxPoints} clicks per object.",
            _ when scribbles.Count > MaxScribbles => $"At most {MaxScribbles} scribbles per object.",
            _ when scribbles.Sum(s => s.Points?.Count ?? 0) > MaxScribblePoints => $"At most {MaxScribblePoints} scribble points per object.",
            _ when body.Box is { } b && !AllFinite(b.X0, b.Y0, b.X1, b.Y1) => "The box's corners must be numbers.",
            _ when points.Any(p => p is null || !AllFinite(p.X, p.Y)) => "Every click needs x and y.",
            _ when scribbles.Any(s => s?.Points is null || s.Points.Count == 0 || s.Points.Any(p => p is not { Length: 2 } || !AllFinite(p[0], p[1]))) =>
                "Every scribble needs points, each [x, y].",
            _ when scribbles.Any(s => !(s.Width > 0 && s.Width <= MaxScribbleWidth)) => $"A scribble's width must be above 0 and at most {MaxScribbleWidth}.",
            _ => null,
        };
    }

    private static bool AllFinite(params double[] values) => values.All(double.IsFinite);
}
