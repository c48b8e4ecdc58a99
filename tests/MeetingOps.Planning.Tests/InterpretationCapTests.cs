using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

/// <summary>Caps tied to the booked slot, extensions, and the notices in the meeting's words (Vienna 2022, UTC+2).</summary>
public class InterpretationCapTests
{
    private static readonly Meeting Vienna = Samples.Vienna2022;
    private static readonly Session Monday = Vienna.Sessions[0];

    [Fact]
    public void A_sitting_opened_late_still_ends_at_its_booked_start_plus_the_cap()
    {
        var late = Monday.Start.AddMinutes(20);

        Assert.Equal(Monday.Start.AddMinutes(120), InterpretationCap.End(Monday.Start, late, 120, CapFrom.BookedStart, []));
        Assert.Equal(late.AddMinutes(120), InterpretationCap.End(Monday.Start, late, 120, CapFrom.ActualStart, []));
        // Not started yet: the booked start stands in either way.
        Assert.Equal(Monday.Start.AddMinutes(120), InterpretationCap.End(Monday.Start, null, 120, CapFrom.ActualStart, []));
    }

    [Fact]
    public void A_sitting_opened_after_its_whole_booked_slot_counts_from_its_actual_start()
    {
        // Opened on another day (or more than the cap late): that booking is gone, interpretation was booked again.
        var nextDay = Monday.Start.AddDays(1);
        Assert.Equal(nextDay.AddMinutes(120), InterpretationCap.End(Monday.Start, nextDay, 120, CapFrom.BookedStart, []));
        Assert.Equal(Monday.Start.AddMinutes(240), InterpretationCap.End(Monday.Start, Monday.Start.AddMinutes(120), 120, CapFrom.BookedStart, []));
        // A minute short of that still runs on the booking, and an early opening ends with its slot.
        Assert.Equal(Monday.Start.AddMinutes(120), InterpretationCap.End(Monday.Start, Monday.Start.AddMinutes(119), 120, CapFrom.BookedStart, []));
        Assert.Equal(Monday.Start.AddMinutes(120), InterpretationCap.End(Monday.Start, Monday.Start.AddMinutes(-10), 120, CapFrom.BookedStart, []));
    }

    [Fact]
    public void Extensions_move_the_end_and_the_warnings_are_re_armed_from_it()
    {
        var end = InterpretationCap.End(Monday.Start, Monday.Start, 120, CapFrom.BookedStart, [10, 5]);
        Assert.Equal(Monday.Start.AddMinutes(135), end);

        // Both warnings of the old end (12:00) had passed at 11:58; after fifteen more minutes both are ahead again.
        var now = Monday.Start.AddMinutes(118);
        Assert.Empty(InterpretationCap.Warnings(Monday.Start.AddMinutes(120), now));
        Assert.Equal([new CapWarning(15, Monday.Start.AddMinutes(120)), new CapWarning(5, Monday.Start.AddMinutes(130))],
            InterpretationCap.Warnings(end, now.AddMinutes(-1)));
        Assert.Equal([new CapWarning(5, Monday.Start.AddMinutes(130))], InterpretationCap.Warnings(end, now.AddMinutes(3)));
    }

    [Theory]
    [InlineData(0, true, "An extension is 1 to 60 minutes.")]
    [InlineData(61, true, "An extension is 1 to 60 minutes.")]
    [InlineData(10, false, "Only a sitting in progress (or suspended) can be extended.")]
    [InlineData(30, true, "This sitting has been extended by 100 minutes already; at most 120 minutes in all.")]
    [InlineData(20, true, null)]
    public void Extensions_are_bounded_and_refused_in_words(int minutes, bool sitting, string? refusal) =>
        Assert.Equal(refusal, InterpretationCap.ExtensionRefused(minutes, [60, 40], sitting));

    [Fact]
    public void Notices_say_interpretation_and_the_time_at_the_venue_not_the_sitting_id()
    {
        var end = Monday.Start.AddMinutes(120);
        var item = Vienna.Items.First(i => i.Numbers.Count == 1 && Vienna.Sessions.Skip(1).Any(s => i.Numbers.Keys.All(s.Bodies.Contains)));
        var next = InterpretationCap.NextSittingFor(Vienna, item, Monday)!;

        Assert.Equal("15 minutes of interpretation left in this sitting (until 12:00).", InterpretationCap.WarningNotice(Vienna, end, 15));
        Assert.Equal("1 minute of interpretation left in this sitting (until 12:00).", InterpretationCap.WarningNotice(Vienna, end, 1));
        Assert.Equal($"Interpretation ended at 12:00; {AgendaWords.Label(Vienna, item)} will continue on {InterpretationCap.SittingWords(next)}.",
            InterpretationCap.EndedNotice(Vienna, end, item, next));
        Assert.Equal("Monday afternoon", InterpretationCap.SittingWords(Vienna.Sessions[1]));
        Assert.Equal("Interpretation ended at 12:00.", InterpretationCap.EndedNotice(Vienna, end, null, null));
        Assert.EndsWith("is not yet placed in a later sitting.", InterpretationCap.EndedNotice(Vienna, end, item, null), StringComparison.Ordinal);
    }
}
