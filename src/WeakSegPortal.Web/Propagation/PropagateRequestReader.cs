using System.Text.Json;
using WeakSegPortal.Imaging.Rendering;

namespace WeakSegPortal.Web.Propagation;

/// <summary>Reads a <c>Propagate</c> call's JSON and checks what needs no image; the slice, the box's bounds and the mask's size are checked against the volume by the suggestion path.</summary>
public static class PropagateRequestReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (PropagateRequest? Request, string? Error) Read(JsonElement json)
    {
        PropagateRequestBody? body;
        try
        {
            body = json.ValueKind == JsonValueKind.Object ? json.Deserialize<PropagateRequestBody>(Json) : null;
        }
        catch (JsonException e)
        {
            return (null, $"The request is malformed at {e.Path ?? "its start"}.");
        }
        if (body is null)
        {
            return (null, "Propagate needs a request object.");
        }
        var error = body switch
        {
            _ when (body.RequestId ?? Guid.Empty) == Guid.Empty => "requestId must be a UUID.",
            _ when (body.ObjectId ?? Guid.Empty) == Guid.Empty => "objectId must be a UUID.",
            _ when (body.ItemId ?? Guid.Empty) == Guid.Empty => "itemId must be a UUID.",
            { Orientation: var o } when o is null || !Enum.TryParse<SliceOrientation>(o, ignoreCase: true, out _) || int.TryParse(o, out _) => "orientation must be axial, coronal or sagittal.",
            { Slice: null or < 0 } => "slice must be a slice index (0 or more).",
            { ClassId: null } => "classId is missing.",
            { Box: null, Mask: null } => "Give the object as a box or a mask on its slice.",
            { Box: { } b } when !double.IsFinite(b.X0) || !double.IsFinite(b.Y0) || !double.IsFinite(b.X1) || !double.IsFinite(b.Y1) => "The box's corners must be numbers.",
            { Direction: not (null or "both" or "up" or "down") } => "direction must be both, up or down.",
            { First: < 0 } or { Last: < 0 } => "first and last must be slice indexes.",
            { First: { } f, Last: { } l } when f > l => "first must not be after last.",
            { MaxSlices: < 1 } => "maxSlices must be 1 or more.",
            _ => null,
        };
        if (error is not null)
        {
            return (null, error);
        }
        var direction = body.Direction ?? "both";
        return (new PropagateRequest(body.RequestId!.Value, body.ObjectId!.Value, body.ItemId!.Value,
            Enum.Parse<SliceOrientation>(body.Orientation!, ignoreCase: true), body.Slice!.Value, body.ClassId!.Value,
            string.IsNullOrWhiteSpace(body.Engine) ? null : body.Engine, body.Box, body.Mask,
            Up: direction is "both" or "up", Down: direction is "both" or "down", body.First, body.Last, body.MaxSlices), null);
    }
}
