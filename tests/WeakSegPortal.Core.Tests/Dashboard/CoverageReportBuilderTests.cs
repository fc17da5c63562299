using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Dashboard;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Dashboard;

/// <summary>The coverage dashboard's figures on hand-made read models.</summary>
public sealed class CoverageReportBuilderTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bea = Guid.NewGuid();
    private static readonly DateTimeOffset Day1 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static ProjectSummary Project(int overlap = 2) => new()
    {
        Id = Guid.NewGuid(),
        Name = "Liver",
        AnnotatorsPerItem = overlap,
        Classes = [new LabelClass(1, "liver", "#ff0000"), new LabelClass(2, "tumour", "#00ff00")],
        AllowedKinds = [AnnotationKind.Box, AnnotationKind.Scribble],
        Members = [new ProjectMember(Ann, ProjectRole.Annotator), new ProjectMember(Bea, ProjectRole.Annotator)],
    };

    private static ItemView Item(ProjectSummary project, string name, params (Guid Who, DateTimeOffset At)[] submitted)
    {
        var item = new ItemView { Id = Guid.NewGuid(), ProjectId = project.Id, Name = name, RegisteredAt = Day1 };
        foreach (var (who, at) in submitted)
        {
            item.AssignedTo.Add(who);
            item.SubmittedBy.Add(who);
            item.Submissions.Add(new SubmissionNote(who, 5000, at));
        }
        return item;
    }

    private static LabelFact Label(ItemView item, Guid who, int classId, string kind, long ms = 2000, bool assisted = false) =>
        new(item.Id, who, classId, kind, ms, assisted);

    private static CoverageReport Build(ProjectSummary project, IReadOnlyList<ItemView> items, IReadOnlyList<LabelFact> labels,
        IReadOnlyList<ItemAgreementSummary>? summaries = null, IReadOnlyList<SelfAgreement>? repeats = null, int suggested = 0, int accepted = 0,
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<double>>>? gold = null) =>
        CoverageReportBuilder.Build(new CoverageInputs(project, items, labels, summaries ?? [], repeats ?? [], suggested, accepted, gold ?? []), Day1);

    [Fact]
    public void Items_reach_the_target_when_as_many_annotators_as_the_project_asks_submitted_them()
    {
        var project = Project(overlap: 2);
        var both = Item(project, "a", (Ann, Day1), (Bea, Day1));
        var one = Item(project, "b", (Ann, Day1));
        var none = Item(project, "c");

        var report = Build(project, [both, one, none], []);

        Assert.Equal((3, 1), (report.Items, report.ItemsAtTarget));
        Assert.Equal([1, 1, 1], report.ItemsBySubmissions);
        Assert.Equal([true, false, false], report.Rows.Select(r => r.AtTarget));
    }

    [Fact]
    public void A_cell_counts_annotators_who_submitted_the_item_with_a_label_of_that_class_and_type()
    {
        var project = Project(overlap: 2);
        var both = Item(project, "a", (Ann, Day1), (Bea, Day1));
        var one = Item(project, "b", (Ann, Day1));
        var unsubmitted = Item(project, "c");
        unsubmitted.AssignedTo.Add(Bea);
        var labels = new[]
        {
            Label(both, Ann, 1, AnnotationKinds.Box), Label(both, Ann, 1, AnnotationKinds.Box), Label(both, Bea, 1, AnnotationKinds.Box),
            Label(both, Bea, 2, AnnotationKinds.Scribble),
            Label(one, Ann, 1, AnnotationKinds.Box),
            // Labels of an item its annotator has not submitted are not (yet) an independent annotation.
            Label(unsubmitted, Bea, 1, AnnotationKinds.Box),
        };

        var report = Build(project, [both, one, unsubmitted], labels);

        var liverBoxes = report.Cells.Single(c => c.ClassId == 1 && c.Kind == AnnotationKinds.Box);
        Assert.Equal((2, 1), (liverBoxes.ItemsWithAny, liverBoxes.ItemsAtTarget));
        Assert.Equal([1, 1, 1], liverBoxes.ItemsByAnnotations);
        var tumourScribbles = report.Cells.Single(c => c.ClassId == 2 && c.Kind == AnnotationKinds.Scribble);
        Assert.Equal((1, 0), (tumourScribbles.ItemsWithAny, tumourScribbles.ItemsAtTarget));
        // Every class × allowed type has a cell, labelled or not.
        Assert.Equal(4, report.Cells.Count);
        Assert.Equal([new CoverageCount(1, AnnotationKinds.Box, 2), new CoverageCount(2, AnnotationKinds.Scribble, 1)], report.Rows[0].Counts);
    }

    [Fact]
    public void A_hidden_repeat_adds_no_coverage_but_counts_as_work_in_progress_and_throughput()
    {
        var project = Project(overlap: 2);
        var original = Item(project, "a", (Ann, Day1));
        var repeat = Item(project, "a", (Ann, Day1.AddDays(1)));
        repeat.Id = RepeatIds.For(original.Id, Ann);
        repeat.RepeatOf = original.Id;
        var labels = new[] { Label(original, Ann, 1, AnnotationKinds.Box), Label(repeat, Ann, 1, AnnotationKinds.Box) };
        var self = new SelfAgreement { Id = repeat.Id, ProjectId = project.Id, AnnotatorId = Ann, OriginalItemId = original.Id, Agreement = 0.75 };

        var report = Build(project, [original, repeat], labels, repeats: [self]);

        Assert.Equal((1, 0), (report.Items, report.ItemsAtTarget));
        Assert.Single(report.Rows);
        Assert.Equal(1, report.Cells.Single(c => c.ClassId == 1 && c.Kind == AnnotationKinds.Box).ItemsWithAny);
        var ann = report.Annotators.Single(a => a.AnnotatorId == Ann);
        Assert.Equal((2, 2, 0.75, 1), (ann.Done, ann.Submitted, ann.SelfAgreement, ann.RepeatsCompared));
        Assert.Equal([(DateOnly.FromDateTime(Day1.UtcDateTime), 1), (DateOnly.FromDateTime(Day1.UtcDateTime).AddDays(1), 1)],
            report.Throughput.Select(d => (d.Day, d.Submitted)));
    }

    [Fact]
    public void Annotators_are_measured_against_the_queue_s_own_assignment()
    {
        var project = Project(overlap: 1);
        var done = Item(project, "a", (Ann, Day1));
        var open = Item(project, "b");
        open.AssignedTo.Add(Ann);
        var free = Item(project, "c");

        var report = Build(project, [done, open, free], []);

        var ann = report.Annotators.Single(a => a.AnnotatorId == Ann);
        Assert.Equal(QueueProgress.Of([done, open, free], Ann, 1).Total, ann.Total);
        Assert.Equal((1, 1, 3), (ann.Done, ann.Open, ann.Total));
        // Bea may still get the free item only; the others are full at overlap 1.
        Assert.Equal((0, 1), (report.Annotators.Single(a => a.AnnotatorId == Bea).Done, report.Annotators.Single(a => a.AnnotatorId == Bea).Total));
    }

    [Fact]
    public void Throughput_is_per_UTC_day_and_timings_are_medians_per_label_type()
    {
        var project = Project();
        var a = Item(project, "a", (Ann, Day1), (Bea, Day1.AddHours(20)));
        var labels = new[]
        {
            Label(a, Ann, 1, AnnotationKinds.Box, 1000), Label(a, Ann, 1, AnnotationKinds.Box, 3000), Label(a, Bea, 1, AnnotationKinds.Box, 8000),
            Label(a, Bea, 1, AnnotationKinds.Scribble, 4000),
        };

        var report = Build(project, [a], labels);

        Assert.Equal([1, 1], report.Throughput.Select(d => d.Submitted));
        Assert.Equal([("box", 3.0, 3), ("scribble", 4.0, 1)], report.Timings.Select(t => (t.Kind, t.MedianSeconds!.Value, t.Labels)));
    }

    [Fact]
    public void Agreement_over_time_averages_each_class_over_the_items_settled_that_day()
    {
        var project = Project();
        var a = Item(project, "a");
        var b = Item(project, "b");
        var c = Item(project, "c");
        ItemAgreementSummary Summary(ItemView item, DateTimeOffset at, int annotators, double? dice) => new()
        {
            Id = item.Id, ProjectId = project.Id, AnnotatorCount = annotators, UpdatedAt = at,
            Classes = [new ClassAgreementSummary(1, dice, null, null, null)],
        };

        var report = Build(project, [a, b, c], [], summaries:
        [
            Summary(a, Day1, 2, 0.6), Summary(b, Day1.AddHours(1), 3, 0.8),
            // One annotator compares with nobody; it is not agreement.
            Summary(c, Day1.AddDays(1), 1, 1.0),
        ]);

        var point = Assert.Single(report.AgreementOverTime);
        Assert.Equal((DateOnly.FromDateTime(Day1.UtcDateTime), 1, 2), (point.Day, point.ClassId, point.Items));
        Assert.Equal(0.7, point.MeanDice, 9);
    }

    [Fact]
    public void Suggestion_use_counts_objects_and_labels_and_estimates_time_saved_by_the_stated_rule()
    {
        var project = Project();
        var a = Item(project, "a", (Ann, Day1));
        var labels = new[]
        {
            Label(a, Ann, 1, AnnotationKinds.Box, 10_000), Label(a, Ann, 1, AnnotationKinds.Scribble, 20_000), Label(a, Ann, 1, AnnotationKinds.Box, 30_000),
            // Accepted suggestions: 4 s and 25 s spent; the class's hand-drawn median is 20 s.
            Label(a, Ann, 1, AnnotationKinds.Mask, 4000, assisted: true), Label(a, Ann, 1, AnnotationKinds.Mask, 25_000, assisted: true),
        };

        var report = Build(project, [a], labels, suggested: 4, accepted: 3);

        Assert.Equal((4, 3, 2, 5), (report.Suggestions.SuggestedObjects, report.Suggestions.AcceptedObjects, report.Suggestions.AssistedLabels, report.Suggestions.Labels));
        Assert.Equal(0.75, report.Suggestions.AcceptanceRate);
        Assert.Equal(16.0, report.Suggestions.EstimatedSecondsSaved, 9);
    }

    [Fact]
    public void Label_efficiency_sets_hand_drawn_speed_beside_the_consensus_Dice_on_gold()
    {
        var project = Project();
        var a = Item(project, "a", (Ann, Day1));
        var labels = new[] { Label(a, Ann, 1, AnnotationKinds.Box, 2000), Label(a, Ann, 1, AnnotationKinds.Point, 500), Label(a, Ann, 1, AnnotationKinds.Point, 700) };
        var gold = new IReadOnlyDictionary<string, IReadOnlyList<double>>[]
        {
            new Dictionary<string, IReadOnlyList<double>> { ["box"] = [0.9, 0.7], ["point"] = [0.1] },
            new Dictionary<string, IReadOnlyList<double>> { ["box"] = [0.5] },
        };

        var report = Build(project, [a], labels, gold: gold);

        var box = report.Efficiency.Single(e => e.Kind == "box");
        Assert.Equal((2.0, 1, 2), (box.MedianSeconds!.Value, box.Labels, box.GoldItems));
        Assert.Equal(0.7, box.GoldConsensusDice!.Value, 9);
        var point = report.Efficiency.Single(e => e.Kind == "point");
        Assert.Equal((0.6, 0.1, 1), (point.MedianSeconds!.Value, point.GoldConsensusDice!.Value, point.GoldItems));
    }

    [Fact]
    public void The_dataset_filter_combines_name_coverage_gold_class_and_type()
    {
        var project = Project(overlap: 1);
        var liver = Item(project, "liver-01", (Ann, Day1));
        var gold = Item(project, "liver-02");
        gold.IsGold = true;
        var other = Item(project, "kidney-01", (Bea, Day1));
        var report = Build(project, [liver, gold, other], [Label(liver, Ann, 1, AnnotationKinds.Box), Label(other, Bea, 2, AnnotationKinds.Scribble)]);

        string[] Names(DatasetFilter f) => [.. f.Apply(report.Rows).Select(r => r.Name)];

        Assert.Equal(["liver-01", "liver-02"], Names(new DatasetFilter(Text: "LIVER")));
        Assert.Equal(["kidney-01", "liver-01"], Names(new DatasetFilter(Coverage: DatasetFilter.AtTarget)));
        Assert.Equal(["liver-02"], Names(new DatasetFilter(Coverage: DatasetFilter.Unlabelled)));
        Assert.Equal(["liver-02"], Names(new DatasetFilter(GoldOnly: true)));
        Assert.Equal(["kidney-01"], Names(new DatasetFilter(ClassId: 2)));
        Assert.Empty(Names(new DatasetFilter(ClassId: 2, Kind: AnnotationKinds.Box)));
    }
}
