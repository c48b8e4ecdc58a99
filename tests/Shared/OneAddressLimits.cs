namespace MeetingOps.Tests.Shared;

/// <summary>
/// The client limits for a test server. Every test reaches its server from 127.0.0.1, so one address carries the
/// traffic of a whole test class (and a flood test's 2,000 requests), which the production limits per address would
/// rightly refuse, and which test ran first would decide. The limiter stays on, with ceilings no test reaches; a
/// test of the limits themselves starts its own server with its own settings.
/// </summary>
public static class OneAddressLimits
{
    private const string Plenty = "1000000";

    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["MeetingOps__RateLimits__CommandBurst"] = Plenty,
        ["MeetingOps__RateLimits__CommandsPerSecond"] = Plenty,
        ["MeetingOps__RateLimits__KeyBurst"] = Plenty,
        ["MeetingOps__RateLimits__KeyPerSecond"] = Plenty,
        ["MeetingOps__RateLimits__ReadBurst"] = Plenty,
        ["MeetingOps__RateLimits__ReadsPerSecond"] = Plenty,
        ["MeetingOps__RateLimits__ConcurrentRequests"] = "100000",
        ["MeetingOps__RateLimits__KeyFailureBurst"] = Plenty,
        ["MeetingOps__RateLimits__KeyFailuresPerMinute"] = Plenty,
        ["MeetingOps__RateLimits__ConnectionBurst"] = Plenty,
        ["MeetingOps__RateLimits__ConnectionsPerSecond"] = Plenty,
        ["MeetingOps__RateLimits__HubCallBurst"] = Plenty,
        ["MeetingOps__RateLimits__HubCallsPerSecond"] = Plenty,
    };
}
