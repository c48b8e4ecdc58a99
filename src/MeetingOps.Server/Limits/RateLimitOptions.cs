namespace MeetingOps.Server.Limits;

/// <summary>
/// <c>MeetingOps:RateLimits:*</c>: how much one client address (and one key) may ask for. The defaults let a room of
/// 2,000 participants behind one NAT address open their pages and follow (following costs one connection and one
/// call each; pushes are not limited), and let a chair's console and a secretariat work at any human speed; what they
/// stop is a script: thousands of commands, wrong keys or connections a second.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "MeetingOps:RateLimits";

    /// <summary>Off only for measuring the host without them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Commands and other writes (REST POST/PUT/PATCH/DELETE and hub commands) per address: a burst, then per second.</summary>
    public int CommandBurst { get; set; } = 1000;

    public int CommandsPerSecond { get; set; } = 200;

    /// <summary>Writes per presented key (the same key from many addresses counts once).</summary>
    public int KeyBurst { get; set; } = 600;

    public int KeyPerSecond { get; set; } = 100;

    /// <summary>REST reads per address.</summary>
    public int ReadBurst { get; set; } = 5000;

    public int ReadsPerSecond { get; set; } = 1000;

    /// <summary>REST requests one address may have in progress at once; more wait in a short queue, beyond it 429.</summary>
    public int ConcurrentRequests { get; set; } = 32;

    public int ConcurrentQueue { get; set; } = 256;

    /// <summary>Failed key attempts (401/403) per address: a few for typing mistakes, then one every few seconds.</summary>
    public int KeyFailureBurst { get; set; } = 50;

    public int KeyFailuresPerMinute { get; set; } = 30;

    /// <summary>Hub connections opened per address (negotiations and direct WebSocket connects).</summary>
    public int ConnectionBurst { get; set; } = 4000;

    public int ConnectionsPerSecond { get; set; } = 100;

    /// <summary>Hub calls per address across all its connections (follows, unfollows, commands).</summary>
    public int HubCallBurst { get; set; } = 6000;

    public int HubCallsPerSecond { get; set; } = 1000;

    /// <summary>
    /// Floor commands (requests for the floor, withdrawals, the chair's next, give, move…) per presented key, decided at
    /// the HTTP edge before any grain is asked: room for a secretariat inscribing a whole list and a chair at any human
    /// pace, while a delegation's flood costs at most this many grain calls (its floor grain then applies the finer
    /// per-delegation limit to those).
    /// </summary>
    public int FloorKeyBurst { get; set; } = 30;

    public int FloorKeyPerSecond { get; set; } = 2;

    public IEnumerable<string> Failures()
    {
        foreach (var (value, name) in new[]
        {
            (CommandBurst, nameof(CommandBurst)), (CommandsPerSecond, nameof(CommandsPerSecond)), (KeyBurst, nameof(KeyBurst)),
            (KeyPerSecond, nameof(KeyPerSecond)), (ReadBurst, nameof(ReadBurst)), (ReadsPerSecond, nameof(ReadsPerSecond)),
            (ConcurrentRequests, nameof(ConcurrentRequests)), (KeyFailureBurst, nameof(KeyFailureBurst)),
            (KeyFailuresPerMinute, nameof(KeyFailuresPerMinute)), (ConnectionBurst, nameof(ConnectionBurst)),
            (ConnectionsPerSecond, nameof(ConnectionsPerSecond)), (HubCallBurst, nameof(HubCallBurst)), (HubCallsPerSecond, nameof(HubCallsPerSecond)),
            (FloorKeyBurst, nameof(FloorKeyBurst)), (FloorKeyPerSecond, nameof(FloorKeyPerSecond)),
        })
        {
            if (value < 1)
            {
                yield return $"{Section}:{name} must be at least 1, found {value}.";
            }
        }
        if (ConcurrentQueue < 0)
        {
            yield return $"{Section}:{nameof(ConcurrentQueue)} must not be negative, found {ConcurrentQueue}.";
        }
    }
}
