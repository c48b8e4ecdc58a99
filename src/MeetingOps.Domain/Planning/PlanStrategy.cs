namespace MeetingOps.Domain.Planning;

/// <summary>How the secretariat adjusts the organization of work when sittings are capped.</summary>
public enum PlanStrategy
{
    /// <summary>Every item stays in its sessions; a session over its available minutes has its items' time scaled to fit.</summary>
    Compress,
    /// <summary>Items keep their planned minutes and flow through the sessions in agenda order; what does not fit is overflow.</summary>
    Reflow,
    /// <summary>Reflow after compressing every item evenly, just enough to fit the time available, never below a floor per item.</summary>
    Fit,
}
