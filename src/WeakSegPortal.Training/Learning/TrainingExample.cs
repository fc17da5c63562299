using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Learning;

/// <summary>One training image with everything the weak losses need, in pixel terms.</summary>
/// <param name="Input">Channels × height × width intensities in [0, 1] (x fastest).</param>
/// <param name="Target">Class id per pixel from scribbles and clicks, <see cref="PartialCrossEntropy.Ignore"/> where nobody labelled.</param>
/// <param name="LabelledClasses">Per class: whether any label of it exists on the item; an unlabelled class is marginalised, never background.</param>
/// <param name="Boxes">Boxes on this image (their Image index is 0; a batch renumbers them).</param>
/// <param name="Tags">Per non-background class (tag t is class t + 1): 1 present, 0 absent, <see cref="TagClassificationLoss.Unknown"/>.</param>
/// <param name="Sizes">Size bounds on this image (Image index 0).</param>
/// <param name="Lines">What boxes drawn on coronal or sagittal planes say on this image (Image index 0); none when null.</param>
public sealed record TrainingExample(
    float[] Input,
    int Channels,
    int Width,
    int Height,
    long[] Target,
    bool[] LabelledClasses,
    IReadOnlyList<TrainingBox> Boxes,
    float[] Tags,
    IReadOnlyList<SizeBounds> Sizes,
    IReadOnlyList<TrainingLine>? Lines = null)
{
    public int Classes => LabelledClasses.Length;
}
