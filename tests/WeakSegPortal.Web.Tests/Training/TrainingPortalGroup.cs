namespace WeakSegPortal.Web.Tests.Training;

/// <summary>
/// The training test classes share one portal: a claim takes the oldest job of any project, so they run one at a time
/// (each test first ends the open jobs of earlier ones: <see cref="TrainingWorld.NoOpenJobsAsync"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class TrainingPortalGroup : ICollectionFixture<TrainingPortal>
{
    public const string Name = "Training portal";
}
