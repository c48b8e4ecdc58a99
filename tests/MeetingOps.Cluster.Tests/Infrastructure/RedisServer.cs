using System.Diagnostics;
using System.Net.Sockets;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>
/// A real redis-server on a free loopback port, with its own data directory, the append-only file on and fsynced
/// on every write (appendfsync always): what the hosts acknowledged is on disk. It can be stopped and started again
/// on the same port and data.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly OutputLog _log;
    private Process? _process;

    private RedisServer(string directory, int port, OutputLog log)
    {
        Directory = directory;
        Port = port;
        _log = log;
    }

    public string Directory { get; }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(string directory, OutputLog log)
    {
        System.IO.Directory.CreateDirectory(directory);
        var redis = new RedisServer(directory, FreePorts.Take(1)[0], log);
        await redis.StartAsync();
        return redis;
    }

    public async Task StartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed (apt-get install -y redis-server; .ci/run installs it).");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var argument in new[]
                 {
                     "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", Directory,
                     "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => _log.Append("redis", e.Data);
        process.ErrorDataReceived += (_, e) => _log.Append("redis", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port} within 15 s.\n{_log.Tail()}");
            }
            await Task.Delay(50); // bounded: until redis-server answers PING
        }
    }

    /// <summary>A graceful stop (SIGTERM): Redis closes its files and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            ChildProcesses.Terminate(process.Id);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Whether Redis answers PING (raw RESP, no client library needed).</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return read >= 5 && System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await ChildProcesses.KillAsync(_process);
}
