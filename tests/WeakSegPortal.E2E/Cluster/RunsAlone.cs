namespace WeakSegPortal.E2E.Cluster;

/// <summary>The node-lost test runs with no other test beside it: two portals, PostgreSQL, Redis, nginx, a worker and chromium are enough for two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
