namespace MeetingOps.Server.Tests.Infrastructure;

/// <summary>One server for the contract tests; each test makes its own meeting on it.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The shared server is not started.");

    public MeetingOpsApi Api => new(Server);

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedServerCollection : ICollectionFixture<SharedServer>
{
    public const string Name = "MeetingOps server (shared)";
}
