using MeetingOps.Contracts;
using MeetingOps.Server.Api;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// A hub call for a meeting whose stored state is damaged is answered as REST answers it (<see cref="DamagedAnswer"/>):
/// the reply names the meeting and says what the operator must do, and retrying will not help. A meeting the store
/// already knows damaged is answered here, before the call reaches Orleans: each activation attempt would read the row
/// again and have Orleans log several errors with stack traces, so a console retrying over the hub would fill the log.
/// The first call that meets the damage is caught on its way back, logged once, and answered the same way (not thrown
/// on to SignalR, which would log every such call as an error).
/// </summary>
public sealed class HubDamagedMeeting(IServiceProvider services) : IHubFilter
{
    public const string ProblemType = "urn:meetingops:problem:damaged";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        // Unfollow only leaves a group: it never reads the meeting, so it is let through.
        var meetingId = method == nameof(MeetingHub.Unfollow) ? null : MeetingIdOf(invocationContext.HubMethodArguments);
        if (meetingId is not null && DamagedAnswer.KnownDamagedRow(services, meetingId) is { } row)
        {
            return Answer(method, meetingId, row);
        }
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (DamagedAnswer.Find(e) is { } damaged)
        {
            services.GetServices<IExceptionHandler>().OfType<DamagedAnswer>().FirstOrDefault()?.LogOnce(damaged);
            var (damagedMeeting, damagedRow) = DamagedAnswer.Describe(damaged);
            return Answer(method, damagedMeeting, damagedRow);
        }
        catch (Exception e) when (meetingId is not null
            && services.GetServices<IExceptionHandler>().OfType<DamagedAnswer>().FirstOrDefault()?.RecognizeStoredDamage(e, meetingId) is { } redisRow)
        {
            return Answer(method, meetingId, redisRow); // cluster mode: the meeting's value in Redis does not read
        }
    }

    /// <summary>A command gets a refusal (a reply, like any other); a follow, whose answer is a snapshot, gets a HubException with the same words.</summary>
    private static CommandReply Answer(string method, string meetingId, string row)
    {
        var detail = DamagedAnswer.Detail(meetingId, row);
        if (!MeetingHub.IsCommand(method))
        {
            throw new HubException(detail);
        }
        return CommandReply.Refused(new CommandProblem(ProblemType, "Stored meeting damaged", StatusCodes.Status500InternalServerError, detail));
    }

    /// <summary>Every hub method that reads a meeting takes its id first, as a string or inside its request record (<see cref="ChairCommand"/>, <see cref="UndoRequest"/>).</summary>
    private static string? MeetingIdOf(IReadOnlyList<object?> arguments) => arguments.Count == 0 ? null : arguments[0] switch
    {
        string id when Domain.MeetingId.IsValid(id) => id,
        ChairCommand { MeetingId: { } id } when Domain.MeetingId.IsValid(id) => id,
        UndoRequest { MeetingId: { } id } when Domain.MeetingId.IsValid(id) => id,
        _ => null,
    };
}
