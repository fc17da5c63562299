using System.Buffers.Binary;
using System.IO.Compression;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>PNG structure for the mutator: the chunk list (length, type, data, CRC), the CRC, and a writer for 16-bit grey images.</summary>
public static class PngChunks
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A chunk: where its length field starts, its declared length and type.</summary>
    public readonly record struct Chunk(int Offset, uint Length, string Type)
    {
        public int DataOffset => Offset + 8;
        public int CrcOffset => DataOffset + (int)Length;
    }

    /// <summary>The chunks whose declared extent lies inside the file, in order.</summary>
    public static List<Chunk> Walk(byte[] png)
    {
        var chunks = new List<Chunk>();
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > png.Length - at - 12)
            {
                break;
            }
            chunks.Add(new Chunk(at, length, System.Text.Encoding.ASCII.GetString(png, at + 4, 4)));
            at += 12 + (int)length;
        }
        return chunks;
    }

    /// <summary>Writes the CRC a decoder expects after the chunk's type and data.</summary>
    public static void FixCrc(byte[] png, Chunk chunk) =>
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(chunk.CrcOffset), Crc(png.AsSpan(chunk.Offset + 4, 4 + (int)chunk.Length)));

    public static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }
        return c ^ 0xFFFFFFFFu;
    }

    /// <summary>A 16-bit greyscale PNG (what the portal's own Png16GreyDecoder reads), written chunk by chunk.</summary>
    public static byte[] Grey16(int width, int height)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0); // filter: none
                for (var x = 0; x < width; x++)
                {
                    var v = (ushort)((x * 997) + (y * 131));
                    z.WriteByte((byte)(v >> 8));
                    z.WriteByte((byte)v);
                }
            }
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 16; // bit depth
        header[9] = 0; // colour type: grey
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        png.Write(chunk);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
