using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Learning;

/// <summary>The training loss: marginal cross-entropy on labelled pixels plus the weighted weak terms that the batch has labels for.</summary>
/// <remarks>The tag weight covers both tag terms: the image-level tag loss and every pixel of an absent tag's map (<see cref="AbsentTagMapLoss"/>).</remarks>
public static class WeakObjective
{
    public static Tensor Compute(UNetOutput output, TrainingBatch batch, ObjectiveWeights weights)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(weights);
        using var scope = NewDisposeScope();
        var logits = output.Logits;
        var total = weights.CrossEntropy * MarginalCrossEntropy.Compute(logits, batch.Target, batch.LabelledClasses, weights.BalanceClasses);
        if (weights.Entropy > 0)
        {
            total = total + weights.Entropy * EntropyMinimisation.Compute(logits, weights.MarginalEntropy ? batch.LabelledClasses : null);
        }
        if (weights.GatedCrf > 0)
        {
            var centre = batch.Input.narrow(1, batch.Input.shape[1] / 2, 1);
            total = total + weights.GatedCrf * GatedCrfLoss.Compute(logits, centre, weights.GatedCrfKernel);
        }
        if (weights.Box > 0 && batch.Boxes.Count > 0)
        {
            total = total + weights.Box * BoxTightnessLoss.Compute(logits, batch.Boxes, weights.BoxTightness);
        }
        if (weights.Box > 0 && batch.Lines.Count > 0)
        {
            total = total + weights.Box * BoxLineLoss.Compute(logits, batch.Lines, weights.BoxTightness.Alpha);
        }
        if (weights.Size > 0 && batch.Sizes.Count > 0)
        {
            total = total + weights.Size * SizeConstraintLoss.Compute(logits, batch.Sizes);
        }
        if (weights.SizeShortfall > 0 && batch.Sizes.Count > 0)
        {
            total = total + weights.SizeShortfall * SizeConstraintLoss.Shortfall(logits, batch.Sizes);
        }
        if (weights.Tag > 0 && batch.HasTags && output.TagLogits is { } tagLogits)
        {
            total = total + weights.Tag * TagClassificationLoss.Compute(tagLogits, batch.Tags);
            if (weights.AbsentTagMaps && output.TagMaps is { } maps)
            {
                total = total + weights.Tag * AbsentTagMapLoss.Compute(maps, batch.Tags);
            }
        }
        if (weights.NegativeTag > 0)
        {
            total = total + weights.NegativeTag * NegativeTagLoss.Compute(logits, batch.AbsentClasses);
        }
        return total.MoveToOuterDisposeScope();
    }
}
