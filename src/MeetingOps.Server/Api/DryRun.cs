namespace MeetingOps.Server.Api;

/// <summary><c>?dryRun=true</c>: propose, change nothing. Anything but true or false is a mistake worth saying, not a publish.</summary>
public readonly record struct DryRun(bool Valid, bool Value)
{
    public static DryRun? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Query.TryGetValue("dryRun", out var values))
        {
            return null;
        }
        return values.Count == 1 && bool.TryParse(values[0], out var value) ? new DryRun(true, value) : new DryRun(false, false);
    }
}
