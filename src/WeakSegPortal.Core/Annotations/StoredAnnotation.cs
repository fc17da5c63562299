using System.Text.Json.Serialization;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Annotations;

/// <summary>One current label of an annotator on an item; exactly one of the geometry members is set.</summary>
public sealed record StoredAnnotation(
    Guid AnnotationId,
    Guid CommandId,
    string Kind,
    Box2D? Box,
    Scribble? Scribble,
    LabelPoint? Point,
    Tag? Tag,
    Provenance Provenance,
    long ActiveMs,
    DateTimeOffset At,
    Polygon? Polygon = null,
    BrushStroke? Brush = null,
    SliceMask? Mask = null)
{
    public int ClassId => Box?.ClassId ?? Scribble?.ClassId ?? Point?.ClassId ?? Tag?.ClassId ?? Polygon?.ClassId ?? Brush?.ClassId ?? Mask?.ClassId ?? 0;

    public int? Slice => Box?.Slice ?? Scribble?.Slice ?? Point?.Slice ?? Tag?.Slice ?? Polygon?.Slice ?? Brush?.Slice ?? Mask?.Slice;

    /// <summary>
    /// The axial slice the label lies on: its slice, or for a box, polygon, brush stroke or mask on a coronal or sagittal
    /// plane (whose slice is j or i) the first axial slice it reaches (<see cref="FirstK"/>); null for an item-wide tag.
    /// Derived, never stored.
    /// </summary>
    [JsonIgnore]
    public int? AxialSlice => Box is { IsAxial: false } box ? BoxVoxels.KRange(box).First
        : MaskShape is { Plane: not SlicePlane.Axial } shape ? FirstK(shape)
        : Slice;

    /// <summary>The full-mask edit this label is, if any (a polygon, brush stroke or accepted mask); derived, never stored.</summary>
    [JsonIgnore]
    public IMaskShape? MaskShape => (IMaskShape?)Polygon ?? (IMaskShape?)Brush ?? Mask;

    /// <summary>The lowest k a reformat full mask reaches: its lowest point's row (a stroke's rounded, a polygon's first centre inside), a mask's first painted row.</summary>
    private static int FirstK(IMaskShape shape) => shape switch
    {
        SliceMask m => m.Counts.Count > 1 && m.Width > 0 ? m.Counts[0] / m.Width : 0,   // the first run is unset pixels
        Polygon g => Math.Max(0, (int)Math.Ceiling(g.Points.Min(p => p.Y))),
        BrushStroke r => Math.Max(0, (int)Math.Round(r.Points.Min(p => p.Y))),
        _ => 0,
    };
}
