namespace WeakSegPortal.ML.ProjectModels;

/// <summary>The model's class probabilities (side × side) brought back to the slice: each class resampled, then the most likely class per pixel.</summary>
internal static class ClassMap
{
    /// <summary>Where <paramref name="classId"/> wins on the slice's pixels, and its probability there.</summary>
    public static bool[] Of(float[] probabilities, int classes, int side, int width, int height, int classId, out float[] classProbability)
    {
        var plane = side * side;
        var resampled = new float[classes][];
        for (var c = 0; c < classes; c++)
        {
            resampled[c] = Bilinear.Resample(probabilities.AsSpan(c * plane, plane), side, side, width, height);
        }
        var wins = new bool[width * height];
        for (var n = 0; n < wins.Length; n++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                best = resampled[c][n] > resampled[best][n] ? c : best;
            }
            wins[n] = best == classId;
        }
        classProbability = resampled[classId];
        return wins;
    }
}
