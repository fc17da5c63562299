namespace WeakSegPortal.Core.Agreement;

/// <summary>Dice between two annotators on one class, over the voxels both labelled (NaN if none).</summary>
public sealed record PairDice(string AnnotatorA, string AnnotatorB, double Dice);
