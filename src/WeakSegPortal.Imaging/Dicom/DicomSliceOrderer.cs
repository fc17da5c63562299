using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// Orders single-frame slices by ImagePositionPatient projected on the slice normal (the cross
/// product of ImageOrientationPatient's row and column directions), never by file name or
/// InstanceNumber, and refuses series whose geometry is not one regular grid.
/// </summary>
internal static class DicomSliceOrderer
{
    private const double OrientationTolerance = 1e-3;

    // Relative tolerance on the gap between neighbours; scanners round positions to 0.01 mm or so.
    private const double GapRelativeTolerance = 0.02;
    private const double GapAbsoluteTolerance = 0.01;

    public static DicomSliceStack Order(IReadOnlyList<DicomHeader> files)
    {
        var first = files[0];
        foreach (var file in files)
        {
            if (file.NumberOfFrames > 1)
            {
                throw Inconsistent($"the series mixes {files.Count} files with multi-frame file {Name(file)}; import multi-frame files one at a time.");
            }

            if (file.Rows != first.Rows || file.Columns != first.Columns)
            {
                throw Inconsistent($"{Name(file)} is {file.Columns}×{file.Rows} but {Name(first)} is {first.Columns}×{first.Rows}.");
            }

            if (file.Position is null || file.Orientation is null)
            {
                throw Inconsistent($"{Name(file)} has no ImagePositionPatient/ImageOrientationPatient, so slices cannot be placed.");
            }
        }

        var (row, column) = first.Orientation!.Value;
        foreach (var file in files)
        {
            var (r, c) = file.Orientation!.Value;
            if ((r - row).Length > OrientationTolerance || (c - column).Length > OrientationTolerance)
            {
                throw Inconsistent($"{Name(file)} has orientation {r}/{c} but {Name(first)} has {row}/{column}.");
            }
        }

        var normal = row.Cross(column).Normalized();
        var ordered = files.OrderBy(f => f.Position!.Value.Dot(normal)).ToList();
        var (sx, sy) = first.PixelSpacing ?? (1, 1);
        if (ordered.Count == 1)
        {
            var thickness = first.SliceThickness is > 0 ? first.SliceThickness.Value : 1;
            return new DicomSliceStack(ordered, new Vec3(sx, sy, thickness), first.Position!.Value, new Direction3(row, column, normal));
        }

        var distances = ordered.Select(f => f.Position!.Value.Dot(normal)).ToArray();
        var gaps = distances.Zip(distances.Skip(1), (a, b) => b - a).ToArray();
        var meanGap = (distances[^1] - distances[0]) / gaps.Length;
        for (var n = 0; n < gaps.Length; n++)
        {
            if (gaps[n] < GapAbsoluteTolerance)
            {
                throw Inconsistent($"{Name(ordered[n])} and {Name(ordered[n + 1])} are at the same position; the folder may hold two series or duplicate files.");
            }

            if (Math.Abs(gaps[n] - meanGap) > GapAbsoluteTolerance + (GapRelativeTolerance * meanGap))
            {
                throw Inconsistent($"slices are unevenly spaced: the gap between {Name(ordered[n])} and {Name(ordered[n + 1])} is {gaps[n]:0.###} mm but the mean gap is {meanGap:0.###} mm (missing slices?).");
            }
        }

        // The step between first and last slice, not the normal, is the k axis: a tilted gantry stays exact.
        var origin = ordered[0].Position!.Value;
        var step = (ordered[^1].Position!.Value - origin) * (1.0 / gaps.Length);
        return new DicomSliceStack(ordered, new Vec3(sx, sy, step.Length), origin, new Direction3(row, column, step.Normalized()));
    }

    private static ImageReadException Inconsistent(string detail) =>
        new(ImageReadFailure.InconsistentSeries, $"The series has inconsistent geometry: {detail}");

    private static string Name(DicomHeader header) => Path.GetFileName(header.Path);
}
