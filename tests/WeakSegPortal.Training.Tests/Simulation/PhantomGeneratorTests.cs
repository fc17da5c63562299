using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Training.Simulation;

namespace WeakSegPortal.Training.Tests.Simulation;

public class PhantomGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_phantom_and_another_seed_another()
    {
        var options = new PhantomOptions();

        var first = PhantomGenerator.Generate(options, 7);
        var again = PhantomGenerator.Generate(options, 7);
        var other = PhantomGenerator.Generate(options, 8);

        Assert.Equal(first.Image, again.Image);
        Assert.Equal(first.Truth, again.Truth);
        Assert.NotEqual(first.Truth, other.Truth);
    }

    [Fact]
    public void Both_organs_are_present_and_sized_like_a_large_and_a_small_organ()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var phantom = PhantomGenerator.Generate(new PhantomOptions(), seed);
            var large = phantom.ClassMask(1).Count(v => v);
            var small = phantom.ClassMask(2).Count(v => v);

            Assert.Equal([true, true, true], phantom.Present);
            Assert.InRange(large, 200, 900);   // of 4096 pixels
            Assert.InRange(small, 50, 300);
            Assert.True(large > small);
        }
    }

    [Fact]
    public void CT_like_organs_are_brighter_than_the_body_and_MR_like_organ_two_is_darker()
    {
        var ct = PhantomGenerator.Generate(new PhantomOptions(NoiseSigma: 0, BiasStrength: 0), 3);
        var mr = PhantomGenerator.Generate(PhantomOptions.MrLike() with { NoiseSigma = 0, BiasStrength = 0 }, 3);

        // Window 40/400: body 40 HU → 0.5, organ 1 110 HU → 0.675, organ 2 180 HU → 0.85, air → 0.
        Assert.Equal(0.675f, MeanOf(ct, 1), 3);
        Assert.Equal(0.85f, MeanOf(ct, 2), 3);
        Assert.Equal(0f, ct.Image[0], 3);
        Assert.True(MeanOf(mr, 2) < MeanOf(mr, 1));
        Assert.True(MeanOf(mr, 2) < 0.45f);
    }

    [Fact]
    public void The_bias_field_makes_one_tissue_vary_smoothly_across_the_image()
    {
        var flat = PhantomGenerator.Generate(PhantomOptions.MrLike() with { NoiseSigma = 0, BiasStrength = 0 }, 4);
        var biased = PhantomGenerator.Generate(PhantomOptions.MrLike() with { NoiseSigma = 0 }, 4);

        var organ = flat.ClassMask(1);
        var flatValues = flat.Image.Where((_, v) => organ[v]).ToArray();
        var biasedValues = biased.Image.Where((_, v) => organ[v]).ToArray();

        Assert.Equal(flatValues.Min(), flatValues.Max());
        Assert.True(biasedValues.Max() - biasedValues.Min() > 0.02f);
        // Smooth: horizontal neighbours inside the organ differ far less than the range.
        var steps = Enumerable.Range(0, organ.Length - 1).Where(v => organ[v] && organ[v + 1]).Select(v => Math.Abs(biased.Image[v + 1] - biased.Image[v]));
        Assert.True(steps.Max() < (biasedValues.Max() - biasedValues.Min()) / 4);
    }

    [Fact]
    public void In_a_slice_stack_organs_shrink_towards_the_ends_and_neighbouring_slices_agree()
    {
        var phantom = PhantomGenerator.Generate(new PhantomOptions(Slices: 9), 5);
        var areas = Enumerable.Range(0, 9).Select(k => phantom.ClassMask(1, k).Count(v => v)).ToArray();

        Assert.True(areas[4] > areas[1] && areas[4] > areas[7]);
        Assert.True(Overlap.Dice(phantom.ClassMask(1, 4), phantom.ClassMask(1, 5)) > 0.8);
    }

    [Fact]
    public void An_absent_organ_leaves_no_pixel_and_is_reported_absent()
    {
        var phantoms = Enumerable.Range(0, 20).Select(s => PhantomGenerator.Generate(new PhantomOptions(AbsenceRate: 0.5), s)).ToList();

        var absent = phantoms.Where(p => !p.Present[2]).ToList();
        Assert.NotEmpty(absent);
        Assert.All(absent, p => Assert.DoesNotContain((byte)2, p.Truth));
    }

    private static float MeanOf(Phantom phantom, int classId)
    {
        var mask = phantom.ClassMask(classId);
        return phantom.Image.Where((_, v) => mask[v]).Average();
    }
}
