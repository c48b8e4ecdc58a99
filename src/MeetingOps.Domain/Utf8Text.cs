using System.Buffers;
using System.Text.Unicode;

namespace MeetingOps.Domain;

/// <summary>Where a body stops being UTF-8, in words a sender can find: byte offset, line and byte in the line.</summary>
public static class Utf8Text
{
    /// <summary>Null when <paramref name="bytes"/> is valid UTF-8; otherwise where the first bad byte is.</summary>
    public static string? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }
        var offset = 0;
        Span<char> scratch = stackalloc char[512];
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == OperationStatus.InvalidData)
            {
                offset += read;
                break;
            }
            offset += read;
            if (status == OperationStatus.Done)
            {
                break;
            }
        }
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var value = offset < bytes.Length ? $"0x{bytes[offset]:X2}" : "a cut-off sequence at the end";
        return $"The body is not valid UTF-8: byte {offset + 1:N0} (line {line:N0}, byte {offset - lineStart + 1:N0} of the line) is {value}. Save the text as UTF-8 and send it again.";
    }
}
