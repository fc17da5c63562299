namespace WeakSegPortal.Core.Training;

/// <summary>
/// Hears that a training job changed after the change was stored (the web app pushes <c>TrainingAvailable</c> to workers on
/// a request and refreshes open training pages). None registered: nobody hears.
/// </summary>
public interface ITrainingListener
{
    Task JobChangedAsync(TrainingJobChange change, CancellationToken ct);
}
