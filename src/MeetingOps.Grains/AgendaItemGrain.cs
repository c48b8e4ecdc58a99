using MeetingOps.Contracts;

namespace MeetingOps.Grains;

/// <summary>
/// One agenda item. It holds nothing yet, and nothing here copies what the meeting grain holds: the meeting grain is
/// the one writer of item statuses. What is per item and busy (its list of speakers, the floor) is to live here.
/// </summary>
public sealed class AgendaItemGrain : Grain, IAgendaItemGrain
{
}
