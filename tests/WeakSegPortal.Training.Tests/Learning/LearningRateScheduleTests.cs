using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Training.Tests.Learning;

/// <summary>The learning rate's schedules, by hand: peak 0.01 over a run of 100 steps.</summary>
public class LearningRateScheduleTests
{
    private const double Peak = 0.01;
    private const int Steps = 100;

    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(50, 0.01)]
    [InlineData(99, 0.01)]
    public void Constant_keeps_the_peak_at_every_step(int step, double rate) =>
        Assert.Equal(rate, LearningRateSchedule.Constant.RateAt(Peak, step, Steps), 12);

    [Theory]
    [InlineData(0, 0.01)]                      // (1 − 0)^0.9 = 1
    [InlineData(50, 0.005358867312681466)]     // 0.5^0.9 = 0.53589
    [InlineData(99, 0.00015848931924611134)]   // 0.01^0.9 = 10^−1.8: the last step is small but not 0
    [InlineData(100, 0)]                       // the end of the run
    public void Poly_decays_as_one_minus_the_progress_to_the_power_0_9(int step, double rate) =>
        Assert.Equal(rate, LearningRateSchedule.Poly.RateAt(Peak, step, Steps), 12);

    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(25, 0.008535533905932738)]     // (1 + cos(π/4)) / 2 = 0.85355
    [InlineData(50, 0.005)]                    // half-way: half the peak
    [InlineData(100, 0)]
    public void Cosine_decays_along_half_a_cosine(int step, double rate) =>
        Assert.Equal(rate, LearningRateSchedule.Cosine.RateAt(Peak, step, Steps), 12);

    [Theory]
    [InlineData(0, 0.0025)]                    // 1/4 of the peak
    [InlineData(3, 0.01)]                      // the warm-up's last step: the peak
    [InlineData(4, 0.009639269212585509)]      // then poly from where the run is: 0.96^0.9
    public void A_warm_up_rises_linearly_to_the_peak_then_the_decay_goes_on_from_the_global_step(int step, double rate) =>
        Assert.Equal(rate, (LearningRateSchedule.Poly with { WarmUpSteps = 4 }).RateAt(Peak, step, Steps), 12);

    [Fact]
    public void Steps_past_the_end_stay_at_the_end_s_rate() =>
        Assert.Equal(0, LearningRateSchedule.Poly.RateAt(Peak, 150, Steps), 12);

    [Fact]
    public void A_negative_step_or_an_empty_run_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Poly.RateAt(Peak, -1, Steps));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Poly.RateAt(Peak, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateSchedule(WarmUpSteps: -1).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateSchedule((LearningRateDecay)7).Validate());
    }
}
