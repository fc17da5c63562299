namespace WeakSegPortal.Imaging.Rendering;

/// <summary>The usual CT windows (centre/width in HU); MR has no fixed window, see <see cref="PercentileWindow"/>.</summary>
public static class WindowPresets
{
    public static WindowLevel Lung { get; } = new(-600, 1500);
    public static WindowLevel Mediastinum { get; } = new(40, 400);
    public static WindowLevel Bone { get; } = new(400, 1800);
    public static WindowLevel Brain { get; } = new(40, 80);

    public static IReadOnlyDictionary<string, WindowLevel> ByName { get; } = new Dictionary<string, WindowLevel>(StringComparer.OrdinalIgnoreCase)
    {
        ["lung"] = Lung,
        ["mediastinum"] = Mediastinum,
        ["bone"] = Bone,
        ["brain"] = Brain,
    };

    public static bool TryGet(string name, out WindowLevel window) => ByName.TryGetValue(name, out window);
}
