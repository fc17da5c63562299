using System.Text.Json;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Annotations;

/// <summary>
/// Every provenance source in <see cref="Provenance.Sources"/> reaches every consumer: the command rules store it,
/// the weak-label JSON export writes it and the import reads it back, and QA counts it (assisted unless manual).
/// A new source that one of them forgets fails here; training reads labels through the same weak labels whatever
/// their provenance.
/// </summary>
public sealed class ProvenanceSourcesTests
{
    public static TheoryData<string> Sources() => [.. Provenance.Sources];

    [Fact]
    public void The_server_and_the_browser_list_the_same_sources()
    {
        var shared = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "provenance-sources.json")));
        Assert.Equal(shared, Provenance.Sources);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_well_formed_provenance_of_every_source_is_stored_as_sent(string source)
    {
        var provenance = Example(source);
        Assert.Null(ProvenanceRules.Problem(provenance));
        Assert.Equal(provenance, ProvenanceRules.Stored(provenance));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_weak_label_file_keeps_every_source_through_export_and_import(string source)
    {
        var stored = Mask(Example(source));
        var label = ExchangeLabels.From(stored, Guid.NewGuid(), (x, y, k) => [x, y, k]);
        var json = JsonSerializer.Serialize(label, WeakLabelFile.Json);
        var read = JsonSerializer.Deserialize<ExchangeLabel>(json, WeakLabelFile.Json)!;
        var made = ExchangeLabels.ToEvent(read, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(stored.Provenance, made.ToStored().Provenance);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Qa_counts_every_source_but_manual_as_assisted(string source) =>
        Assert.Equal(source != Provenance.ManualSource, StoredLabels.IsAssisted(Mask(Example(source))));

    [Theory]
    [MemberData(nameof(Sources))]
    public void Only_engine_made_sources_record_the_suggestions_acceptance(string source) =>
        Assert.Equal(source is Provenance.SuggestionSource or Provenance.PropagatedSource, Example(source).IsEngineMade);

    [Fact]
    public void An_unknown_source_is_refused_by_the_rules_and_by_the_import()
    {
        var bogus = new Provenance("guessed");
        Assert.Equal(ProvenanceRules.UnknownSource, ProvenanceRules.Problem(bogus));
        Assert.Equal(Provenance.Manual, ProvenanceRules.Stored(bogus));
        var label = ExchangeLabels.From(Mask(Provenance.Manual), Guid.NewGuid(), (x, y, k) => [x, y, k]) with { Provenance = new ExchangeProvenance("guessed") };
        Assert.Throws<InvalidDataException>(() => ExchangeLabels.ToEvent(label, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch));
    }

    private static Provenance Example(string source) => source switch
    {
        Provenance.ManualSource => Provenance.Manual,
        Provenance.InterpolatedSource => new Provenance(source, Prompt: """{"from":[2,6]}"""),
        _ => new Provenance(source, "grabcut-box", "1", """{"propagatedFrom":3}""", Guid.NewGuid(), Guid.NewGuid()),
    };

    private static StoredAnnotation Mask(Provenance provenance) =>
        new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Mask, null, null, null, null, provenance, 1000, DateTimeOffset.UnixEpoch,
            Mask: new SliceMask(4, 4, MaskRle.Encode([false, true, true, false, false, true, true, false, false, false, false, false, false, false, false, false]), 3, 1));
}
