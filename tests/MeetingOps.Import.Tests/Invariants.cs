using MeetingOps.Domain;

namespace MeetingOps.Import.Tests;

/// <summary>What every import result must satisfy, whatever the input.</summary>
public static class Invariants
{
    public static void Hold(string? text, ImportResult result)
    {
        Assert.DoesNotContain(result.Errors, e => e.Code == ImportErrorCodes.Internal);
        Assert.Equal(result.Definition is null, result.Errors.Count > 0);
        if (result.Definition is { } definition)
        {
            var check = DefinitionValidator.Validate(definition);
            Assert.True(check.IsValid, string.Join("\n", check.Problems));
        }
        var lines = text is null ? 1 : CountLines(text);
        Assert.All(result.Warnings, w => Assert.InRange(w.Line, 0, lines));
        Assert.All(result.Errors, e => Assert.InRange(e.Line, 0, lines));
        Assert.All(result.Warnings, w => Assert.False(string.IsNullOrWhiteSpace(w.Message)));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.InRange(result.Warnings.Count, 0, ImportLog.MaxWarnings + 1);
        // Every warning, gap and refusal can be said in the viewer's language: it carries a phrase the catalogues know.
        var codes = ServerPhrases.All.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(result.Warnings, w => Assert.True(w.Text is { } t && codes.Contains(t.Code), $"no phrase for: {w}"));
        Assert.All(result.Gaps, g => Assert.True(g.Text is { } t && codes.Contains(t.Code), $"no phrase for: {g}"));
        Assert.All(result.Errors, e => Assert.True(e.Text is { } t && codes.Contains(t.Code), $"no phrase for: {e}"));
    }

    public static int CountLines(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            if (c is '\n' or '\r' or '\f' or '\u2028' or '\u2029' or '\u0085' or '\v')
            {
                lines++;
            }
        }
        return lines;
    }
}
