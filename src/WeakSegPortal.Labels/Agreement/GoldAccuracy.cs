namespace WeakSegPortal.Core.Agreement;

/// <summary>An annotator's accuracy on a gold item, over the voxels they labelled.</summary>
/// <param name="Sensitivity">TP / (TP + FN); NaN when no labelled voxel is gold foreground.</param>
/// <param name="Specificity">TN / (TN + FP); NaN when no labelled voxel is gold background.</param>
/// <param name="Dice">2TP / (2TP + FP + FN); 1 when both are empty on the labelled voxels.</param>
/// <param name="LabelledVoxels">Voxels the annotator marked positive or negative.</param>
public sealed record GoldAccuracy(double Sensitivity, double Specificity, double Dice, long LabelledVoxels);
