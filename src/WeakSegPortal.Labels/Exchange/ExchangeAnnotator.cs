namespace WeakSegPortal.Core.Labels;

/// <summary>One annotator's current labels on one item, and whether they submitted the item.</summary>
public sealed record ExchangeAnnotator(Guid Id, bool Submitted, IReadOnlyList<ExchangeLabel> Labels)
{
    /// <summary>Their labels as the agreement maths and rasterisers read them (masks in the order they were made).</summary>
    public WeakLabels ToWeakLabels() => ExchangeLabel.ToWeakLabels(Labels);
}
