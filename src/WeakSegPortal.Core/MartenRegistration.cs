using JasperFx.Events.Projections;
using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Suggestions;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Core;

/// <summary>Everything Core contributes to the Marten store: event types, projections, indexes.</summary>
public static class MartenRegistration
{
    public static StoreOptions AddWeakSegPortalCore(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Events.AddEventTypes([
            typeof(ProjectCreated), typeof(ProjectRenamed), typeof(ProjectDescribed), typeof(ProjectModalityChanged),
            typeof(LabelClassAdded), typeof(LabelClassChanged), typeof(LabelClassRetired),
            typeof(AllowedAnnotationKindsChanged), typeof(AssignmentRulesChanged), typeof(GuidelinesChanged), typeof(SuggestionEngineChosen), typeof(SamplingStrategyChosen),
            typeof(ProjectMemberAdded), typeof(ProjectMemberRemoved), typeof(GuidelineExampleAdded), typeof(GuidelineExampleRemoved),
            typeof(ItemRegistered), typeof(ItemAssigned), typeof(ItemSubmitted), typeof(ItemSkipped), typeof(ItemMarkedGold),
            typeof(ItemAdjudicated), typeof(ItemReturned),
            typeof(ImportRecorded),
            .. AnnotationEventTypes.All,
            typeof(SuggestionRequested), typeof(SuggestionAccepted), typeof(SuggestionRejected),
            typeof(ModelVersionRegistered), typeof(ModelPromoted),
            typeof(AutoTrainingChosen), typeof(RepeatShareChosen), typeof(ItemRepeated),
            typeof(TrainingRequested), typeof(TrainingClaimed), typeof(TrainingEpochCompleted), typeof(TrainingLeaseRenewed), typeof(TrainingReleased),
            typeof(TrainingCancelRequested), typeof(TrainingCancelled), typeof(TrainingFailed), typeof(TrainingCompleted),
            typeof(TrainingSlotTaken), typeof(TrainingSlotFreed),
            typeof(ExportRequested), typeof(ExportStarted), typeof(ExportProgressed), typeof(ExportCompleted), typeof(ExportCancelled),
            typeof(ExportFailed), typeof(ExportDownloaded), typeof(WeakLabelsImported),
        ]);
        // Inline: the project list must show a project in the same request that saved it.
        options.Projections.Add<ProjectSummaryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ProjectSummary>().UniqueIndex(p => p.NormalizedName);
        // Inline: an item must be fetchable and queueable in the request after its import.
        options.Projections.Add<ItemViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ItemView>().Index(i => i.ProjectId).Index(i => i.ContentHash);
        // Inline: an acknowledged label must be there on the next reload. One insert-only record per
        // label rather than one growing document per annotator: nothing is read before the write
        // (measured: the growing document halved annotation throughput, see README).
        options.Projections.Add(new AnnotationRecordProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<AnnotationRecord>().Index(r => r.ItemId).Index(r => r.AnnotatorId).Index(r => r.AnnotationId);
        options.RegisterDocumentType<ProcessedCommand>();
        // Inline: a promoted model serves the very next suggestion and queue pick.
        options.Projections.Add<ProjectModelsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ProjectModels>().Index(m => m.ProjectId);
        // Inline: a claim, a report and the training page read what the previous command stored.
        options.Projections.Add<TrainingJobProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<TrainingJob>().Index(j => j.ProjectId).Index(j => j.Status);
        // Inline: the export page, the runner and a cancel read what the previous command stored.
        options.Projections.Add<ProjectExportProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ProjectExport>().Index(e => e.ProjectId);
        // Written by the agreement subscription (async daemon), never on the annotation path.
        options.Schema.For<ItemAgreementSummary>().Index(s => s.ProjectId).Index(s => s.Score);
        options.Schema.For<AnnotatorScorecard>().Index(s => s.ProjectId);
        options.Schema.For<SelfAgreement>().Index(s => s.ProjectId);
        options.RegisterDocumentType<AgreementBacklog>();
        return options;
    }
}
