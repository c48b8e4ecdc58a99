using System.Security.Cryptography;
using System.Text;

namespace MeetingOps.Deploy.Tests.Rendering;

/// <summary>
/// The content hash kustomize appends to generated ConfigMap and Secret names: SHA-256 of the Go JSON encoding
/// (keys sorted, HTML characters escaped) of kind, name, data (and type for a Secret), its first ten hex digits
/// with 0, 1, 3, a and e swapped for letters so the suffix never reads as a number or a word. kustomize looks the
/// name up as a single field called "metadata/name", finds nothing and hashes an empty name; so do we, or the
/// suffixes would differ from the real tool's.
/// </summary>
public static class GeneratedNames
{
    public static string WithHash(JsonObject generated)
    {
        var kind = (string)generated["kind"]!;
        var name = (string)generated["metadata"]!["name"]!;
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = kind,
            ["name"] = "",
            ["data"] = Strings(generated["data"] as JsonObject),
        };
        if (kind == "Secret")
        {
            fields["type"] = (string?)generated["type"] ?? "";
        }
        else if (generated["binaryData"] is JsonObject binary && binary.Count > 0)
        {
            fields["binaryData"] = Strings(binary);
        }
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(GoJson(fields))));
        var suffix = new string(hex[..10].Select(c => c switch
        {
            '0' => 'g',
            '1' => 'h',
            '3' => 'k',
            'a' => 'm',
            'e' => 't',
            _ => c,
        }).ToArray());
        return $"{name}-{suffix}";
    }

    private static SortedDictionary<string, object?> Strings(JsonObject? data) =>
        new(data?.ToDictionary(p => p.Key, p => (object?)(string?)p.Value) ?? [], StringComparer.Ordinal);

    /// <summary>Go's encoding/json output for maps of strings: sorted keys, no spaces, &lt; &gt; &amp; and U+2028/9 escaped.</summary>
    private static string GoJson(object? value) => value switch
    {
        null => "null",
        string s => GoString(s),
        SortedDictionary<string, object?> map => "{" + string.Join(",", map.Select(p => GoString(p.Key) + ":" + GoJson(p.Value))) + "}",
        _ => throw new ArgumentException($"unexpected value {value.GetType()}"),
    };

    private static string GoString(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029': b.Append($"\\u{(int)c:x4}"); break;
                case < ' ': b.Append($"\\u{(int)c:x4}"); break;
                default: b.Append(c); break;
            }
        }
        return b.Append('"').ToString();
    }
}
