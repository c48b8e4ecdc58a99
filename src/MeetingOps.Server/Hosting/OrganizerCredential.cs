using MeetingOps.Grains;
using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// The organizer key: from configuration when set; otherwise generated at first start, kept in the data
/// directory (readable by its owner only) and printed in the log that once, so the secretariat can copy it.
/// </summary>
public sealed partial class OrganizerCredential : IOrganizerCredential
{
    public const string FileName = "organizer.key";

    private readonly string _key;

    public OrganizerCredential(IOptions<MeetingOpsOptions> options, ILogger<OrganizerCredential> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.OrganizerKey?.Trim();
        if (!string.IsNullOrEmpty(configured))
        {
            _key = configured;
            return;
        }
        var path = Path.Combine(options.Value.DataDirectoryFullPath, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= MeetingOpsOptions.MinOrganizerKeyLength } stored)
        {
            _key = stored;
            return;
        }
        _key = Keys.NewKey();
        Directory.CreateDirectory(options.Value.DataDirectoryFullPath);
        File.WriteAllText(path, _key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        LogGenerated(logger, _key, path);
    }

    public bool Matches(string? presentedKey) => Keys.Equal(presentedKey, _key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MeetingOps:OrganizerKey configured; generated organizer key {OrganizerKey} (kept in {Path}). It is shown this once.")]
    private static partial void LogGenerated(ILogger logger, string organizerKey, string path);
}
