using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace WeakSegPortal.Web.Tests.Components;

/// <summary>
/// Base of bUnit tests of MudBlazor components: MudBlazor services, loose JS interop, a popover
/// provider rendered first, and asynchronous disposal (MudBlazor's services dispose asynchronously).
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
    }

    /// <summary>Adds a test's own services; runs before anything is rendered (bUnit locks services then).</summary>
    protected virtual void ConfigureServices()
    {
    }

    public Task InitializeAsync()
    {
        ConfigureServices();
        Context.Render<MudPopoverProvider>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
