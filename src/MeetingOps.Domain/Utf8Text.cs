using System.Buffers;
using System.Text.Unicode;

namespace MeetingOps.Domain;

/// <summary>Where a body stops being UTF-8, in words a sender can find: byte offset, line and byte in the line.</summary>
public static class Utf8Text
{
    /// <summary>Where the first bad byte is, in English and as a phrase the pages say in the viewer's language.</summary>
    public sealed record Fault(string Message, ServerText Text);

    /// <summary>Null when <paramref name="bytes"/> is valid UTF-8; otherwise where the first bad byte is.</summary>
    public static Fault? FirstInvalid(ReadOnlySpan<byte> bytes)
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
        var column = offset - lineStart + 1;
        var cutOff = offset >= bytes.Length;
        var value = cutOff ? "a cut-off sequence at the end" : $"0x{bytes[offset]:X2}";
        var text = cutOff
            ? ServerPhrases.RequestNotUtf8CutOff.With(("offset", offset + 1), ("line", line), ("column", column))
            : ServerPhrases.RequestNotUtf8.With(("offset", offset + 1), ("line", line), ("column", column), ("value", value));
        return new Fault($"The body is not valid UTF-8: byte {offset + 1:N0} (line {line:N0}, byte {column:N0} of the line) is {value}. Save the text as UTF-8 and send it again.", text);
    }
}
