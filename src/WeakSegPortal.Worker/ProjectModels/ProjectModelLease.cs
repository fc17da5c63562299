using WeakSegPortal.ML.ProjectModels;

namespace WeakSegPortal.Worker.ProjectModels;

/// <summary>One job's use of an open project-model engine; disposing it lets the sessions cache close the engine once pushed out.</summary>
public sealed class ProjectModelLease(ProjectModelEngine engine, Action release) : IDisposable
{
    private int _released;

    public ProjectModelEngine Engine { get; } = engine;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }
}
