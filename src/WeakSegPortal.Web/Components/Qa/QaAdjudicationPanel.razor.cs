using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components.Qa;

/// <summary>Adjudication, gold and return-to-annotator for one item; each action is one short unit of work.</summary>
public partial class QaAdjudicationPanel
{
    private const int MaxListed = 300;
    private Guid? _returnTo;
    private string _comment = "";
    private bool _busy;

    [Parameter, EditorRequired] public ItemView Item { get; set; } = default!;
    [Parameter] public IReadOnlyDictionary<Guid, string> Names { get; set; } = new Dictionary<Guid, string>();
    [Parameter] public IReadOnlyList<AnnotatorItemLabels> Labels { get; set; } = [];
    /// <summary>The annotator whose labels are the base; <see cref="Guid.Empty"/> for the consensus of everyone.</summary>
    [Parameter] public Guid Chosen { get; set; }
    [Parameter] public EventCallback<Guid> ChosenChanged { get; set; }
    [Parameter] public IReadOnlySet<Guid> Removed { get; set; } = new HashSet<Guid>();
    [Parameter] public EventCallback<(Guid AnnotationId, bool Keep)> KeepChanged { get; set; }
    [Parameter] public bool Disabled { get; set; }
    [Parameter] public EventCallback OnDecided { get; set; }
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IEnumerable<(Guid Annotator, StoredAnnotation Annotation)> BaseAnnotations =>
        Labels.Where(l => Chosen == Guid.Empty || l.AnnotatorId == Chosen)
            .SelectMany(l => l.Annotations.Select(a => (l.AnnotatorId, a)));

    private string BaseName => Chosen == Guid.Empty ? "the consensus of everyone" : $"the labels of {People.Of(Names, Chosen)}";

    private Task AcceptAsync(bool asGold) => DecideAsync(
        asGold ? "Accept as gold?" : "Accept?",
        $"Accept {BaseName}{(Removed.Count > 0 ? $" without the {Removed.Count} struck annotation(s)" : "")} as this item's answer{(asGold ? ", and make it a gold item every annotator is scored against" : "")}?",
        asGold ? "Accept as gold" : "Accept",
        async (services, by, manager, ct) =>
    {
        Guid? chosen = Chosen == Guid.Empty ? null : Chosen;
        var command = new AdjudicateItem(Item.Id, chosen is null ? AdjudicationBasis.Consensus : AdjudicationBasis.Annotator, chosen, [.. Removed], asGold, by, manager);
        return await services.GetRequiredService<AdjudicateItemHandler>().HandleAsync(command, ct);
    }, asGold ? "Accepted as gold." : "Accepted.");

    private Task MarkGoldAsync() => DecideAsync(
        "Mark as gold?", "Mark this item as gold? Its adjudicated labels become the answer its annotators are scored against.", "Mark as gold",
        (services, by, manager, ct) => services.GetRequiredService<MarkItemGoldHandler>().HandleAsync(new MarkItemGold(Item.Id, by, manager), ct),
        "Marked as gold.");

    private Task ReturnAsync() => DecideAsync(
        "Return to the annotator?",
        $"Return this item to {People.Of(Names, _returnTo ?? Guid.Empty)}{(string.IsNullOrWhiteSpace(_comment) ? " without a comment" : " with your comment")}? It is reopened for them and comes first in their queue.",
        "Return",
        async (services, by, manager, ct) =>
    {
        var result = await services.GetRequiredService<ReturnItemHandler>().HandleAsync(new ReturnItem(Item.Id, _returnTo!.Value, _comment, by, manager), ct);
        if (result.Succeeded)
        {
            _comment = "";
        }
        return result;
    }, "Returned to the annotator.");

    /// <summary>Asks first (a decision is an event on the item's stream, not undone by a click), then decides.</summary>
    private async Task DecideAsync(string question, string consequence, string confirm, Func<IServiceProvider, Guid, bool, CancellationToken, Task<CommandResult>> decide, string done)
    {
        if (await Dialogs.ShowMessageBoxAsync(question, consequence, yesText: confirm, cancelText: "Cancel") != true)
        {
            return;
        }
        _busy = true;
        try
        {
            var user = (await AuthState).User;
            var manager = user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);
            await using var scope = Scopes.CreateAsyncScope();
            var result = await decide(scope.ServiceProvider, user.UserId(), manager, Leaving);
            Snackbar.Add(result.Succeeded ? done : string.Join(" ", result.Errors.Values), result.Succeeded ? Severity.Success : Severity.Error);
            if (result.Succeeded)
            {
                await OnDecided.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
