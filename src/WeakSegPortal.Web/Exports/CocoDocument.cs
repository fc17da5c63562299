using System.Text.Json;
using System.Text.Json.Nodes;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// COCO's object-detection format for the 2D items: <c>images</c>, <c>categories</c> (the project's classes, ids kept) and
/// one annotation per item and class with a consensus mask, as compressed RLE (<see cref="CocoRle"/>), <c>iscrowd</c> 1
/// (COCO's rule for RLE segmentations), <c>area</c> the mask's pixels and <c>bbox</c> [x, y, width, height] around them.
/// </summary>
public sealed class CocoDocument(ProjectSummary project)
{
    private readonly JsonArray _images = [];
    private readonly JsonArray _annotations = [];

    public void Add(ItemView item, byte[] consensus, IReadOnlyList<int> classIds)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(consensus);
        var (width, height) = (item.Geometry.Nx, item.Geometry.Ny);
        var imageId = _images.Count + 1;
        _images.Add(new JsonObject
        {
            ["id"] = imageId,
            ["file_name"] = item.Name,
            ["width"] = width,
            ["height"] = height,
            ["weakseg_item_id"] = item.Id.ToString(),
        });
        foreach (var classId in classIds)
        {
            var mask = new bool[width * height];
            var (area, minX, minY, maxX, maxY) = (0L, int.MaxValue, int.MaxValue, -1, -1);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    if (consensus[(y * width) + x] == classId)
                    {
                        mask[(y * width) + x] = true;
                        area++;
                        (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                    }
                }
            }
            if (area == 0)
            {
                continue;
            }
            _annotations.Add(new JsonObject
            {
                ["id"] = _annotations.Count + 1,
                ["image_id"] = imageId,
                ["category_id"] = classId,
                ["segmentation"] = new JsonObject
                {
                    ["size"] = new JsonArray(height, width),
                    ["counts"] = CocoRle.Compress(CocoRle.Counts(mask, width, height)),
                },
                ["area"] = area,
                ["bbox"] = new JsonArray(minX, minY, maxX - minX + 1, maxY - minY + 1),
                ["iscrowd"] = 1,
            });
        }
    }

    public byte[] ToJson()
    {
        var document = new JsonObject
        {
            ["info"] = new JsonObject
            {
                ["description"] = $"{project.Name}: consensus masks (WeakSegPortal)",
                ["version"] = "1.0",
                ["date_created"] = DateTimeOffset.UtcNow.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            ["licenses"] = new JsonArray(),
            ["images"] = _images,
            ["categories"] = new JsonArray([.. project.Classes.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["supercategory"] = "" })]),
            ["annotations"] = _annotations,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document);
    }
}
