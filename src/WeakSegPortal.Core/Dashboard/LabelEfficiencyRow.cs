namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// One label type: its median active seconds per label against the Dice its consensus reaches on gold items
/// (<see cref="LabelEfficiency"/>); null Dice while no adjudicated gold item carries labels of the type.
/// </summary>
public sealed record LabelEfficiencyRow(string Kind, double? MedianSeconds, int Labels, double? GoldConsensusDice, int GoldItems);
