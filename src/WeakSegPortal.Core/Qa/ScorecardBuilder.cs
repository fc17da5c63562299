using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Core.Qa;

/// <summary>Folds an annotator's item summaries and labels in one project into their <see cref="AnnotatorScorecard"/>.</summary>
public static class ScorecardBuilder
{
    public static AnnotatorScorecard Build(Guid projectId, Guid annotatorId, IEnumerable<ItemAgreementSummary> summaries, IEnumerable<AnnotatorItemLabels> labels, DateTimeOffset now, IEnumerable<SelfAgreement>? repeats = null)
    {
        var selves = (repeats ?? []).Where(r => r.AnnotatorId == annotatorId).ToList();
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(labels);
        var mine = summaries
            .Select(s => s.Annotators.Find(a => a.AnnotatorId == annotatorId))
            .OfType<AnnotatorAgreementSummary>()
            .ToList();
        var annotations = labels.SelectMany(l => l.Annotations).ToList();
        var gold = mine.Where(a => a.Gold is not null).Select(a => a.Gold!).ToList();
        return new AnnotatorScorecard
        {
            Id = ScorecardIds.For(projectId, annotatorId),
            ProjectId = projectId,
            AnnotatorId = annotatorId,
            Items = mine.Count,
            ItemsCompared = mine.Count(a => a.DiceWithConsensus is not null),
            Annotations = annotations.Count,
            AgreementWithConsensus = Defined.Mean(mine.Select(a => a.DiceWithConsensus)),
            GoldItems = gold.Count,
            GoldSensitivity = Defined.Mean(gold.Select(g => g.Sensitivity)),
            GoldSpecificity = Defined.Mean(gold.Select(g => g.Specificity)),
            GoldDice = Defined.Mean(gold.Select(g => g.Dice)),
            MedianSecondsPerItem = Defined.Median(labels.Where(l => l.Annotations.Count > 0).Select(l => l.Annotations.Sum(a => a.ActiveMs) / 1000.0)),
            SecondsPerKind = [.. annotations.GroupBy(a => a.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new KindSpeed(g.Key, Defined.Median(g.Select(a => a.ActiveMs / 1000.0)) ?? 0, g.Count()))],
            SuggestionAcceptance = annotations.Count == 0 ? 0 : (double)annotations.Count(StoredLabels.IsAssisted) / annotations.Count,
            AssistedAnnotations = annotations.Count(StoredLabels.IsAssisted),
            AgreementAssisted = Defined.Mean(mine.Where(a => a.AssistedAnnotations > 0).Select(a => a.DiceWithConsensus)),
            AgreementManual = Defined.Mean(mine.Where(a => a.AssistedAnnotations == 0).Select(a => a.DiceWithConsensus)),
            SelfAgreement = Defined.Mean(selves.Select(r => r.Agreement)),
            RepeatsCompared = selves.Count,
            UpdatedAt = now,
        };
    }
}
