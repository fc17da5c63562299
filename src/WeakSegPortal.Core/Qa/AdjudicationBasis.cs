namespace WeakSegPortal.Core.Qa;

/// <summary>What an adjudication accepts: the consensus of all kept annotations, or one annotator's.</summary>
public static class AdjudicationBasis
{
    public const string Consensus = "consensus";
    public const string Annotator = "annotator";
}
