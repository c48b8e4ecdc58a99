using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;

namespace MeetingOps.Domain.Tests.Translations;

/// <summary>
/// The French version of CAC/COSP/IRG/2015/1, as published, imported onto the English definition of the same agenda;
/// and every way a text can fail to match, each a warning or a refusal, never a wrong title.
/// </summary>
public class TranslationImporterTests
{
    private static Dictionary<string, string?> FrenchTitles(MeetingDefinition d)
    {
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Walk(IReadOnlyList<ItemDefinition>? items)
        {
            foreach (var i in items ?? [])
            {
                titles[i.Id] = i.Titles?.GetValueOrDefault("fr");
                Walk(i.SubItems);
            }
        }
        Walk(d.Items);
        return titles;
    }

    [Fact]
    public void The_published_French_agenda_gives_every_item_its_French_title_matched_by_number()
    {
        var result = TranslationImporter.Apply(TranslationCorpus.English, "fr", TranslationCorpus.French);

        Assert.Null(result.Refusal);
        Assert.Empty(result.Warnings);
        Assert.Equal(("CAC/COSP/IRG/2015/1", "irg", 10, 10), (result.Symbol, result.BodyId, result.Added, result.Matched));
        var titles = FrenchTitles(result.Definition!);
        Assert.Equal("Questions d’organisation", titles["organizational-matters"]);
        Assert.Equal("Ouverture de la session", titles["opening"]);
        Assert.Equal("Adoption de l’ordre du jour et organisation des travaux", titles["adoption-of-agenda"]);
        Assert.Equal("Performance du Mécanisme d’examen de l’application de la Convention des Nations Unies contre la corruption", titles["performance-of-the-mechanism"]);
        Assert.Equal("Autres questions", titles["other-matters"]);
        Assert.Equal("Adoption du rapport du Groupe d’examen de l’application sur les travaux de sa sixième session", titles["report"]);
        // The English stays as it was, and the result is a valid definition.
        Assert.Equal("Other matters", result.Definition!.Items.Single(i => i.Id == "other-matters").Title);
        Assert.Empty(DefinitionValidator.Validate(result.Definition).Problems);
    }

    [Fact]
    public void Importing_the_same_text_again_adds_nothing()
    {
        var once = TranslationImporter.Apply(TranslationCorpus.English, "fr", TranslationCorpus.French).Definition!;
        var twice = TranslationImporter.Apply(once, "fr", TranslationCorpus.French);
        Assert.Equal((0, 10), (twice.Added, twice.Matched));
    }

    [Fact]
    public void An_item_missing_from_the_text_is_a_warning_and_keeps_its_English_title()
    {
        var text = TranslationCorpus.French.Replace("4. Assistance technique.\n", "", StringComparison.Ordinal);
        var result = TranslationImporter.Apply(TranslationCorpus.English, "fr", text);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Item 4 of irg (technical-assistance) has no French title", warning.Message, StringComparison.Ordinal);
        Assert.Null(FrenchTitles(result.Definition!)["technical-assistance"]);
        Assert.Equal(9, result.Matched);
    }

    [Fact]
    public void An_item_the_meeting_lacks_or_a_number_that_differs_is_a_warning_not_a_title()
    {
        // The text numbers "Other matters" 9 where the English has 6: neither 6 nor 9 gets a title from it.
        var text = TranslationCorpus.French.Replace("6. Autres questions.", "9. Autres questions.", StringComparison.Ordinal);
        var result = TranslationImporter.Apply(TranslationCorpus.English, "fr", text);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.Message.Contains("Item 9 of the French text (\"Autres questions\") is not on the agenda of irg", StringComparison.Ordinal) && w.Line > 0);
        Assert.Contains(result.Warnings, w => w.Message.Contains("Item 6 of irg (other-matters) has no French title", StringComparison.Ordinal));
        Assert.Null(FrenchTitles(result.Definition!)["other-matters"]);
    }

    [Fact]
    public void A_text_with_another_symbol_is_refused_and_changes_nothing()
    {
        var text = TranslationCorpus.French.Replace("CAC/COSP/IRG/2015/1", "CAC/COSP/IRG/2016/1", StringComparison.Ordinal);
        var result = TranslationImporter.Apply(TranslationCorpus.English, "fr", text);
        Assert.Null(result.Definition);
        Assert.Contains("The symbol differs: the text carries CAC/COSP/IRG/2016/1", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("CAC/COSP/IRG/2015/1", result.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "not a language")]
    [InlineData("en", "not a language")]
    public void A_language_other_than_the_five_is_refused(string language, string words) =>
        Assert.Contains(words, TranslationImporter.Apply(TranslationCorpus.English, language, TranslationCorpus.French).Refusal, StringComparison.Ordinal);

    [Fact]
    public void A_text_without_the_list_heading_is_refused_saying_what_heading_is_looked_for()
    {
        var result = TranslationImporter.Apply(TranslationCorpus.English, "es", TranslationCorpus.French);
        Assert.Contains("Programa provisional", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_broken_over_two_lines_is_joined_and_Cyrillic_letters_are_sub_items()
    {
        var text = """
            CAC/COSP/IRG/2015/1
            Предварительная повестка дня
            1. Организационные вопросы:
            а) открытие сессии;
            б) утверждение повестки дня и
            организация работы.
            2. Обзор хода осуществления Конвенции
            Организации Объединенных Наций против коррупции.
            """;
        var result = TranslationImporter.Apply(TranslationCorpus.English, "ru", text);
        var ru = new Dictionary<string, string?>();
        void Walk(IReadOnlyList<ItemDefinition>? items)
        {
            foreach (var i in items ?? [])
            {
                ru[i.Id] = i.Titles?.GetValueOrDefault("ru");
                Walk(i.SubItems);
            }
        }
        Walk(result.Definition!.Items);
        Assert.Equal("утверждение повестки дня и организация работы", ru["adoption-of-agenda"]);
        Assert.Equal("Обзор хода осуществления Конвенции Организации Объединенных Наций против коррупции", ru["review-of-implementation"]);
        Assert.Equal(4, result.Matched);
        Assert.Equal(6, result.Warnings.Count);
    }
}
