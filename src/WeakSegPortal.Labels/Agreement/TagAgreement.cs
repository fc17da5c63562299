using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Agreement on present/absent tags: units are (class, slice) pairs, slice null for the whole item.</summary>
/// <remarks>
/// An annotator who did not tag a unit is missing there, not "absent"; the last tag per unit wins.
/// Percent agreement is over every pair of annotators who both rated a unit. α and κ are undefined
/// (see <see cref="AgreementStatistic"/>) when all ratings are identical.
/// </remarks>
public static class TagAgreement
{
    public static TagAgreementResult Compute(IReadOnlyList<WeakLabels> annotators)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        var units = new Dictionary<(int ClassId, int? Slice), int>();
        foreach (var tag in annotators.SelectMany(a => a.Tags))
        {
            units.TryAdd((tag.ClassId, tag.Slice), units.Count);
        }

        if (units.Count == 0)
        {
            return TagAgreementResult.None;
        }

        var ratings = new int?[annotators.Count, units.Count];
        var codes = new int[annotators.Count][];
        for (var a = 0; a < annotators.Count; a++)
        {
            codes[a] = Enumerable.Repeat(-1, units.Count).ToArray();
            foreach (var tag in annotators[a].Tags)
            {
                var unit = units[(tag.ClassId, tag.Slice)];
                ratings[a, unit] = codes[a][unit] = tag.Present ? 1 : 0;
            }
        }

        var kappas = new MeanOfDefined();
        long paired = 0, agreed = 0;
        for (var a = 0; a < annotators.Count; a++)
        {
            for (var b = a + 1; b < annotators.Count; b++)
            {
                kappas.Add(CohenKappa.Compute(codes[a], codes[b]));
                for (var u = 0; u < units.Count; u++)
                {
                    if (codes[a][u] >= 0 && codes[b][u] >= 0)
                    {
                        paired++;
                        agreed += codes[a][u] == codes[b][u] ? 1 : 0;
                    }
                }
            }
        }

        double? percent = paired == 0 ? null : (double)agreed / paired;
        return new TagAgreementResult(
            AgreementStatistic.Of(KrippendorffAlpha.Nominal(ratings), percent),
            AgreementStatistic.Of(kappas.Mean, percent));
    }
}
