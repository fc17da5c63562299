using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.ML.Propagation;

/// <summary>
/// One propagation step's prompt as it travels (docs/suggestion-protocol.md, "Propagation across slices"), one place for
/// the web app and the tests: the previous slice's mask as <see cref="WirePrompt.SeedMask"/> on <see cref="WirePrompt.SeedSlice"/>,
/// and its bounding box as the box. Classical engines seed GrabCut with the mask; SAM-family engines take the box and
/// the mask's low-resolution form as mask_input.
/// </summary>
public static class PropagationPrompt
{
    public static WirePrompt Step(Guid objectId, string orientation, int slice, int classId, int from, bool[] previous, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var box = SeedBox.Of(previous, width, slice, classId) ?? throw new ArgumentException("A propagation step needs a mask with set pixels.", nameof(previous));
        return new WirePrompt(objectId, orientation, slice, classId, new WireBox(box.X0, box.Y0, box.X1, box.Y1), [], [])
        {
            SeedMask = WireMask.From(previous, width, height),
            SeedSlice = from,
        };
    }
}
