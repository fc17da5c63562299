using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Projects;

/// <summary>The team travels in the project draft: one save stores settings and team, and the page can tell what is unsaved.</summary>
public sealed class ProjectTeamDraftTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid By = Guid.NewGuid();
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Qa = Guid.NewGuid();

    private static Project WithTeam()
    {
        var id = Guid.NewGuid();
        var project = Project.Create(new ProjectCreated(
            id, "Liver CT", "", Modality.CT, [new LabelClass(1, "Liver", "#ff0000")], [AnnotationKind.Box], 2, 0.05, "", By, At));
        project.Apply(new ProjectMemberAdded(id, Ann, ProjectRole.Annotator, By, At));
        project.Apply(new ProjectMemberAdded(id, Qa, ProjectRole.QaLead, By, At));
        return project;
    }

    [Fact]
    public void Unticking_the_QA_lead_beside_a_settings_change_yields_both_events()
    {
        var project = WithTeam();
        var draft = ProjectDraft.From(project, 3);
        draft.Members!.Remove(new ProjectMember(Qa, ProjectRole.QaLead));
        draft.Description = "second pass";

        var changes = ProjectChanges.Between(project, draft, By, At, out var errors);

        Assert.Empty(errors);
        Assert.Contains(changes, c => c is ProjectDescribed);
        var removed = Assert.IsType<ProjectMemberRemoved>(Assert.Single(changes, c => c is ProjectMemberRemoved));
        Assert.Equal((Qa, ProjectRole.QaLead), (removed.UserId, removed.Role));
    }

    [Fact]
    public void A_draft_without_a_team_leaves_the_team_alone()
    {
        var project = WithTeam();
        var draft = ProjectDraft.From(project, 3);
        draft.Members = null;
        Assert.Empty(ProjectChanges.Between(project, draft, By, At, out _));
    }

    [Fact]
    public void One_person_as_annotator_and_QA_lead_is_refused_beside_the_team()
    {
        var draft = ProjectDraft.From(WithTeam(), 3);
        draft.Members!.Add(new ProjectMember(Ann, ProjectRole.QaLead));
        Assert.Contains("cannot be both annotator and QA lead", ProjectDraftValidator.Validate(draft)[nameof(ProjectDraft.Members)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_is_the_same_until_a_setting_or_the_team_changes()
    {
        var saved = ProjectDraft.From(WithTeam(), 3);
        var edited = saved.Copy();
        Assert.True(edited.SameAs(saved));

        edited.Members!.Remove(new ProjectMember(Qa, ProjectRole.QaLead));
        Assert.False(edited.SameAs(saved));
        edited.Members.Add(new ProjectMember(Qa, ProjectRole.QaLead));
        Assert.True(edited.SameAs(saved));

        edited.AllowedKinds.Add(AnnotationKind.Point);
        Assert.False(edited.SameAs(saved));
        edited.AllowedKinds.Remove(AnnotationKind.Point);
        edited.Classes[0].Colour = "#00ff00";
        Assert.False(edited.SameAs(saved));
    }

    [Theory]
    [InlineData(3, 3, false)]
    [InlineData(3, 5, false)]
    [InlineData(3, 2, true)]
    [InlineData(1, 0, true)]
    public void A_team_smaller_than_annotators_per_item_is_warned_about(int perItem, int annotators, bool warned)
    {
        var warning = TeamSize.Warning(perItem, annotators);
        Assert.Equal(warned, warning is not null);
        if (warned)
        {
            Assert.Contains($"no item can ever reach {perItem} annotations", warning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void QA_leads_do_not_count_towards_the_annotators_an_item_needs()
    {
        Assert.NotNull(TeamSize.Warning(2, WithTeam().Members));
        Assert.Null(TeamSize.Warning(1, WithTeam().Members));
    }
}
