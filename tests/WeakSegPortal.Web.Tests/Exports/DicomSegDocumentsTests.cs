using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Exports;

namespace WeakSegPortal.Web.Tests.Exports;

/// <summary>
/// How an item's label map becomes a SEG document: segment n is the n-th class, its algorithm type follows the labels'
/// provenance (a suggestion's engine makes it SEMIAUTOMATIC and names it), its codes are SNOMED CT only for a name that
/// plainly names one, and the segment map carries segment numbers, not class ids.
/// </summary>
public sealed class DicomSegDocumentsTests
{
    private static readonly byte[] SegmentNumbers = [1, 0, 0, 2, 0, 0, 1, 1];

    [Fact]
    public void A_class_with_a_suggested_label_is_semiautomatic_and_named_by_its_engine_while_a_hand_drawn_one_is_manual()
    {
        var item = new ItemView
        {
            Id = Guid.NewGuid(),
            Name = "T-0001",
            Source = new ItemSource("series", "1.2.3", "1.2.3.4", "1.2.840.10008.5.1.4.1.1.2", ["1.2.3.4.1", "1.2.3.4.2"], "1.2.3.9"),
        };
        var project = new ProjectSummary { Classes = [new(3, "Liver", "#ff0000"), new(7, "Gallbladder wall", "#00ff00")] };
        var geometry = new VolumeGeometry(2, 2, 2, new Vec3(1, 1, 1), new Vec3(0, 0, 0), Direction3.Identity);
        byte[] map = [3, 0, 0, 7, 0, 0, 3, 3];
        var at = DateTimeOffset.UnixEpoch;
        StoredAnnotation[] labels =
        [
            new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Box, new Box2D(0, 0, 1, 1, 0, 3), null, null, null, Provenance.Manual, 1, at),
            new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Box, new Box2D(0, 0, 1, 1, 1, 3), null, null, null, new Provenance(Provenance.SuggestionSource, "grabcut-box"), 1, at),
            new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Box, new Box2D(0, 0, 1, 1, 0, 7), null, null, null, Provenance.Manual, 1, at),
        ];

        var document = DicomSegDocuments.Of(item, geometry, project, [3, 7], map, labels, "CONSENSUS", "test", "1.2.3.9", at);

        var liver = document.Segments[0];
        var other = document.Segments[1];
        Assert.Equal((1, "Liver", SegmentAlgorithmType.Semiautomatic, "grabcut-box"), (liver.Number, liver.Label, liver.AlgorithmType, liver.AlgorithmName));
        Assert.Equal(("10200004", "SCT"), (liver.Type.Value, liver.Type.Scheme));
        Assert.Equal((2, SegmentAlgorithmType.Manual, (string?)null), (other.Number, other.AlgorithmType, other.AlgorithmName));
        Assert.Equal(("7", SegmentCodes.PrivateScheme, "Gallbladder wall"), (other.Type.Value, other.Type.Scheme, other.Type.Meaning));
        Assert.Equal(SegmentNumbers, document.SegmentMap);
        Assert.Equal(("1.2.3", "1.2.3.4", "1.2.3.9"), (document.Source.StudyInstanceUid, document.Source.SeriesInstanceUid, document.Source.FrameOfReferenceUid));
        Assert.Equal(((byte)255, (byte)0, (byte)0), liver.Colour);
    }
}
