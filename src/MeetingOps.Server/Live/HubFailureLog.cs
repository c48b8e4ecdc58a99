using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// The hub's own log of failed calls, in place of SignalR's dispatcher, which logs every exception a hub method throws
/// at Error with its stack trace, HubExceptions included. A HubException is a refusal already answered to the caller in
/// words (no such meeting, too many calls, a damaged meeting): anyone outside can cause as many as they like, so it is
/// logged at Debug only. Anything else is a defect and is logged at Error, as the dispatcher would. The dispatcher's
/// category is set to Critical in <see cref="LiveSetup"/>, so each failure is logged once, here.
/// </summary>
public sealed partial class HubFailureLog(ILogger<HubFailureLog> logger) : IHubFilter
{
    /// <summary>SignalR's dispatcher, whose per-call Error log this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException e)
        {
            LogRefused(invocationContext.HubMethodName, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(invocationContext.HubMethodName, e);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            LogFailed("OnConnectedAsync", e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub call {Method} refused: {Reason}")]
    private partial void LogRefused(string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {Method} failed.")]
    private partial void LogFailed(string method, Exception exception);
}
