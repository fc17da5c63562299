using WeakSegPortal.Core.Items.Sampling;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Projects;

public sealed class ProjectChangesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid By = Guid.NewGuid();

    private static Project Created() => Project.Create(new ProjectCreated(
        Guid.NewGuid(), "Lung CT", "", Modality.CT,
        [new LabelClass(1, "Nodule", "#ff0000"), new LabelClass(2, "Vessel", "#0000ff")],
        [AnnotationKind.Box, AnnotationKind.Point], 3, 0.05, "", By, At));

    [Fact]
    public void An_unchanged_draft_yields_no_event()
    {
        var project = Created();
        var changes = ProjectChanges.Between(project, ProjectDraft.From(project, 1), By, At, out var errors);
        Assert.Empty(errors);
        Assert.Empty(changes);
    }

    [Fact]
    public void A_renamed_class_keeps_its_id()
    {
        var project = Created();
        var draft = ProjectDraft.From(project, 1);
        draft.Classes[1].Name = "Airway";
        var change = Assert.IsType<LabelClassChanged>(Assert.Single(ProjectChanges.Between(project, draft, By, At, out _)));
        Assert.Equal(new LabelClass(2, "Airway", "#0000ff"), change.Class);
    }

    [Fact]
    public void A_retired_class_id_is_never_handed_out_again()
    {
        var project = Created();
        var draft = ProjectDraft.From(project, 1);
        draft.Classes.RemoveAt(1);
        foreach (var e in ProjectChanges.Between(project, draft, By, At, out _))
        {
            project.Apply((LabelClassRetired)e);
        }
        draft = ProjectDraft.From(project, 2);
        draft.Classes.Add(new LabelClassDraft { Name = "Effusion", Colour = "#00ff00" });
        var added = Assert.IsType<LabelClassAdded>(Assert.Single(ProjectChanges.Between(project, draft, By, At, out _)));
        Assert.Equal(3, added.Class.Id);
    }

    [Fact]
    public void Changing_several_settings_gives_one_event_each_in_a_stable_order()
    {
        var project = Created();
        var draft = ProjectDraft.From(project, 1);
        draft.Name = "Lung CT 2";
        draft.Modality = Modality.PET;
        draft.AllowedKinds.Add(AnnotationKind.Scribble);
        draft.AnnotatorsPerItem = 5;
        draft.Guidelines = "Click each nodule once.";
        var types = ProjectChanges.Between(project, draft, By, At, out _).Select(e => e.GetType());
        Assert.Equal(
            [typeof(ProjectRenamed), typeof(ProjectModalityChanged), typeof(AllowedAnnotationKindsChanged), typeof(AssignmentRulesChanged), typeof(GuidelinesChanged)],
            types);
    }

    [Fact]
    public void Choosing_another_suggestion_engine_is_one_event_and_the_project_keeps_it()
    {
        var project = Created();
        Assert.Equal(SuggestionEngineNames.Auto, project.SuggestionEngine);
        var draft = ProjectDraft.From(project, 1);
        Assert.Empty(ProjectChanges.Between(project, draft, By, At, out _));
        draft.SuggestionEngine = SuggestionEngineNames.GrabCutSeeded;
        var chosen = Assert.IsType<SuggestionEngineChosen>(Assert.Single(ProjectChanges.Between(project, draft, By, At, out _)));
        Assert.Equal(SuggestionEngineNames.GrabCutSeeded, chosen.Engine);
        project.Apply(chosen);
        Assert.Equal(SuggestionEngineNames.GrabCutSeeded, ProjectDraft.From(project, 2).SuggestionEngine);
        Assert.False(draft.SameAs(ProjectDraft.From(Created(), 1)));
    }

    [Fact]
    public void Choosing_another_sampling_strategy_is_one_event_and_the_project_keeps_it()
    {
        var project = Created();
        Assert.Equal(SamplingStrategies.Sequential, project.SamplingStrategy);
        var draft = ProjectDraft.From(project, 1);
        draft.SamplingStrategy = SamplingStrategies.Informative;
        var chosen = Assert.IsType<SamplingStrategyChosen>(Assert.Single(ProjectChanges.Between(project, draft, By, At, out _)));
        Assert.Equal(SamplingStrategies.Informative, chosen.Strategy);
        project.Apply(chosen);
        Assert.Equal(SamplingStrategies.Informative, ProjectDraft.From(project, 2).SamplingStrategy);
        Assert.False(draft.SameAs(ProjectDraft.From(Created(), 1)));
    }
}
