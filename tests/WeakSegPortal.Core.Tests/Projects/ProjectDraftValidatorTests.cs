using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Projects;

public sealed class ProjectDraftValidatorTests
{
    private static ProjectDraft Valid() => new()
    {
        Name = "Prostate MR",
        Classes = [new() { Name = "Prostate", Colour = "#ff0000" }],
        AllowedKinds = [AnnotationKind.Box],
    };

    [Fact]
    public void A_complete_draft_has_no_errors() => Assert.Empty(ProjectDraftValidator.Validate(Valid()));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_refused_beside_the_name(string name)
    {
        var draft = Valid();
        draft.Name = name;
        Assert.Equal("Give the project a name.", ProjectDraftValidator.Validate(draft)[nameof(ProjectDraft.Name)]);
    }

    [Fact]
    public void A_duplicate_class_is_refused_beside_the_second_one_ignoring_case()
    {
        var draft = Valid();
        draft.Classes.Add(new() { Name = " prostate ", Colour = "#00ff00" });
        var errors = ProjectDraftValidator.Validate(draft);
        Assert.False(errors.ContainsKey(ProjectDraftValidator.ClassNameKey(0)));
        Assert.Contains("Duplicate class", errors[ProjectDraftValidator.ClassNameKey(1)], StringComparison.Ordinal);
    }

    [Fact]
    public void No_annotation_type_is_refused()
    {
        var draft = Valid();
        draft.AllowedKinds.Clear();
        Assert.True(ProjectDraftValidator.Validate(draft).ContainsKey(nameof(ProjectDraft.AllowedKinds)));
    }

    [Fact]
    public void No_class_at_all_is_refused()
    {
        var draft = Valid();
        draft.Classes.Clear();
        Assert.True(ProjectDraftValidator.Validate(draft).ContainsKey(nameof(ProjectDraft.Classes)));
    }

    [Fact]
    public void Background_is_not_a_class_name()
    {
        var draft = Valid();
        draft.Classes[0].Name = "Background";
        Assert.True(ProjectDraftValidator.Validate(draft).ContainsKey(ProjectDraftValidator.ClassNameKey(0)));
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#12345g")]
    public void A_colour_that_is_not_hex_is_refused(string colour)
    {
        var draft = Valid();
        draft.Classes[0].Colour = colour;
        Assert.True(ProjectDraftValidator.Validate(draft).ContainsKey(ProjectDraftValidator.ClassColourKey(0)));
    }

    [Theory]
    [InlineData(0, 0.05)]
    [InlineData(21, 0.05)]
    [InlineData(3, -0.1)]
    [InlineData(3, 0.6)]
    [InlineData(3, double.NaN)]
    public void Assignment_rules_out_of_range_are_refused(int annotators, double goldRate)
    {
        var draft = Valid();
        draft.AnnotatorsPerItem = annotators;
        draft.GoldRate = goldRate;
        Assert.NotEmpty(ProjectDraftValidator.Validate(draft));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("grabcut-box")]
    [InlineData("grabcut-seeded")]
    [InlineData("sam-vit-b")]
    [InlineData("medsam.v2")]
    public void Every_offered_or_worker_announced_suggestion_engine_may_be_chosen(string engine)
    {
        var draft = Valid();
        draft.SuggestionEngine = engine;
        Assert.Empty(ProjectDraftValidator.Validate(draft));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Auto")]
    [InlineData("sam vit h")]
    [InlineData("-sam")]
    public void An_engine_that_is_not_offered_is_refused_beside_the_engine(string engine)
    {
        var draft = Valid();
        draft.SuggestionEngine = engine;
        Assert.Equal("Pick a suggestion engine: auto, grabcut-box, grabcut-seeded, or one a worker offers.", ProjectDraftValidator.Validate(draft)[nameof(ProjectDraft.SuggestionEngine)]);
    }

    [Theory]
    [InlineData("auto", true, "grabcut-box")]
    [InlineData("auto", false, "grabcut-seeded")]
    [InlineData(null, true, "grabcut-box")]
    [InlineData("grabcut-box", false, "grabcut-box")]
    [InlineData("grabcut-seeded", true, "grabcut-seeded")]
    public void Auto_sends_a_prompt_with_a_box_to_grabcut_and_one_without_to_seeded_grabcut_and_any_other_choice_is_kept(string? chosen, bool hasBox, string engine) =>
        Assert.Equal(engine, SuggestionEngineNames.Resolve(chosen, hasBox));

    [Fact]
    public void The_editor_lists_the_classical_engines_then_those_workers_announce_then_a_chosen_one_nobody_offers_now() =>
        Assert.Equal(
            ["auto", "grabcut-box", "grabcut-seeded", "medsam", "sam-vit-b", "sam-old"],
            SuggestionEngineNames.Choices(["sam-vit-b", "grabcut-box", "medsam", "sam-vit-b", "Bad Name"], "sam-old"));

    [Theory]
    [InlineData(null, null)]
    [InlineData("auto", null)]
    [InlineData("grabcut-seeded", "grabcut-seeded")]
    [InlineData("sam-vit-b", "sam-vit-b")]
    public void Auto_names_no_engine_so_the_prompt_decides(string? chosen, string? named) =>
        Assert.Equal(named, SuggestionEngineNames.Named(chosen));
}
