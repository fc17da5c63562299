namespace WeakSegPortal.Imaging.Rendering;

/// <summary>Applies a window to a slice, giving one 8-bit grey value per pixel.</summary>
public static class SliceRenderer
{
    public static byte[] ToGrey8(VolumeSlice slice, WindowLevel window)
    {
        var grey = new byte[slice.Values.Length];
        for (var n = 0; n < grey.Length; n++)
        {
            grey[n] = window.Apply(slice.Values[n]);
        }

        return grey;
    }
}
