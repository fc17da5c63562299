using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using WeakSegPortal.Core.Items.Sampling;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Components.Pages.Manage;

/// <summary>Edits a <see cref="ProjectDraft"/>; checks it before handing it to <see cref="OnSave"/>.</summary>
public sealed partial class ProjectForm
{
    private static readonly string[] Palette =
        ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c", "#008080", "#9a6324"];

    private Dictionary<string, string> _localErrors = [];

    [Parameter, EditorRequired]
    public ProjectDraft Draft { get; set; } = new();

    [Parameter]
    public EventCallback<ProjectDraft> OnSave { get; set; }

    /// <summary>Errors the server found (a taken name, a concurrent edit), shown like local ones.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? ServerErrors { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public string SaveLabel { get; set; } = "Save";

    /// <summary>The draft as last saved (or blank for a new project): anything else is unsaved, and leaving asks first.</summary>
    [Parameter, EditorRequired]
    public ProjectDraft Saved { get; set; } = new();

    /// <summary>True while the page itself navigates away after a successful save.</summary>
    [Parameter]
    public Func<bool>? LeavingAfterSave { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>Who offers which engine right now: their engines join the classical ones in the select.</summary>
    [Inject]
    private WorkerRegistry Workers { get; set; } = default!;

    /// <summary>Whether the project has a promoted model: only then is "project-model" offered.</summary>
    [Parameter]
    public bool HasPromotedModel { get; set; }

    private IReadOnlyList<string> EngineChoices =>
        SuggestionEngineNames.Choices(Workers.All.SelectMany(w => w.Announcement.Engines.Select(e => e.Name)), Draft.SuggestionEngine, HasPromotedModel);

    private bool Dirty => !Draft.SameAs(Saved);

    private string? TeamWarning => Draft.Members is { } members ? TeamSize.Warning(Draft.AnnotatorsPerItem, members) : null;

    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (!Dirty || LeavingAfterSave?.Invoke() == true)
        {
            return;
        }
        var leave = await Dialogs.ShowMessageBoxAsync(
            "Leave without saving?",
            "This project has changes that are not saved. Leave the page and lose them?",
            yesText: "Leave without saving", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private void SetTeam(HashSet<ProjectMember> team) => Draft.Members = team;

    private string? Error(string key) =>
        _localErrors.TryGetValue(key, out var local) ? local
        : ServerErrors is not null && ServerErrors.TryGetValue(key, out var server) ? server
        : null;

    private bool HasError(string key) => Error(key) is not null;

    private async Task SubmitAsync()
    {
        _localErrors = ProjectDraftValidator.Validate(Draft);
        if (_localErrors.Count == 0)
        {
            await OnSave.InvokeAsync(Draft);
        }
    }

    private void AddClass() =>
        Draft.Classes.Add(new LabelClassDraft { Colour = Palette[Draft.Classes.Count % Palette.Length] });

    private void ToggleKind(AnnotationKind kind, bool on)
    {
        if (on)
        {
            Draft.AllowedKinds.Add(kind);
        }
        else
        {
            Draft.AllowedKinds.Remove(kind);
        }
    }

    /// <summary>The checkbox label of each kind a project may allow.</summary>
    public static string KindLabel(AnnotationKind kind) => kind switch
    {
        AnnotationKind.Tag => "Tags (image / slice)",
        AnnotationKind.Box => "Bounding boxes",
        AnnotationKind.Scribble => "Scribbles",
        AnnotationKind.Point => "Points",
        AnnotationKind.Brush => "Brush / eraser (full mask)",
        AnnotationKind.Polygon => "Polygon (full mask)",
        AnnotationKind.Mask => "Suggested masks",
        _ => kind.ToString(),
    };

    /// <summary>What each sampling strategy does, in the select's words (the registry's own description).</summary>
    public static string StrategyLabel(string strategy) =>
        SamplingStrategies.All.FirstOrDefault(s => s.Name == strategy)?.Description ?? strategy;

    /// <summary>What each engine the project may pick does, in the select's words.</summary>
    public static string EngineLabel(string engine) => engine switch
    {
        SuggestionEngineNames.Auto => "Auto: a box → grabcut-box, clicks or scribbles → grabcut-seeded",
        SuggestionEngineNames.GrabCutBox => "grabcut-box (GrabCut from a box)",
        SuggestionEngineNames.GrabCutSeeded => "grabcut-seeded (GrabCut seeded by clicks and scribbles)",
        SuggestionEngineNames.ProjectModel => "project-model (this project's promoted model)",
        _ => engine,
    };
}
