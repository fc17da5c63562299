using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Imaging.Rendering;

namespace WeakSegPortal.Web.Slices;

/// <summary>Item metadata and slices for the browser, members of the item's project only.</summary>
public static class ItemImageEndpoints
{
    public static IEndpointRouteBuilder MapItemImageEndpoints(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/api/items/{itemId:guid}");
        items.MapGet("", InfoAsync);
        items.MapGet("/slices/{orientation}/{index:int}.raw", RawAsync);
        items.MapGet("/slices/{orientation}/{index:int}.png", PngAsync);
        return routes;
    }

    private static async Task<IResult> InfoAsync(Guid itemId, ClaimsPrincipal user, IQuerySession session, SliceService slices, CancellationToken ct)
    {
        // Read afresh: opening an item is rare, and its answer names the item.
        var (item, refusal) = await ItemAccess.LoadAsync(session, itemId, user, ct);
        if (item is null)
        {
            return refusal!;
        }
        return await slices.InfoAsync(item, ct) is { } info
            ? Results.Ok(user.IsManager() ? info with { Source = item.Source } : info)
            : PixelsMissing();
    }

    private static async Task<IResult> RawAsync(Guid itemId, string orientation, int index, ClaimsPrincipal user, ItemAccessCache access, SliceService slices, HttpContext http, CancellationToken ct) =>
        await ServeAsync(itemId, orientation, index, user, access, slices, http, (item, o) => slices.RawAsync(item, o, index, ct), ct);

    private static async Task<IResult> PngAsync(Guid itemId, string orientation, int index, [FromQuery] string? window, [FromQuery] string? preset,
        ClaimsPrincipal user, ItemAccessCache access, SliceService slices, HttpContext http, CancellationToken ct)
    {
        WindowLevel? chosen = null;
        if (window is not null)
        {
            var parts = window.Split(',');
            if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var c) || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var w) || w <= 0)
            {
                return Results.Problem("window must be CENTER,WIDTH with a positive width, e.g. window=40,400.", statusCode: StatusCodes.Status400BadRequest);
            }
            chosen = new WindowLevel(c, w);
        }
        else if (preset is not null)
        {
            if (!WindowPresets.TryGet(preset, out var named))
            {
                return Results.Problem($"Unknown preset \"{preset}\"; use lung, mediastinum, bone or brain.", statusCode: StatusCodes.Status400BadRequest);
            }
            chosen = named;
        }
        return await ServeAsync(itemId, orientation, index, user, access, slices, http, async (item, o) =>
        {
            var level = chosen ?? (await slices.InfoAsync(item, ct) is { } info ? new WindowLevel(info.Window.Center, info.Window.Width) : new WindowLevel(40, 400));
            return await slices.PngAsync(item, o, index, level, ct);
        }, ct);
    }

    private static async Task<IResult> ServeAsync(Guid itemId, string orientation, int index, ClaimsPrincipal user, ItemAccessCache access, SliceService slices,
        HttpContext http, Func<Core.Items.ItemView, SliceOrientation, Task<EncodedSlice?>> encode, CancellationToken ct)
    {
        if (!Enum.TryParse<SliceOrientation>(orientation, ignoreCase: true, out var o) || int.TryParse(orientation, out _))
        {
            return Results.Problem("Orientation must be axial, coronal or sagittal.", statusCode: StatusCodes.Status400BadRequest);
        }
        var (item, refusal) = await access.LoadAsync(itemId, user, ct);
        if (item is null)
        {
            return refusal!;
        }
        var count = await slices.SliceCountAsync(item, o, ct);
        if (count is null)
        {
            return PixelsMissing();
        }
        if (index < 0 || index >= count)
        {
            return Results.Problem($"Slice {index} is outside 0..{count - 1} ({o}).", statusCode: StatusCodes.Status404NotFound);
        }
        var slice = (await encode(item, o))!;
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(slice.ETag);
        // A URL that names the content hash never changes meaning: cache it for good.
        headers.CacheControl = http.Request.Query["v"] == item.ContentHash
            ? new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new("immutable") } }
            : new CacheControlHeaderValue { Private = true, NoCache = true };
        if (http.Request.Headers.IfNoneMatch.Contains(slice.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        if (slice.Gzipped is { } gz && http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.Headers.Vary = "Accept-Encoding";
            return Results.Bytes(gz, slice.ContentType);
        }
        return Results.Bytes(slice.Body, slice.ContentType);
    }

    private static IResult PixelsMissing() =>
        Results.Problem("The item's pixel data is missing from the blob store.", statusCode: StatusCodes.Status410Gone);
}
