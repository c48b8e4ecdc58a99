namespace MeetingOps.Grains;

public sealed partial class MeetingGrain
{
    /// <summary>
    /// A lookup of an id nobody created activates this grain only to answer "no such meeting". Left to the idle
    /// timeout, a stream of random ids from outside would hold an activation each for minutes and fill memory;
    /// such an activation goes as soon as it has answered. A creation of that id later simply activates it again.
    /// </summary>
    private void ForgetIfUnknown()
    {
        if (!state.RecordExists)
        {
            DeactivateOnIdle();
        }
    }
}
