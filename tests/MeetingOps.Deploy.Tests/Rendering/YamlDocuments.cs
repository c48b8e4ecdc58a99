using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeetingOps.Deploy.Tests.Rendering;

/// <summary>Which plain scalars are booleans: YAML 1.1 (what kubectl's YAML reader uses: yes/no/on/off too) or YAML 1.2's core schema (compose).</summary>
public enum YamlBooleans
{
    Yaml11,
    Core,
}

/// <summary>
/// Reads YAML (one or more documents) into JSON trees the way the tools that consume these files type plain
/// scalars: numbers, booleans and null untyped in the text become JSON numbers, booleans and null; quoted
/// scalars stay strings. Merge keys (&lt;&lt;: *anchor) are applied, explicit keys winning, as YAML 1.1 defines them.
/// </summary>
public static partial class YamlDocuments
{
    public static List<JsonNode?> Load(string text, YamlBooleans booleans = YamlBooleans.Yaml11)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents
            .Where(d => !(d.RootNode is YamlScalarNode { Value: null or "" } && d.RootNode.Tag.IsEmpty))
            .Select(d => ToJson(d.RootNode, booleans))
            .ToList();
    }

    public static List<JsonNode?> LoadFile(string path, YamlBooleans booleans = YamlBooleans.Yaml11) =>
        Load(File.ReadAllText(path), booleans);

    private static JsonNode? ToJson(YamlNode node, YamlBooleans booleans) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping, booleans),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(c => ToJson(c, booleans)).ToArray()),
        YamlScalarNode scalar => ToValue(scalar, booleans),
        _ => throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}"),
    };

    private static JsonObject ToObject(YamlMappingNode mapping, YamlBooleans booleans)
    {
        var result = new JsonObject();
        // Merged mappings first, so that the mapping's own keys override them.
        foreach (var (key, value) in mapping.Children.Where(c => IsMergeKey(c.Key)))
        {
            var sources = value is YamlSequenceNode many ? many.Children : [value];
            foreach (var source in sources)
            {
                if (source is not YamlMappingNode merged)
                {
                    throw new YamlException(key.Start, key.End, "a merge key (<<) must name a mapping or a list of mappings");
                }
                foreach (var (name, item) in ToObject(merged, booleans).ToList())
                {
                    result[name] ??= item?.DeepClone();
                }
            }
        }
        var own = new HashSet<string>();
        foreach (var (key, value) in mapping.Children.Where(c => !IsMergeKey(c.Key)))
        {
            var name = key is YamlScalarNode { Value: { } k } ? k : throw new YamlException(key.Start, key.End, "mapping keys must be scalars");
            if (!own.Add(name))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key \"{name}\"");
            }
            result[name] = ToJson(value, booleans);
        }
        return result;
    }

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any };

    private static JsonNode? ToValue(YamlScalarNode scalar, YamlBooleans booleans)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || (tag is null && scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)))
        {
            return JsonValue.Create(text);
        }
        if (NullPattern().IsMatch(text))
        {
            return null;
        }
        if (TruePattern().IsMatch(text) || (booleans == YamlBooleans.Yaml11 && Yaml11TruePattern().IsMatch(text)))
        {
            return JsonValue.Create(true);
        }
        if (FalsePattern().IsMatch(text) || (booleans == YamlBooleans.Yaml11 && Yaml11FalsePattern().IsMatch(text)))
        {
            return JsonValue.Create(false);
        }
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return Number(integer.ToString(CultureInfo.InvariantCulture));
        }
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Number(number.ToString("R", CultureInfo.InvariantCulture));
        }
        return JsonValue.Create(text);
    }

    // Backed by a JSON element, so the number reads as int, long or double alike (as JSON text would).
    private static JsonNode? Number(string json) => JsonNode.Parse(json);

    [GeneratedRegex("^(~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE)$")]
    private static partial Regex TruePattern();

    [GeneratedRegex("^(false|False|FALSE)$")]
    private static partial Regex FalsePattern();

    [GeneratedRegex("^(y|Y|yes|Yes|YES|on|On|ON)$")]
    private static partial Regex Yaml11TruePattern();

    [GeneratedRegex("^(n|N|no|No|NO|off|Off|OFF)$")]
    private static partial Regex Yaml11FalsePattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
