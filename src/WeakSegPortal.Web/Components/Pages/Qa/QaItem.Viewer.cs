using Microsoft.JSInterop;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components.Pages.Qa;

/// <summary>The QA item page's side of the viewer (wwwroot/src/qa-viewer.js): mounting it, and what it is told and tells back.</summary>
public sealed partial class QaItem
{
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_item is null || _mounted || _gone)
        {
            return;
        }
        _mounted = true;
        _self ??= DotNetObjectReference.Create(this);
        _host ??= await JS.InvokeAsync<IJSObjectReference>("import", Leaving, "./js/qa-viewer-host.js");
        try
        {
            var shown = await _host.InvokeAsync<int?>("mount", Leaving, _viewerElement, new
            {
                itemId = _item.Id,
                itemUrl = $"/api/items/{_item.Id}",
                slice = _slice,
                layers = QaViewerLayers.Of(_layers, ItemGrids.Of(_item.Geometry)),
            }, _self);
            if (shown is null && ++_earlyMounts <= MaxEarlyMounts)
            {
                // This after-render step ran before the render that shows the viewer's element.
                _mounted = false;
                StateHasChanged();
                return;
            }
        }
        catch (JSException e)
        {
            // The figures and the decision still work without the image (e.g. its pixels are gone from the blob store).
            _viewerProblem = $"The image viewer could not open this item: {e.Message.Split('\n')[0]}";
            StateHasChanged();
            return;
        }
        foreach (var hidden in _hidden)
        {
            await PushAsync("setVisible", hidden, false);
        }
        await PushImagesAsync();
    }

    /// <summary>The viewer shows slice <paramref name="slice"/> (wheel, keys, slider): its consensus and heat map follow.</summary>
    [JSInvokable]
    public Task OnSlice(int slice)
    {
        if (_gone || (slice == _slice && _consensusUri is not null))
        {
            return Task.CompletedTask;
        }
        _slice = slice;
        Recompute();
        return InvokeAsync(async () =>
        {
            await PushImagesAsync();
            StateHasChanged();
        });
    }

    /// <summary>Moves the viewer to <paramref name="slice"/>; the viewer reports it back through <see cref="OnSlice"/>.</summary>
    private Task ShowSliceAsync(int slice) => PushAsync("setSlice", slice);

    private Task PushImagesAsync() => PushAsync("setImages", new { slice = _slice, consensus = _consensusUri, heat = _heatUri });

    /// <summary>Calls the viewer once it is mounted; a page leaving (circuit gone) makes it a no-op.</summary>
    private async Task PushAsync(string function, params object?[] args)
    {
        if (_host is null || _gone)
        {
            return;
        }
        try
        {
            await _host.InvokeVoidAsync(function, Leaving, args);
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException or ObjectDisposedException)
        {
            // The page is going; nothing to show any more.
        }
    }

    private async Task ShowImageAsync(string name, bool on)
    {
        if (name == "consensus")
        {
            _showConsensus = on;
        }
        else
        {
            _showHeat = on;
        }
        await PushAsync("showImage", name, on);
    }

    private async Task ToggleLayerAsync(Guid annotator, bool on)
    {
        if (on)
        {
            _hidden.Remove(annotator);
        }
        else
        {
            _hidden.Add(annotator);
        }
        await PushAsync("setVisible", annotator, on);
    }
}
