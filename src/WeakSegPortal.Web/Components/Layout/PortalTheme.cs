using MudBlazor;

namespace WeakSegPortal.Web.Components.Layout;

/// <summary>The portal's colours: calm, high-contrast, no distraction from the images.</summary>
internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4e89",
            Secondary = "#00a6a6",
            AppbarBackground = "#16324f",
        },
    };
}
