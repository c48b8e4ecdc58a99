using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Server.Live;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Limits;

/// <summary>
/// Hub calls counted per client address across all its connections (so 500 connections are not 500 allowances), and a
/// chair's command also against the address's command and failed-key limits shared with REST. A refused command is
/// answered as a <see cref="CommandReply"/> with a 429 problem, like any other refusal: not thrown, so nothing logs it as
/// an error. Only a refused follow must be thrown (its answer is a snapshot); the dispatcher logs that at Debug.
/// </summary>
public sealed class HubClientLimit(ClientLimits limits) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (!limits.Options.Enabled)
        {
            return await next(invocationContext);
        }
        var address = ClientLimits.AddressOf(invocationContext.Context.GetHttpContext()?.Connection.RemoteIpAddress);
        var isCommand = MeetingHub.IsCommand(invocationContext.HubMethodName);
        using (var lease = limits.HubCall(address))
        {
            if (!lease.IsAcquired)
            {
                return Refuse(LimitKind.HubCalls, address, ClientLimits.RetryAfter(lease, LimitKind.HubCalls), isCommand);
            }
        }
        if (!isCommand)
        {
            return await next(invocationContext);
        }
        if (limits.KeyFailuresExhausted(address))
        {
            return Refuse(LimitKind.KeyFailures, address, TimeSpan.FromSeconds(Math.Ceiling(60.0 / limits.Options.KeyFailuresPerMinute)), true);
        }
        using (var lease = limits.Command(address))
        {
            if (!lease.IsAcquired)
            {
                return Refuse(LimitKind.Commands, address, ClientLimits.RetryAfter(lease, LimitKind.Commands), true);
            }
        }
        var result = await next(invocationContext);
        if (result is CommandReply { Problem.Status: StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden })
        {
            limits.KeyFailed(address);
        }
        return result;
    }

    private CommandReply Refuse(LimitKind kind, string address, TimeSpan retryAfter, bool isCommand)
    {
        limits.Refused(kind, address);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var detail = ClientLimitMiddleware.Detail(kind, seconds);
        if (!isCommand)
        {
            throw new HubException(detail);
        }
        return TooMany(detail, ClientLimitMiddleware.Text(kind, seconds));
    }

    public static CommandReply TooMany(string detail, ServerText text) =>
        CommandReply.Refused(new CommandProblem("urn:meetingops:problem:too-many-requests", "Too many requests", StatusCodes.Status429TooManyRequests, detail,
            Text: text));
}
