using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>The ack timings' histogram (/health "process", README "Crowd-scale load"): percentiles within one bucket (about 19 %) of the true ones.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_fall_within_one_bucket_above_the_recorded_durations()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 98; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(10));
        }
        histogram.Record(TimeSpan.FromMilliseconds(900));
        histogram.Record(TimeSpan.FromSeconds(4));

        Assert.Equal(100, histogram.Count);
        Assert.InRange(histogram.PercentileMs(0.5), 10, 10 * 1.19);
        Assert.InRange(histogram.PercentileMs(0.99), 900, 900 * 1.19);
        Assert.Equal(4000, histogram.PercentileMs(1.0), 3);
        Assert.Equal(4000, histogram.MaxMs, 3);
    }

    [Fact]
    public void An_empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.PercentileMs(0.99));
        Assert.Equal(0, histogram.MaxMs);
    }
}
