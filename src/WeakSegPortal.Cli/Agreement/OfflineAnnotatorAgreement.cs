namespace WeakSegPortal.Cli.Agreement;

/// <summary>One annotator over the file's items, as the QA desk's scorecard folds them: means over the items where a figure is defined.</summary>
internal sealed record OfflineAnnotatorAgreement(
    string Id,
    int Items,
    int ItemsCompared,
    double? AgreementWithConsensus,
    double? Agreement,
    int GoldItems,
    double? GoldSensitivity,
    double? GoldSpecificity,
    double? GoldDice);
