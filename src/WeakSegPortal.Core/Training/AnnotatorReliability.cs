using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Training;

/// <summary>
/// How far the training trusts an annotator (0–1), from the QA desk's figures on their scorecard: gold sensitivity ×
/// specificity where they labelled gold items, else their mean Dice with the others' consensus, else 1 (nothing known).
/// </summary>
public static class AnnotatorReliability
{
    public static double Of(AnnotatorScorecard? card)
    {
        if (card is { GoldSensitivity: { } sensitivity, GoldSpecificity: { } specificity })
        {
            return Math.Clamp(sensitivity * specificity, 0, 1);
        }
        if (card is { AgreementWithConsensus: { } agreement })
        {
            return Math.Clamp(agreement, 0, 1);
        }
        return 1;
    }
}
