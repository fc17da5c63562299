using System.Globalization;
using System.Text;

namespace WeakSegPortal.Training.Bench;

/// <summary>The benchmark's table as text: one line per case, fixed columns, invariant culture.</summary>
public static class BenchTable
{
    public const string Header = "case                         Dice   HD95 mm  % of full  labelled px  seconds";

    public static string Format(IReadOnlyList<BenchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder().AppendLine(Header);
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Case,-27}{row.Dice,6:F3}{row.Hd95Mm,10:F2}{row.PercentOfFull,10:F1}%{row.LabelledShare,12:P1}{row.Seconds,9:F0}"));
        }
        return text.ToString();
    }
}
