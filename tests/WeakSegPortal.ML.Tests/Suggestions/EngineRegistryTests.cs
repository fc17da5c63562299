using System.Reflection;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Suggestions;

public sealed class EngineRegistryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_registered_engine_kind_has_a_test_class_in_the_engine_suite()
    {
        using var registry = new SuggestionEngineRegistry(OptionsWithEverySamFamily());
        var covered = typeof(EngineRegistryTests).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<CoversEngineAttribute>())
            .Select(a => a.Kind)
            .ToHashSet(StringComparer.Ordinal);

        var uncovered = registry.Registrations.Where(r => !covered.Contains(r.Kind)).Select(r => $"{r.Name} ({r.Kind})").ToList();

        Assert.True(uncovered.Count == 0, $"Registered engines without tests: {string.Join(", ", uncovered)}");
    }

    [Fact]
    public async Task Every_registered_engine_answers_a_box_prompt_with_a_mask_of_the_slice_size_and_its_own_name()
    {
        using var registry = new SuggestionEngineRegistry(OptionsWithEverySamFamily());
        var image = SyntheticPrompts.Disk(64, 48, 30, 24, 10);
        var box = new WeakSegPortal.Core.Labels.Box2D(18, 12, 42, 36, 0);
        var click = new WeakSegPortal.Core.Labels.LabelPoint(30, 24, 0, 1);

        foreach (var registration in registry.Registrations)
        {
            var engine = registry.Get(registration.Name);
            var prompt = new SuggestionPrompt(image, 1) { Box = box, Points = engine.Descriptor.Accepts.HasFlag(PromptKinds.Points) ? [click] : [] };
            var suggestion = await engine.SuggestAsync(prompt, CancellationToken.None);

            Assert.Equal(registration.Name, suggestion.Engine.Name);
            Assert.Equal(64 * 48, suggestion.Mask.Length);
        }
    }

    [Fact]
    public void An_unknown_engine_name_is_refused_with_the_registered_names()
    {
        using var registry = new SuggestionEngineRegistry(new SuggestionEngineOptions());

        var error = Assert.Throws<KeyNotFoundException>(() => registry.Get("sam2"));

        Assert.Equal("No suggestion engine named 'sam2'; registered: grabcut-box, grabcut-seeded.", error.Message);
    }

    private SuggestionEngineOptions OptionsWithEverySamFamily()
    {
        var models = new SamTestModels(_temp.Path);
        return new SuggestionEngineOptions
        {
            PreferCuda = false,
            SamModels = Enum.GetValues<SamFamily>().ToDictionary(f => f.ToString().ToLowerInvariant(), f => models.Write(f)),
        };
    }
}
