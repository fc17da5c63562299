namespace WeakSegPortal.Core.Qa;

/// <summary>Agreement on one class of an item: means over annotators and pairs; null where undefined.</summary>
public sealed record ClassAgreementSummary(
    int ClassId,
    double? MeanPairwiseDice,
    double? MeanBoxIoU,
    double? MeanScribblePrecision,
    double? PointValidity);
