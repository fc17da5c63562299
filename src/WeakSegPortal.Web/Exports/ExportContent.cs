using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.Exports;

/// <summary>What one export writes: the project, its items (after the filter) with their current labels and, for adjudicated items, the labels QA kept.</summary>
public sealed record ExportContent(
    ProjectSummary Project,
    IReadOnlyList<ItemView> Items,
    ILookup<Guid, AnnotatorItemLabels> Labels,
    IReadOnlyDictionary<Guid, ItemAdjudicated> Adjudications);
