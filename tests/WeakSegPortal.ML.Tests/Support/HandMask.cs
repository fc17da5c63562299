namespace WeakSegPortal.ML.Tests.Support;

/// <summary>Hand-made binary masks for the click simulator's tests: rectangles painted on an empty grid.</summary>
public sealed class HandMask(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public bool[] Pixels { get; } = new bool[width * height];

    /// <summary>Sets (or clears) the pixels x0..x1, y0..y1, inclusive.</summary>
    public HandMask Rect(int x0, int y0, int x1, int y1, bool value = true)
    {
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                Pixels[(y * Width) + x] = value;
            }
        }

        return this;
    }

    public HandMask Copy()
    {
        var copy = new HandMask(Width, Height);
        Pixels.CopyTo(copy.Pixels, 0);
        return copy;
    }
}
