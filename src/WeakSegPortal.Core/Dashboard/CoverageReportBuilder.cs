using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Dashboard;

/// <summary>Folds the project's read models into its <see cref="CoverageReport"/>; no store, so every figure is testable on hand-made views.</summary>
public static class CoverageReportBuilder
{
    public static CoverageReport Build(CoverageInputs inputs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var project = inputs.Project;
        var target = Math.Max(1, project.AnnotatorsPerItem);
        var items = inputs.Items.Where(i => !i.IsRepeat).OrderBy(i => i.RegisteredAt).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        var itemIds = items.Select(i => i.Id).ToHashSet();
        // Independent annotations: labels of annotators who submitted the item; a hidden repeat is never one.
        var submittedBy = items.ToDictionary(i => i.Id, i => i.SubmittedBy.ToHashSet());
        var independent = inputs.Labels.Where(l => itemIds.Contains(l.ItemId) && submittedBy[l.ItemId].Contains(l.AnnotatorId)).ToList();
        var counts = independent
            .GroupBy(l => (l.ItemId, l.ClassId, l.Kind))
            .ToDictionary(g => g.Key, g => g.Select(l => l.AnnotatorId).Distinct().Count());
        var summaries = inputs.Summaries.ToDictionary(s => s.Id);
        var rows = items.Select(i => Row(i, target, counts, summaries.GetValueOrDefault(i.Id))).ToList();
        return new CoverageReport(
            project.Id,
            project.Name,
            target,
            items.Count,
            items.Count(i => i.SubmittedBy.Count >= target),
            Histogram(items.Select(i => i.SubmittedBy.Count), target),
            Cells(project, items, target, counts),
            rows,
            Gold(items, target),
            Annotators(project, inputs.Items, inputs.Repeats),
            Throughput(inputs.Items),
            Timings(inputs.Labels),
            AgreementOverTime(inputs.Summaries.Where(s => itemIds.Contains(s.Id))),
            new SuggestionUse(inputs.SuggestedObjects, inputs.AcceptedObjects, inputs.Labels.Count(l => l.Assisted), inputs.Labels.Count, TimeSavedEstimate.Seconds(inputs.Labels)),
            Efficiency(inputs.Labels, inputs.GoldEfficiency),
            now);
    }

    private static ItemCoverageRow Row(ItemView item, int target, Dictionary<(Guid, int, string), int> counts, ItemAgreementSummary? summary) => new(
        item.Id,
        item.Name,
        item.IsGold,
        item.SubmittedBy.Count,
        item.SubmittedBy.Count >= target,
        summary?.Status ?? (item.Adjudication is not null ? QaStatus.Adjudicated : QaStatus.Open),
        summary?.AnnotatorCount >= 2 ? summary.Score : null,
        [.. counts.Where(c => c.Key.Item1 == item.Id).OrderBy(c => c.Key.Item2).ThenBy(c => c.Key.Item3, StringComparer.Ordinal)
            .Select(c => new CoverageCount(c.Key.Item2, c.Key.Item3, c.Value))]);

    /// <summary>Every class × allowed type of the project, and any other pair that has labels (a type allowed earlier).</summary>
    private static List<CoverageCell> Cells(ProjectSummary project, List<ItemView> items, int target, Dictionary<(Guid, int, string), int> counts)
    {
        var pairs = project.Classes.SelectMany(c => project.AllowedKinds.Select(k => (c.Id, Kind: k.ToString().ToLowerInvariant())))
            .Concat(counts.Keys.Select(k => (Id: k.Item2, Kind: k.Item3)))
            .Distinct()
            .OrderBy(p => p.Id).ThenBy(p => p.Kind, StringComparer.Ordinal);
        return [.. pairs.Select(p =>
        {
            var perItem = items.Select(i => counts.GetValueOrDefault((i.Id, p.Id, p.Kind))).ToList();
            return new CoverageCell(p.Id, p.Kind, perItem.Count(n => n > 0), perItem.Count(n => n >= target), Histogram(perItem, target));
        })];
    }

    private static int[] Histogram(IEnumerable<int> values, int target)
    {
        var buckets = new int[target + 1];
        foreach (var n in values)
        {
            buckets[Math.Min(n, target)]++;
        }
        return buckets;
    }

    private static GoldCoverage Gold(List<ItemView> items, int target)
    {
        var gold = items.Where(i => i.IsGold).ToList();
        return new GoldCoverage(gold.Count, gold.Count(i => i.SubmittedBy.Count > 0), gold.Count(i => i.SubmittedBy.Count >= target),
            gold.Count(i => i.Adjudication is not null), gold.Sum(i => i.SubmittedBy.Count));
    }

    private static List<AnnotatorProgressRow> Annotators(ProjectSummary project, IReadOnlyList<ItemView> all, IReadOnlyList<SelfAgreement> repeats) =>
        [.. project.Members.Where(m => m.Role == ProjectRole.Annotator).Select(m => m.UserId).Distinct().Select(a =>
        {
            // The queue's own count, hidden repeats included: they are part of what the annotator was given.
            var progress = QueueProgress.Of(all, a, project.AnnotatorsPerItem);
            var selves = repeats.Where(r => r.AnnotatorId == a).ToList();
            return new AnnotatorProgressRow(a, progress.Done, progress.Open, progress.Total, all.Count(i => i.SubmittedBy.Contains(a)),
                Defined.Mean(selves.Select(s => s.Agreement)), selves.Count);
        })];

    private static List<DailyThroughput> Throughput(IReadOnlyList<ItemView> all) =>
        [.. all.SelectMany(i => i.Submissions)
            .GroupBy(s => DateOnly.FromDateTime(s.At.UtcDateTime))
            .OrderBy(g => g.Key)
            .Select(g => new DailyThroughput(g.Key, g.Count(), g.Select(s => s.AnnotatorId).Distinct().Count()))];

    private static List<KindTiming> Timings(IReadOnlyList<LabelFact> labels) =>
        [.. labels.GroupBy(l => l.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KindTiming(g.Key, Defined.Median(g.Select(l => l.ActiveMs / 1000.0)), g.Count()))];

    private static List<ClassAgreementPoint> AgreementOverTime(IEnumerable<ItemAgreementSummary> summaries) =>
        [.. summaries.Where(s => s.AnnotatorCount >= 2)
            .SelectMany(s => s.Classes.Where(c => c.MeanPairwiseDice is not null).Select(c => (Day: DateOnly.FromDateTime(s.UpdatedAt.UtcDateTime), c.ClassId, Dice: c.MeanPairwiseDice!.Value)))
            .GroupBy(p => (p.Day, p.ClassId))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.ClassId)
            .Select(g => new ClassAgreementPoint(g.Key.Day, g.Key.ClassId, g.Average(p => p.Dice), g.Count()))];

    /// <summary>Hand-drawn labels' speed per type beside the Dice of that type's consensus on gold items.</summary>
    private static List<LabelEfficiencyRow> Efficiency(IReadOnlyList<LabelFact> labels, IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<double>>> gold)
    {
        var manual = labels.Where(l => !l.Assisted).GroupBy(l => l.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var kinds = manual.Keys.Concat(gold.SelectMany(g => g.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. kinds.Select(kind =>
        {
            var mine = manual.GetValueOrDefault(kind) ?? [];
            var dice = gold.Where(g => g.ContainsKey(kind)).ToList();
            return new LabelEfficiencyRow(kind, Defined.Median(mine.Select(l => l.ActiveMs / 1000.0)), mine.Count,
                dice.Count == 0 ? null : dice.SelectMany(g => g[kind]).Average(), dice.Count);
        })];
    }
}
