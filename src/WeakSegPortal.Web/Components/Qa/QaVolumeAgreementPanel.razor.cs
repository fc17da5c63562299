using Microsoft.AspNetCore.Components;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Web.Components.Qa;

/// <summary>HD95 / ASSD across slices per class and pair of annotators, and a ranked walk through the slices that disagree most.</summary>
public partial class QaVolumeAgreementPanel
{
    /// <summary>How many of the ranked slices are listed; Next and Previous step through all of them.</summary>
    private const int ListedSlices = 10;

    private VolumeSurfaceFigures _figures = VolumeSurfaceFigures.None;
    private IReadOnlyList<AnnotatorItemLabels>? _computedFor;
    private Grid? _computedOn;
    private int _at = -1;

    /// <summary>Each annotator's labels as shown (the history slider's moment).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<AnnotatorItemLabels> Labels { get; set; } = [];
    /// <summary>The item's grid with its voxel spacing in mm.</summary>
    [Parameter, EditorRequired] public Grid Grid { get; set; } = default!;
    /// <summary>The project's classes, by id.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<int> ClassIds { get; set; } = [];
    [Parameter, EditorRequired] public Func<int, string> ClassName { get; set; } = default!;
    [Parameter] public IReadOnlyDictionary<Guid, string> Names { get; set; } = new Dictionary<Guid, string>();
    /// <summary>The QA lead asked to see a slice.</summary>
    [Parameter] public EventCallback<int> OnSlice { get; set; }

    protected override void OnParametersSet()
    {
        // The page renders on every slice change; the figures depend only on the labels and the grid.
        if (ReferenceEquals(_computedFor, Labels) && _computedOn == Grid)
        {
            return;
        }
        (_computedFor, _computedOn) = (Labels, Grid);
        var shownSlice = _at >= 0 && _at < _figures.Slices.Count ? _figures.Slices[_at].Slice : (int?)null;
        _figures = VolumeSurfaceAgreement.Compute(Grid, [.. Labels.Select(l => (l.AnnotatorId, l.ToWeakLabels()))], ClassIds);
        // New labels re-rank the slices: stay on the slice shown if it is still listed.
        _at = shownSlice is { } k ? _figures.Slices.ToList().FindIndex(s => s.Slice == k) : -1;
    }

    private Task NextAsync() => GoAsync(Math.Min(_at + 1, _figures.Slices.Count - 1));

    private Task PreviousAsync() => GoAsync(Math.Max(_at - 1, 0));

    private async Task GoAsync(int rank)
    {
        if (rank < 0 || rank >= _figures.Slices.Count)
        {
            return;
        }
        _at = rank;
        await OnSlice.InvokeAsync(_figures.Slices[rank].Slice);
    }
}
