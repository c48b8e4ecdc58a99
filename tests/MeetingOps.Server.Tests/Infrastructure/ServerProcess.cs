using MeetingOps.Tests.Shared;
using System.Diagnostics;

namespace MeetingOps.Server.Tests.Infrastructure;

/// <summary>
/// The host suite's server: the one launcher (<see cref="ServerLauncher"/>) in the Development environment with the
/// client limits raised, new loopback ports on every start, and an HTTP client for the current run.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The organizer key the servers are started with unless a test says otherwise (32 characters).</summary>
    public const string TestOrganizerKey = "test-organizer-key-0123456789abc";

    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly ServerLauncher _launcher;
    private HttpClient? _client;

    private ServerProcess(ServerLauncher launcher) => _launcher = launcher;

    /// <summary>The data directory (absolute), kept across restarts.</summary>
    public string DataDirectory => _launcher.DataDirectory!;

    /// <summary>The organizer key given in the environment, or null when the server generates its own.</summary>
    public string? OrganizerKey => _launcher.Settings.OrganizerKey;

    public Uri BaseAddress => _launcher.BaseAddress;

    public int HttpPort => _launcher.HttpPort;

    /// <summary>A client for the current process (a restart makes a new one: the ports change).</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The server has not been started.");

    public Process Process => _launcher.Process;

    public bool HasExited => _launcher.HasExited;

    /// <summary>Everything the server wrote to stdout and stderr, over all its runs.</summary>
    public string Output => _launcher.Output;

    /// <summary>Starts a server on a fresh temporary data directory and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string? organizerKey = TestOrganizerKey, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var server = Launch(organizerKey, extraEnvironment);
        try
        {
            await server.WaitReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a server without waiting for it to be ready (for a server expected to refuse to start).
    /// <paramref name="organizerKey"/> null leaves MeetingOps__OrganizerKey unset; <paramref name="extraEnvironment"/>
    /// is set last, over the defaults; <paramref name="workingDirectory"/> is where the server is started from.
    /// </summary>
    public static ServerProcess Launch(
        string? organizerKey = TestOrganizerKey, IReadOnlyDictionary<string, string>? extraEnvironment = null, string? workingDirectory = null)
    {
        var server = new ServerProcess(new ServerLauncher(new ServerSettings
        {
            OrganizerKey = organizerKey,
            NewPortsOnRestart = true,
            WorkingDirectory = workingDirectory,
            Variables = extraEnvironment ?? new Dictionary<string, string>(),
        }));
        server.StartProcess();
        return server;
    }

    /// <summary>Kills the whole process tree at once: SIGKILL on Linux, no shutdown, no flushing.</summary>
    public void KillHard() => _launcher.KillHard();

    /// <summary>Kills the current process if it still runs, then starts a new one on the same data directory and waits until it is ready.</summary>
    public async Task RestartAsync()
    {
        Relaunch();
        await WaitReadyAsync();
    }

    /// <summary>Kills the current process if it still runs and starts a new one on the same data directory, without waiting (for a start expected to be refused).</summary>
    public void Relaunch()
    {
        KillHard();
        StartProcess();
    }

    public Task WaitReadyAsync(TimeSpan? timeout = null) => _launcher.WaitReadyAsync(timeout ?? ReadyTimeout);

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _launcher.WaitForExitAsync(timeout);

    /// <summary>The command line, data directory and captured output, for failure messages.</summary>
    public string Describe() => _launcher.Describe();

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        await _launcher.DisposeAsync();
    }

    private void StartProcess()
    {
        _launcher.Start();
        _client?.Dispose();
        _client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
