using Microsoft.AspNetCore.Components;

namespace WeakSegPortal.Web.Components;

/// <summary>A page or component whose database work stops when the person leaves it.</summary>
public abstract class PortalComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _leaving = new();

    /// <summary>Cancelled when the component is disposed (navigation away, circuit closed).</summary>
    protected CancellationToken Leaving => _leaving.Token;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _leaving.Cancel();
            _leaving.Dispose();
        }
    }
}
