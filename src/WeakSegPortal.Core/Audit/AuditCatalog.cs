using System.Text;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Suggestions;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Core.Audit;

/// <summary>
/// Which events the audit lists: every type marked <see cref="IAdministrativeEvent"/>. The others are named here with
/// why they are not administrative, so a new event type must be decided on (AuditCatalogTests fails until it is).
/// </summary>
public static class AuditCatalog
{
    private const string Labelling = "an annotator's or QA lead's work on items, not an administrative change";
    private const string Exporting = "the export runner's own progress (the request, a cancel and each download are audited)";
    private const string Machinery = "the training machinery's own progress (a manager's promotion of its model is audited)";

    public static IReadOnlyDictionary<Type, string> NotAdministrative { get; } = new Dictionary<Type, string>
    {
        [typeof(ItemRegistered)] = "one per item of an import, which is audited as one ImportRecorded",
        [typeof(ItemAssigned)] = Labelling,
        [typeof(ItemSubmitted)] = Labelling,
        [typeof(ItemSkipped)] = Labelling,
        [typeof(ItemMarkedGold)] = Labelling,
        [typeof(ItemAdjudicated)] = Labelling,
        [typeof(ItemReturned)] = Labelling,
        [typeof(SuggestionRequested)] = Labelling,
        [typeof(SuggestionAccepted)] = Labelling,
        [typeof(SuggestionRejected)] = Labelling,
        [typeof(ModelVersionRegistered)] = Machinery,
        [typeof(TrainingRequested)] = Machinery,
        [typeof(TrainingClaimed)] = Machinery,
        [typeof(TrainingEpochCompleted)] = Machinery,
        [typeof(TrainingLeaseRenewed)] = Machinery,
        [typeof(TrainingReleased)] = Machinery,
        [typeof(TrainingCancelRequested)] = Machinery,
        [typeof(TrainingCancelled)] = Machinery,
        [typeof(TrainingFailed)] = Machinery,
        [typeof(TrainingCompleted)] = Machinery,
        [typeof(TrainingSlotTaken)] = Machinery,
        [typeof(TrainingSlotFreed)] = Machinery,
        [typeof(ItemRepeated)] = "the queue showing an annotator an item again (hidden repeats), not an administrative change",
        [typeof(ExportStarted)] = Exporting,
        [typeof(ExportProgressed)] = Exporting,
        [typeof(ExportCompleted)] = Exporting,
        [typeof(ExportFailed)] = Exporting,
    }.Concat(AnnotationEventTypes.All.Select(t => KeyValuePair.Create(t, Labelling))).ToDictionary();

    public static bool IsAdministrative(Type eventType) => typeof(IAdministrativeEvent).IsAssignableFrom(eventType);

    /// <summary>"LabelClassRetired" → "Label class retired".</summary>
    public static string Describe(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var name = eventType.Name;
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }
        return words.ToString();
    }
}
