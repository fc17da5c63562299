using Bunit;
using MudBlazor;
using WeakSegPortal.Core.Items.Sampling;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Components.Pages.Manage;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Tests.Components;

public sealed class ProjectFormTests : MudComponentTest
{
    private ProjectDraft? _saved;

    private readonly WorkerRegistry _workers = new();

    protected override void ConfigureServices() => Context.Services.AddSingleton(_workers);

    private IRenderedComponent<ProjectForm> RenderForm(ProjectDraft draft) =>
        Context.Render<ProjectForm>(p => p
            .Add(f => f.Draft, draft)
            .Add(f => f.OnSave, d => _saved = d));

    [Fact]
    public void Submitting_an_empty_form_shows_messages_beside_the_fields_and_saves_nothing()
    {
        var form = RenderForm(new ProjectDraft { Classes = [new LabelClassDraft()] });
        form.Find("form").Submit();
        Assert.Null(_saved);
        Assert.Contains("Give the project a name.", form.Markup, StringComparison.Ordinal);
        Assert.Contains("Name the class.", form.Markup, StringComparison.Ordinal);
        Assert.Equal("Allow at least one annotation type.", form.Find("[data-testid=kinds-error]").TextContent);
    }

    [Fact]
    public void A_duplicate_class_is_flagged_on_its_own_row()
    {
        var draft = new ProjectDraft
        {
            Name = "Brain MR",
            Classes = [new() { Name = "Tumour" }, new() { Name = "tumour" }],
            AllowedKinds = [AnnotationKind.Scribble],
        };
        var form = RenderForm(draft);
        form.Find("form").Submit();
        Assert.Null(_saved);
        var rows = form.FindAll("[data-testid=class-row]");
        Assert.DoesNotContain("Duplicate class", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Duplicate class \"tumour\"", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_form_is_handed_to_the_page_to_save()
    {
        var form = RenderForm(new ProjectDraft { Classes = [new LabelClassDraft()] });
        form.Find("#project-name").Input("Chest X-ray");
        form.Find("#class-name-0").Input("Effusion");
        form.FindAll("input[type=checkbox]")[1].Change(true); // Bounding boxes
        form.Find("form").Submit();
        Assert.NotNull(_saved);
        Assert.Equal("Chest X-ray", _saved.Name);
        Assert.Equal([AnnotationKind.Box], _saved.AllowedKinds);
    }

    [Fact]
    public void Adding_a_class_adds_a_row_with_the_next_palette_colour()
    {
        var form = RenderForm(new ProjectDraft { Classes = [new LabelClassDraft()] });
        form.FindAll("button").First(b => b.TextContent.Contains("Add class", StringComparison.Ordinal)).Click();
        Assert.Equal(2, form.FindAll("[data-testid=class-row]").Count);
        Assert.Equal("#3cb44b", form.FindAll("input[type=color]")[1].GetAttribute("value"));
    }

    [Fact]
    public void Server_errors_appear_beside_their_field()
    {
        var form = Context.Render<ProjectForm>(p => p
            .Add(f => f.Draft, new ProjectDraft { Name = "Taken" })
            .Add(f => f.ServerErrors, new Dictionary<string, string> { ["Name"] = "A project named \"Taken\" exists already." }));
        Assert.Contains("exists already", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_s_suggestion_engine_shows_in_the_form_and_is_saved_with_the_draft()
    {
        var draft = new ProjectDraft
        {
            Name = "Liver CT",
            Classes = [new() { Name = "Liver" }],
            AllowedKinds = [AnnotationKind.Mask],
            SuggestionEngine = SuggestionEngineNames.GrabCutSeeded,
        };
        var form = RenderForm(draft);
        Assert.Equal("grabcut-seeded (GrabCut seeded by clicks and scribbles)", form.Find("#project-suggestion-engine").GetAttribute("value"));
        Assert.Contains("Suggested masks", form.Markup, StringComparison.Ordinal);
        form.Find("form").Submit();
        Assert.Equal(SuggestionEngineNames.GrabCutSeeded, _saved!.SuggestionEngine);
    }

    [Fact]
    public void An_engine_no_longer_offered_is_flagged_beside_the_select_and_nothing_is_saved()
    {
        var draft = new ProjectDraft { Name = "Liver CT", Classes = [new() { Name = "Liver" }], AllowedKinds = [AnnotationKind.Box], SuggestionEngine = "Not An Engine!" };
        var form = RenderForm(draft);
        form.Find("form").Submit();
        Assert.Null(_saved);
        Assert.Contains("Pick a suggestion engine: auto, grabcut-box, grabcut-seeded, or one a worker offers.", form.Find("[data-testid=suggestion-engine]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_annotation_kind_a_project_may_allow_has_its_own_label_in_the_form()
    {
        var labels = Enum.GetValues<AnnotationKind>().Select(ProjectForm.KindLabel).ToList();
        Assert.All(Enum.GetValues<AnnotationKind>(), k => Assert.NotEqual(k.ToString(), ProjectForm.KindLabel(k)));
        Assert.Equal(labels.Count, labels.Distinct().Count());
        var form = RenderForm(new ProjectDraft { Classes = [new LabelClassDraft()] });
        Assert.All(labels, l => Assert.Contains(l, form.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_engine_a_connected_worker_announces_is_listed_and_a_project_may_save_it()
    {
        _workers.Announce("c1", new WorkerAnnouncement("w1", "gpu-1", [new EngineOffer("sam-vit-b", "1", "Box, Points", true)], true, "CUDA", 2));
        var draft = new ProjectDraft { Name = "Liver CT", Classes = [new() { Name = "Liver" }], AllowedKinds = [AnnotationKind.Box] };
        var form = RenderForm(draft);
        var select = form.FindComponent<MudSelect<string>>();
        await form.InvokeAsync(select.Instance.OpenMenu);
        Assert.Equal(["auto", "grabcut-box", "grabcut-seeded", "sam-vit-b"], select.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value));
        draft.SuggestionEngine = "sam-vit-b";
        form.Find("form").Submit();
        Assert.Equal("sam-vit-b", _saved!.SuggestionEngine);
    }

    [Fact]
    public async Task The_next_item_select_offers_every_registered_sampling_strategy_and_saves_the_chosen_one()
    {
        var draft = new ProjectDraft { Name = "Liver CT", Classes = [new() { Name = "Liver" }], AllowedKinds = [AnnotationKind.Box] };
        var form = RenderForm(draft);
        Assert.Equal("Sequential: the least-covered item first, in import order", form.Find("#project-sampling-strategy").GetAttribute("value"));

        var select = form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Next item");
        await form.InvokeAsync(select.Instance.OpenMenu);
        var offered = select.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).OfType<string>().ToList();
        Assert.Equal(SamplingStrategies.Names, offered);
        Assert.All(SamplingStrategies.All, s => Assert.Equal(s.Description, ProjectForm.StrategyLabel(s.Name)));
        draft.SamplingStrategy = SamplingStrategies.Informative;
        form.Find("form").Submit();
        Assert.Equal(SamplingStrategies.Informative, _saved!.SamplingStrategy);
    }

    [Fact]
    public void A_sampling_strategy_the_registry_lacks_is_flagged_beside_the_select_and_nothing_is_saved()
    {
        var draft = new ProjectDraft { Name = "Liver CT", Classes = [new() { Name = "Liver" }], AllowedKinds = [AnnotationKind.Box], SamplingStrategy = "hardest-first" };
        var form = RenderForm(draft);
        form.Find("form").Submit();
        Assert.Null(_saved);
        Assert.Contains("Pick a sampling strategy: sequential, random, informative.", form.Find("[data-testid=sampling-strategy]").TextContent, StringComparison.Ordinal);
    }
}
