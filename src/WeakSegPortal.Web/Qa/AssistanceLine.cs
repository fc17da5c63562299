using System.Globalization;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// The QA item page's line on how an item's labels came about: how many were taken from suggestions
/// and how many drawn by hand, with the agreement of the annotators who did each.
/// </summary>
public static class AssistanceLine
{
    public static string Of(ItemAgreementSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.AssistedAnnotations == 0)
        {
            return $"manual: all {Labels(summary.ManualAnnotations)}";
        }
        return $"assisted: {Labels(summary.AssistedAnnotations)}, agreement {Figure(summary.AssistedAgreement)}"
            + $" · manual: {Labels(summary.ManualAnnotations)}, agreement {Figure(summary.ManualAgreement)}";
    }

    private static string Labels(int count) => count == 1 ? "1 label" : $"{count} labels";

    private static string Figure(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
