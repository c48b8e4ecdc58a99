namespace MeetingOps.Grains;

/// <summary>
/// The secretariat's organizer key, as the host configured or generated it. Grains ask it whether a presented
/// key is the organizer's, so the check happens inside the grain on every command, not only at the edge.
/// </summary>
public interface IOrganizerCredential
{
    bool Matches(string? presentedKey);
}
