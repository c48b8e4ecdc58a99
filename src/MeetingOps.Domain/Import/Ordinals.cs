namespace MeetingOps.Domain.Import;

/// <summary>Ordinal words as meeting names use them: "first" … "ninety-ninth", and "13th".</summary>
internal static class Ordinals
{
    private static readonly string[] Units = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    private static readonly string[] Teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
    private static readonly string[] TensOrdinal = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly Dictionary<string, int> Words = Build();

    private static Dictionary<string, int> Build()
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var n = 1; n < 100; n++)
        {
            string word;
            if (n < 10)
            {
                word = Units[n];
            }
            else if (n < 20)
            {
                word = Teens[n - 10];
            }
            else if (n % 10 == 0)
            {
                word = TensOrdinal[n / 10];
            }
            else
            {
                word = $"{Tens[n / 10]}-{Units[n % 10]}";
            }
            words[word] = n;
        }
        words["hundredth"] = 100;
        return words;
    }

    /// <summary>1–100 for "first" … "hundredth" or "1st" … "100th"; 0 otherwise.</summary>
    public static int Value(string word)
    {
        var w = word.Trim().TrimEnd('.', ',');
        if (Words.TryGetValue(w, out var n))
        {
            return n;
        }
        if (w.Length is >= 3 and <= 5 && char.IsAsciiDigit(w[0]))
        {
            var digits = 0;
            while (digits < w.Length && char.IsAsciiDigit(w[digits]))
            {
                digits++;
            }
            var suffix = w[digits..].ToLowerInvariant();
            if (suffix is "st" or "nd" or "rd" or "th" && int.TryParse(w.AsSpan(0, digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 999)
            {
                return v;
            }
        }
        return 0;
    }

    /// <summary>The word for <paramref name="n"/> ("thirteenth"), or "13th" past the words.</summary>
    public static string Word(int n)
    {
        foreach (var (word, value) in Words)
        {
            if (value == n)
            {
                return word;
            }
        }
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{n}{suffix}";
    }
}
