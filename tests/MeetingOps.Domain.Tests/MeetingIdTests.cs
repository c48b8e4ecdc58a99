namespace MeetingOps.Domain.Tests;

/// <summary>A meeting id as the edges read it: what passes is exactly what the grains are keyed by; what fails is named.</summary>
public class MeetingIdTests
{
    [Theory]
    [InlineData("wg-2022")]
    [InlineData("m-3f9a0c")]
    [InlineData("a")]
    [InlineData("0123456789")]
    public void An_id_of_lowercase_letters_digits_and_dashes_reads_as_itself(string text)
    {
        Assert.True(MeetingId.TryParse(text, out var id));

        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
        Assert.Equal(text, (string)id);
        Assert.Equal(id, MeetingId.Parse(text, null));
    }

    [Fact]
    public void The_longest_id_is_max_length_and_one_more_is_refused()
    {
        Assert.True(MeetingId.TryParse(new string('m', MeetingId.MaxLength), out _));
        Assert.False(MeetingId.TryParse(new string('m', MeetingId.MaxLength + 1), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Not_An_Id")]
    [InlineData("WG-2022")]
    [InlineData("wg 2022")]
    [InlineData("../etc")]
    [InlineData("wg/2022")]
    [InlineData("réunion")]
    [InlineData("٣")] // a digit, but not an ASCII one
    public void Anything_else_is_refused_with_a_reason_that_names_it(string text)
    {
        Assert.False(MeetingId.TryParse(text, out var id));
        Assert.Equal(default, id);
        Assert.Equal("", id.Value);
        var thrown = Assert.Throws<FormatException>(() => MeetingId.Parse(text, null));
        Assert.Equal($"\"{text}\" is not a meeting id: 1–64 lowercase letters, digits or '-'.", thrown.Message);
    }

    [Fact]
    public void A_missing_id_is_refused_as_missing()
    {
        Assert.False(MeetingId.TryParse(null, out _));
        Assert.Equal("A meeting id is needed: 1–64 lowercase letters, digits or '-'.", MeetingId.Refusal(null));
    }

    [Fact]
    public void A_huge_id_is_named_shortened_in_the_refusal()
    {
        var huge = new string('x', 100_000);

        Assert.Equal($"\"{new string('x', 64)}…\" is not a meeting id: 1–64 lowercase letters, digits or '-'.", MeetingId.Refusal(huge));
    }

    [Fact]
    public void Two_ids_of_the_same_text_are_equal()
    {
        MeetingId.TryParse("wg-2022", out var a);
        MeetingId.TryParse("wg-2022", out var b);
        MeetingId.TryParse("wg-2021", out var c);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
