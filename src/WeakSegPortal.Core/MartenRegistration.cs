using JasperFx.Events.Projections;
using Marten;
using WeakSegPortal.Core.Projects;

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
            typeof(AllowedAnnotationKindsChanged), typeof(AssignmentRulesChanged), typeof(GuidelinesChanged),
            typeof(ProjectMemberAdded), typeof(ProjectMemberRemoved),
        ]);
        // Inline: the project list must show a project in the same request that saved it.
        options.Projections.Add<ProjectSummaryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ProjectSummary>().UniqueIndex(p => p.NormalizedName);
        return options;
    }
}
