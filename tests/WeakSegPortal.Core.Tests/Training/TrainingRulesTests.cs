using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Core.Tests.Training;

/// <summary>The training rules that need no store: auto-training's threshold, the configuration's limits, reliabilities, the project setting.</summary>
public sealed class TrainingRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 50, false)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    [InlineData(3, 7, true)]
    public void Auto_training_is_due_when_k_is_set_and_k_items_were_submitted_since_the_last_job(int afterItems, int submitted, bool due) =>
        Assert.Equal(due, AutoTraining.IsDue(afterItems, submitted));

    [Fact]
    public void The_default_configuration_is_valid_and_each_bad_field_is_named()
    {
        Assert.Empty(TrainingConfigRules.Validate(new TrainingConfig()));
        var errors = TrainingConfigRules.Validate(new TrainingConfig { Depth = 4, ImageSide = 100, Epochs = 0, LearningRate = 0, BatchSize = 0 });
        Assert.Equal(
            [nameof(TrainingConfig.BatchSize), nameof(TrainingConfig.Epochs), nameof(TrainingConfig.ImageSide), nameof(TrainingConfig.LearningRate)],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("multiple of 8", errors[nameof(TrainingConfig.ImageSide)], StringComparison.Ordinal);
    }

    [Fact]
    public void Reliability_is_gold_sensitivity_times_specificity_else_agreement_with_the_consensus_else_one()
    {
        Assert.Equal(0.72, AnnotatorReliability.Of(new AnnotatorScorecard { GoldSensitivity = 0.9, GoldSpecificity = 0.8, AgreementWithConsensus = 0.1 }), 10);
        Assert.Equal(0.6, AnnotatorReliability.Of(new AnnotatorScorecard { GoldSensitivity = 0.9, AgreementWithConsensus = 0.6 }), 10);
        Assert.Equal(1, AnnotatorReliability.Of(new AnnotatorScorecard()));
        Assert.Equal(1, AnnotatorReliability.Of(null));
    }

    [Fact]
    public void Changing_the_auto_training_setting_is_one_event_and_out_of_range_is_refused_beside_the_field()
    {
        var project = Project.Create(new ProjectCreated(Guid.NewGuid(), "CT", "", Modality.CT, [new LabelClass(1, "Liver", "#ff0000")], [AnnotationKind.Box], 3, 0, "", Guid.Empty, At));
        var draft = ProjectDraft.From(project, 1);
        draft.AutoTrainAfterItems = 25;

        var change = Assert.IsType<AutoTrainingChosen>(Assert.Single(ProjectChanges.Between(project, draft, Guid.Empty, At, out _)));
        project.Apply(change);

        Assert.Equal(25, project.AutoTrainAfterItems);
        Assert.True(ProjectDraft.From(project, 2).SameAs(draft));
        Assert.False(draft.SameAs(ProjectDraft.From(project, 2).Copy().With(d => d.AutoTrainAfterItems = 0)));
        draft.AutoTrainAfterItems = -1;
        Assert.Contains(nameof(ProjectDraft.AutoTrainAfterItems), ProjectDraftValidator.Validate(draft).Keys);
    }
}

internal static class DraftEdits
{
    public static ProjectDraft With(this ProjectDraft draft, Action<ProjectDraft> edit)
    {
        edit(draft);
        return draft;
    }
}
