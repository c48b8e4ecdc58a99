using System.Text;

namespace MeetingOps.Import.Tests;

/// <summary>Turns a clean agenda text into what PDF text extraction gives: lines wrapped at a width, page furniture between them.</summary>
public static class PdfText
{
    public static string Wrap(string text, int width, int pageLines, bool blankLinesAroundFurniture = false)
    {
        var output = new List<string>();
        var page = 1;
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains('\t', StringComparison.Ordinal) || line.Length <= width)
            {
                output.Add(line);
            }
            else
            {
                var current = new StringBuilder();
                foreach (var word in line.Split(' '))
                {
                    if (current.Length > 0 && current.Length + 1 + word.Length > width)
                    {
                        output.Add(current.ToString());
                        current.Clear();
                    }
                    current.Append(current.Length > 0 ? " " : "").Append(word);
                }
                output.Add(current.ToString());
            }
        }
        var result = new List<string>();
        for (var i = 0; i < output.Count; i++)
        {
            result.Add(output[i]);
            // Page furniture only between lines of running text, never inside the organization-of-work table.
            if (i > 20 && i % pageLines == 0 && !output[i].Contains('\t', StringComparison.Ordinal) && i + 1 < output.Count && !output[i + 1].Contains('\t', StringComparison.Ordinal))
            {
                page++;
                var furniture = new[] { "V.22-00869", $"{page}/9", "*2200869*" };
                if (blankLinesAroundFurniture)
                {
                    result.Add("");
                }
                result.AddRange(furniture);
                if (blankLinesAroundFurniture)
                {
                    result.Add("");
                }
            }
        }
        return string.Join('\n', result);
    }
}
