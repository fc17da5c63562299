namespace WeakSegPortal.Imaging.Rendering;

/// <summary>A display window (centre and width, in the volume's units) mapped linearly to 0..255 as DICOM PS3.3 C.11.2.1.2 does.</summary>
public readonly record struct WindowLevel(double Center, double Width)
{
    public byte Apply(float value)
    {
        var width = Math.Max(1, Width);
        var low = Center - 0.5 - ((width - 1) / 2);
        var high = Center - 0.5 + ((width - 1) / 2);
        if (value <= low)
        {
            return 0;
        }

        if (value > high)
        {
            return 255;
        }

        return (byte)Math.Round((((value - (Center - 0.5)) / (width - 1)) + 0.5) * 255);
    }

    public override string ToString() => $"C {Center:0.##} / W {Width:0.##}";
}
