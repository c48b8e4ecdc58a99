using MeetingOps.Domain.Import;

namespace MeetingOps.Domain.Tests.Translations;

/// <summary>
/// A translation import's warnings and refusals carry their phrase codes and arguments, so the secretariat's page can say
/// them in the officer's language; the English sentences beside them are unchanged.
/// </summary>
public class TranslationPhraseTests
{
    [Fact]
    public void A_number_that_differs_gives_two_warnings_each_with_its_phrase()
    {
        var text = TranslationCorpus.French.Replace("6. Autres questions.", "9. Autres questions.", StringComparison.Ordinal);
        var result = TranslationImporter.Apply(TranslationCorpus.English, "fr", text);

        var notOnAgenda = Assert.Single(result.Warnings, w => w.Line > 0);
        Assert.Equal(
            ServerPhrases.TranslationNotOnAgenda.With(("number", "9"), ("language", "fr"), ("text", "Autres questions"), ("body", "irg")),
            notOnAgenda.Text);
        var noTitle = Assert.Single(result.Warnings, w => w.Line == 0);
        Assert.Equal(ServerPhrases.TranslationNoTitle.With(("number", "6"), ("body", "irg"), ("id", "other-matters"), ("language", "fr")), noTitle.Text);
        Assert.Contains("Item 6 of irg (other-matters) has no French title", noTitle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_given_twice_keeps_the_first_title_and_says_so_in_a_phrase()
    {
        var text = TranslationCorpus.French.Replace("6. Autres questions.", "6. Autres questions.\n6. Questions diverses.", StringComparison.Ordinal);
        var result = TranslationImporter.Apply(TranslationCorpus.English, "fr", text);

        var twice = Assert.Single(result.Warnings);
        Assert.Equal(ServerPhrases.TranslationTwice.With(("number", "6"), ("language", "fr")), twice.Text);
    }

    [Fact]
    public void Each_refusal_carries_its_phrase()
    {
        var other = TranslationImporter.Apply(TranslationCorpus.English, "fr",
            TranslationCorpus.French.Replace("CAC/COSP/IRG/2015/1", "CAC/COSP/IRG/2016/1", StringComparison.Ordinal));
        Assert.Equal(ServerPhrases.TranslationSymbolDiffers.Code, other.RefusalText!.Code);
        Assert.Equal("CAC/COSP/IRG/2015/1", other.RefusalText.Args["symbol"]);
        Assert.Contains("CAC/COSP/IRG/2016/1", other.RefusalText.Args["symbols"].Split(','));

        var german = TranslationImporter.Apply(TranslationCorpus.English, "de", TranslationCorpus.French);
        Assert.Equal(ServerPhrases.TranslationNotALanguage.With(("code", "de"), ("languages", "ar,zh,fr,ru,es")), german.RefusalText);

        var noHeading = TranslationImporter.Apply(TranslationCorpus.English, "es", TranslationCorpus.French);
        Assert.Equal(ServerPhrases.TranslationNoList.With(("language", "es"), ("example", "Programa provisional")), noHeading.RefusalText);

        var noSymbol = TranslationImporter.Apply(TranslationCorpus.English, "fr", "Ordre du jour provisoire\n1. Ouverture de la session.\n");
        Assert.Equal(ServerPhrases.TranslationNoSymbol.With(), noSymbol.RefusalText);
        Assert.NotNull(noSymbol.Refusal);
    }
}
