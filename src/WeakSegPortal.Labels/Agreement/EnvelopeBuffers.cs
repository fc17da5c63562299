namespace WeakSegPortal.Core.Agreement;

/// <summary>Scratch space for one 1D pass of the Felzenszwalb–Huttenlocher distance transform.</summary>
/// <remarks>Reused across lines so a whole-volume transform allocates only once per axis length.</remarks>
internal sealed class EnvelopeBuffers(int length)
{
    private readonly double[] f = new double[length];
    private readonly int[] v = new int[length];
    private readonly double[] z = new double[length + 1];

    /// <summary>Replaces d[start + q·stride], q &lt; n, by min over r of (spacing·(q − r))² + d[r].</summary>
    public void Transform(double[] d, int start, int stride, int n, double spacing)
    {
        for (var q = 0; q < n; q++)
        {
            f[q] = d[start + q * stride];
        }

        var k = -1;
        for (var q = 0; q < n; q++)
        {
            if (double.IsPositiveInfinity(f[q]))
            {
                continue;
            }

            var xq = q * spacing;
            var s = double.NegativeInfinity;
            while (k >= 0)
            {
                var xv = v[k] * spacing;
                s = (f[q] + xq * xq - (f[v[k]] + xv * xv)) / (2 * (xq - xv));
                if (s > z[k])
                {
                    break;
                }

                k--;
            }

            k++;
            v[k] = q;
            z[k] = k == 0 ? double.NegativeInfinity : s;
            z[k + 1] = double.PositiveInfinity;
        }

        if (k < 0)
        {
            return;
        }

        var j = 0;
        for (var q = 0; q < n; q++)
        {
            var x = q * spacing;
            while (z[j + 1] < x)
            {
                j++;
            }

            var delta = x - v[j] * spacing;
            d[start + q * stride] = delta * delta + f[v[j]];
        }
    }
}
