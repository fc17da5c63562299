using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Computes an item's <see cref="ItemAgreement"/> from every annotator's labels; called when an annotation lands.</summary>
/// <remarks>
/// Per class: majority-vote consensus (Unknown abstains), vote fraction, disagreement map, pairwise
/// labelled Dice and box IoU. Per annotator and class, everything is judged against the
/// leave-one-out consensus (the others' vote), so nobody agrees with themselves: labelled Dice,
/// scribble precision over the voxels the others voted on, clicks inside the consensus (only when
/// that consensus is non-empty), and box IoU with the consensus bounding box (likewise). With a
/// single annotator these per-annotator figures are undefined (NaN / no points).
/// </remarks>
public static class ItemAgreementCalculator
{
    public static ItemAgreement Compute(Grid grid, IReadOnlyList<int> classIds, IReadOnlyList<AnnotatorLabels> annotators, int backgroundClassId)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(classIds);
        ArgumentNullException.ThrowIfNull(annotators);
        if (annotators.Count == 0)
        {
            return new ItemAgreement(0, [], ScribbleConflict.None, TagAgreementResult.None, 1);
        }

        var geometry = annotators.Select(a => a.Geometry).ToList();
        var classes = new List<ClassAgreement>(classIds.Count);
        foreach (var classId in classIds)
        {
            classes.Add(ForClass(grid, classId, annotators, geometry));
        }

        var conflicts = Conflicts(grid, geometry, backgroundClassId);
        var tags = TagAgreement.Compute(geometry);
        var score = ItemScore.Combine(classes, conflicts, tags);
        return new ItemAgreement(annotators.Count, classes, conflicts, tags, score);
    }

    private static ClassAgreement ForClass(Grid grid, int classId, IReadOnlyList<AnnotatorLabels> annotators, List<WeakLabels> geometry)
    {
        var states = annotators
            .Select(a => a.States.TryGetValue(classId, out var map) ? Checked(map, grid) : new byte[grid.Count])
            .ToList();
        var vote = MajorityVote.Compute(states);
        var pairs = new List<PairDice>();
        var meanDice = new MeanOfDefined();
        for (var a = 0; a < states.Count; a++)
        {
            for (var b = a + 1; b < states.Count; b++)
            {
                var dice = Overlap.LabelledDice(states[a], states[b]);
                pairs.Add(new PairDice(annotators[a].AnnotatorId, annotators[b].AnnotatorId, dice));
                meanDice.Add(dice);
            }
        }

        var perAnnotator = new List<AnnotatorClassAgreement>(states.Count);
        var scratch = new AnnotatorScratch(grid.Count);
        if (states.Count < 2)
        {
            perAnnotator.Add(new AnnotatorClassAgreement(annotators[0].AnnotatorId, double.NaN, double.NaN, PointValidity.None, double.NaN));
        }
        else
        {
            var regionStates = annotators.Select((a, r) => ReferenceRegion.RegionStates(a, states[r], classId, grid)).ToList();
            var regionVote = regionStates.Where((map, r) => !ReferenceEquals(map, states[r])).Any() ? MajorityVote.Compute(regionStates) : vote;
            var boxes = BoxVotes.Of(geometry, classId, grid);
            for (var r = 0; r < states.Count; r++)
            {
                var dice = OthersVote.Of(vote, states[r], scratch.Consensus, scratch.Voters).RaterDice;
                var reference = ReferenceRegion.For(r, regionVote, regionStates[r], boxes.Any ? boxes : null, scratch.Consensus, scratch.Voters);
                perAnnotator.Add(AgainstOthers(grid, classId, annotators[r], dice, reference, BoxAgreement.MeanIoUWithOthers(geometry, r, classId), scratch.Mask));
            }
        }

        return new ClassAgreement(classId, vote.Consensus, vote.VoteFraction, DisagreementMap.FromVotes(vote),
            pairs, meanDice.Mean, BoxAgreement.MeanPairwiseIoU(geometry, classId), perAnnotator);
    }

    private static AnnotatorClassAgreement AgainstOthers(Grid grid, int classId, AnnotatorLabels annotator, double dice, ReferenceRegion others, double boxIoU, bool[] scribbled)
    {
        var labels = annotator.Geometry;
        var precision = double.NaN;
        if (labels.Scribbles.Any(s => s.ClassId == classId))
        {
            Array.Clear(scribbled);
            foreach (var scribble in labels.Scribbles.Where(s => s.ClassId == classId))
            {
                ScribbleRasterizer.Fill(scribble, grid, scribbled);
            }

            precision = ScribblePrecision.WhereVoted(scribbled, others.Consensus, others.Voters);
        }

        var points = labels.Points.Count > 0 && others.Any
            ? PointValidityCalculator.Evaluate(labels.Points, classId, others.Consensus, grid)
            : PointValidity.None;
        return new AnnotatorClassAgreement(
            annotator.AnnotatorId,
            dice,
            others.Any ? precision : double.NaN,
            points,
            others.Any ? BoxAgreement.ConsensusIoU(labels.Boxes, classId, others.Consensus, grid) : double.NaN,
            boxIoU,
            others.Basis);
    }

    private static ScribbleConflict Conflicts(Grid grid, List<WeakLabels> geometry, int backgroundClassId)
    {
        if (geometry.Count(g => g.Scribbles.Count > 0) < 2)
        {
            return ScribbleConflict.None;
        }

        var scratch = new int[grid.Count];
        scratch.AsSpan().Fill(ScribbleClassMap.Unlabelled);
        var coverage = geometry.Where(g => g.Scribbles.Count > 0).Select(g => ScribbleCoverage.Of(g.Scribbles, grid, scratch)).ToList();
        var total = ScribbleConflict.None;
        for (var a = 0; a < coverage.Count; a++)
        {
            for (var b = a + 1; b < coverage.Count; b++)
            {
                total += coverage[a].ConflictsWith(coverage[b], backgroundClassId);
            }
        }

        return total;
    }

    private static byte[] Checked(byte[] map, Grid grid)
    {
        grid.EnsureMatches(map.Length);
        return map;
    }
}
