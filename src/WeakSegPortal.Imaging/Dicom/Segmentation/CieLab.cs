namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// sRGB as DICOM's Recommended Display CIELab Value: L*a*b* (D65 white) scaled to 0…65535 (L* 0…100, a* and b* −128…127),
/// the PS3.3 C.10.7.1.1 encoding.
/// </summary>
public static class CieLab
{
    public static ushort[] FromSrgb(byte r, byte g, byte b)
    {
        var (rl, gl, bl) = (Linear(r), Linear(g), Linear(b));
        var x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
        var y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
        var z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
        var (fx, fy, fz) = (F(x), F(y), F(z));
        var l = 116 * fy - 16;
        var a = 500 * (fx - fy);
        var bb = 200 * (fy - fz);
        return [Scale(l / 100), Scale((a + 128) / 255), Scale((bb + 128) / 255)];
    }

    private static double Linear(byte c)
    {
        var s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;

    private static ushort Scale(double unit) => (ushort)Math.Round(Math.Clamp(unit, 0, 1) * 65535);
}
