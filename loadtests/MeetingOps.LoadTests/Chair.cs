using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.LoadTests;

/// <summary>One meeting the chair drives: its id and chair key, from the API's <see cref="CreatedMeeting"/> answer.</summary>
public sealed record ChairedMeeting(string Id, string ChairKey);

/// <summary>A command sent: to which meeting, when it was sent and answered (Stopwatch timestamps), and the version it made (0 when it failed).</summary>
public sealed record SentCommand(int Meeting, long SentAt, long AnsweredAt, long Version, string? Failure);

/// <summary>
/// The chair over REST: creates the meetings from a sample definition, starts a sitting, then at a fixed open-loop
/// rate takes up and continues an item in each meeting in turn (each command with its own Idempotency-Key). A
/// meeting whose previous command has not answered yet when its turn comes is skipped (counted), so the item moves
/// stay legal without holding up the other meetings.
/// </summary>
public sealed class Chair(HttpClient http, string organizerKey)
{
    public const string Session = "2022-05-23-am";

    /// <summary>The meetings whose item is under consideration (the next move continues it), across warm-up and measurement.</summary>
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);

    private void Toggle(string meetingId)
    {
        if (!_open.Remove(meetingId))
        {
            _open.Add(meetingId);
        }
    }

    public const string Item = "opening";

    public Task<ChairedMeeting> CreateMeetingAsync(string definitionJson, CancellationToken cancellationToken) =>
        CreateMeetingAsync(definitionJson, Session, cancellationToken);

    /// <summary>Creates a meeting from <paramref name="definitionJson"/> and starts its sitting <paramref name="sitting"/> (off its day).</summary>
    public async Task<ChairedMeeting> CreateMeetingAsync(string definitionJson, string sitting, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/meetings")
        {
            Content = new StringContent(definitionJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", organizerKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating a meeting answered {(int)response.StatusCode}: {body}");
        }
        // Only the id and the chair key, named as the shared CreatedMeeting names them, and read tolerantly: the same
        // chair drives this build, the previous build (whose snapshot has fields this one dropped) and the bare hub
        // (which answers nothing else), and the shared record reads strictly.
        using var created = JsonDocument.Parse(body);
        var meeting = new ChairedMeeting(
            created.RootElement.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(nameof(CreatedMeeting.Id))).GetString()!,
            created.RootElement.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(nameof(CreatedMeeting.ChairKey))).GetString()!);
        var (_, failure) = await CommandAsync(meeting, $"api/meetings/{meeting.Id}/sessions/{sitting}/start?confirm=offDay", cancellationToken);
        return failure is null ? meeting : throw new InvalidOperationException($"Starting the sitting failed: {failure}");
    }

    /// <summary>Sends one command; returns the new version, or the failure.</summary>
    public async Task<(long Version, string? Failure)> CommandAsync(ChairedMeeting meeting, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", meeting.ChairKey);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (0, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(200, body.Length)]}");
            }
            using var json = JsonDocument.Parse(body);
            return (json.RootElement.GetProperty("version").GetInt64(), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (0, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Commands at <paramref name="perSecond"/> in all, round the meetings, for <paramref name="duration"/>; returns every
    /// command sent (awaited to its answer) and how many turns were skipped because the meeting was still busy.
    /// </summary>
    public async Task<(List<SentCommand> Sent, int Skipped)> DriveAsync(IReadOnlyList<ChairedMeeting> meetings, double perSecond,
        TimeSpan duration, CancellationToken cancellationToken)
    {
        var busy = new Task<SentCommand>?[meetings.Count];
        var all = new List<Task<SentCommand>>();
        var skipped = 0;
        var period = TimeSpan.FromSeconds(1 / perSecond);
        var start = Stopwatch.GetTimestamp();
        for (var turn = 0L; ; turn++)
        {
            var due = TimeSpan.FromTicks(period.Ticks * turn);
            if (due >= duration)
            {
                break;
            }
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var m = (int)(turn % meetings.Count);
            if (busy[m] is { IsCompleted: false })
            {
                skipped++;
                continue;
            }
            if (busy[m] is { } last && last.Result.Failure is not null)
            {
                Toggle(meetings[m].Id); // the move did not happen: try the same one again
            }
            var meeting = meetings[m];
            var action = _open.Contains(meeting.Id) ? "continue" : "open";
            Toggle(meeting.Id);
            var task = Send(m, meeting, $"api/meetings/{meeting.Id}/items/{Item}/{action}", cancellationToken);
            busy[m] = task;
            all.Add(task);
        }
        return ([.. await Task.WhenAll(all)], skipped);
    }

    private async Task<SentCommand> Send(int m, ChairedMeeting meeting, string path, CancellationToken cancellationToken)
    {
        var sentAt = Stopwatch.GetTimestamp();
        var (version, failure) = await CommandAsync(meeting, path, cancellationToken);
        return new SentCommand(m, sentAt, Stopwatch.GetTimestamp(), version, failure);
    }
}
