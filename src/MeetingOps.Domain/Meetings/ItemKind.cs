namespace MeetingOps.Domain;

/// <summary>What an agenda item is for; the planner and the adopt rule read it.</summary>
public enum ItemKind
{
    /// <summary>"Organizational matters": the heading over opening and adoption of the agenda.</summary>
    Organizational,
    /// <summary>"Opening of the meeting".</summary>
    Opening,
    /// <summary>"Adoption of the agenda and organization of work".</summary>
    Agenda,
    /// <summary>A substantive item: the body's business.</summary>
    Substantive,
    /// <summary>"Other matters".</summary>
    OtherMatters,
    /// <summary>"Adoption of the report".</summary>
    Report,
}
