namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Turns a GDCM data set into a <see cref="DicomHeader"/> via GDCM's string filter.</summary>
internal static class GdcmHeaderParser
{
    public static DicomHeader Parse(string path, gdcm.File file)
    {
        using var filter = new gdcm.StringFilter();
        filter.SetFile(file);
        using var dataSet = file.GetDataSet();

        string Text(ushort group, ushort element)
        {
            using var tag = new gdcm.Tag(group, element);
            return dataSet.FindDataElement(tag) ? DicomTagText.Clean(filter.ToString(tag)) : "";
        }

        using var meta = file.GetHeader();
        using var syntax = meta.GetDataSetTransferSyntax();
        return new DicomHeader
        {
            Path = path,
            StudyInstanceUid = Text(0x0020, 0x000d),
            SeriesInstanceUid = Text(0x0020, 0x000e),
            SopInstanceUid = Text(0x0008, 0x0018),
            SopClassUid = Text(0x0008, 0x0016),
            FrameOfReferenceUid = Text(0x0020, 0x0052),
            Modality = Text(0x0008, 0x0060),
            SeriesDescription = Text(0x0008, 0x103e),
            TransferSyntaxUid = DicomTagText.Clean(syntax.GetString()),
            Photometric = Text(0x0028, 0x0004),
            SamplesPerPixel = DicomTagText.Integer(Text(0x0028, 0x0002)) ?? 1,
            Rows = DicomTagText.Integer(Text(0x0028, 0x0010)) ?? 0,
            Columns = DicomTagText.Integer(Text(0x0028, 0x0011)) ?? 0,
            NumberOfFrames = Math.Max(1, DicomTagText.Integer(Text(0x0028, 0x0008)) ?? 1),
            BitsAllocated = DicomTagText.Integer(Text(0x0028, 0x0100)) ?? 0,
            BitsStored = DicomTagText.Integer(Text(0x0028, 0x0101)) ?? 0,
            PixelRepresentation = DicomTagText.Integer(Text(0x0028, 0x0103)) ?? 0,
            InstanceNumber = DicomTagText.Integer(Text(0x0020, 0x0013)),
            Position = DicomTagText.Position(Text(0x0020, 0x0032)),
            Orientation = DicomTagText.Orientation(Text(0x0020, 0x0037)),
            PixelSpacing = DicomTagText.PixelSpacing(Text(0x0028, 0x0030)) ?? DicomTagText.PixelSpacing(Text(0x0018, 0x1164)),
            SliceThickness = DicomTagText.Number(Text(0x0018, 0x0050)),
            RescaleSlope = NonZero(DicomTagText.Number(Text(0x0028, 0x1053))) ?? 1,
            RescaleIntercept = DicomTagText.Number(Text(0x0028, 0x1052)) ?? 0,
        };
    }

    // A slope of 0 is a writer's bug; treating it as 1 keeps the image visible.
    private static double? NonZero(double? value) => value is 0 ? null : value;
}
