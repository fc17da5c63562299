using Microsoft.AspNetCore.Components;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Consistency;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Web.Components.Qa;

/// <summary>Lists what <see cref="ConsistencyRules"/> finds in each annotator's labels on one item.</summary>
public partial class QaConsistencyPanel
{
    private IReadOnlyList<(Guid Annotator, ConsistencyFinding Finding)> _findings = [];

    [Parameter, EditorRequired] public IReadOnlyList<AnnotatorItemLabels> Labels { get; set; } = [];
    [Parameter, EditorRequired] public Grid Grid { get; set; } = default!;
    [Parameter, EditorRequired] public Func<int, string> ClassName { get; set; } = default!;
    [Parameter] public IReadOnlyDictionary<Guid, string> Names { get; set; } = new Dictionary<Guid, string>();
    [Parameter] public ConsistencyOptions Options { get; set; } = ConsistencyOptions.Default;
    /// <summary>The QA lead asked to see a slice.</summary>
    [Parameter] public EventCallback<int> OnSlice { get; set; }

    protected override void OnParametersSet() =>
        _findings = [.. Labels.SelectMany(labels => ConsistencyRules.Check(labels.ToWeakLabels(), Grid, ClassName, Options)
            .Select(finding => (labels.AnnotatorId, finding)))];
}
