using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Import;
using MeetingOps.Import.Files;

namespace MeetingOps.Cli;

/// <summary>
/// <c>meetingops import &lt;file&gt; [--server URL --key KEY] [--dry-run]</c>: imports an annotated provisional agenda,
/// as text or as the .docx or PDF file it was issued in (told apart by the file's first bytes).
/// Without <c>--server</c> it prints the meeting definition as JSON (stdout) and the warnings (stderr); with it, it
/// sends the text to the server's import endpoint and prints the created meeting's id and chair key.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;

    public const string KeyVariable = "MEETINGOPS_ORGANIZER_KEY";

    private const string Help = """
        Usage:
          meetingops import <file|-> [--dry-run]
              Import the agenda in <file> (or stdin for "-"): UTF-8 text, a Word document (.docx) or a PDF
              with a text layer, told apart by the first bytes. Print the meeting definition JSON
              on stdout and the importer's warnings on stderr. Nothing is sent anywhere.
          meetingops import <file|-> --server <url> [--key <organizer key>] [--dry-run]
              Send the text to the running server (POST <url>/api/meetings/import) and create the meeting;
              prints its id and chair key. With --dry-run the server imports without creating anything and
              the definition JSON is printed. The key may also come from the MEETINGOPS_ORGANIZER_KEY variable.

          meetingops plan <definition.json> --hybrid all [--cap <minutes>]
              Print, as Markdown, what each re-plan strategy makes of the meeting when every session goes hybrid.

        """ + StoreCommands.Help + """


        Exit codes: 0 done, 1 import failed or refused (backup, restore, verify: failed, refused or damaged), 2 usage error,
        3 file or server unreachable.
        """;

    /// <summary>The MeetingOps conventions, indented, without the nulls of fields the document did not give.</summary>
    private static readonly JsonSerializerOptions Indented = new(MeetingOpsJson.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Help);
            return args.Length == 0 ? Usage : Ok;
        }
        if (args[0] == "plan")
        {
            return await PlanCommand.RunAsync(args, stdout, stderr);
        }
        switch (args[0])
        {
            case "backup":
                return await StoreCommands.BackupAsync(args, stdout, stderr);
            case "restore":
                return await StoreCommands.RestoreAsync(args, stdout, stderr);
            case "verify":
                return await StoreCommands.VerifyAsync(args, stdout, stderr);
        }
        if (args[0] != "import")
        {
            await stderr.WriteLineAsync($"error: unknown command \"{args[0]}\".\n\n{Help}");
            return Usage;
        }
        string? file = null, server = null, key = null;
        var dryRun = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--server" when i + 1 < args.Length:
                    server = args[++i];
                    break;
                case "--key" when i + 1 < args.Length:
                    key = args[++i];
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "-h" or "--help":
                    await stdout.WriteLineAsync(Help);
                    return Ok;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    await stderr.WriteLineAsync($"error: unknown or incomplete option \"{a}\".\n\n{Help}");
                    return Usage;
                default:
                    if (file is not null)
                    {
                        await stderr.WriteLineAsync($"error: one file at a time (\"{file}\" and \"{args[i]}\").");
                        return Usage;
                    }
                    file = args[i];
                    break;
            }
        }
        if (file is null)
        {
            await stderr.WriteLineAsync($"error: which file? \n\n{Help}");
            return Usage;
        }
        var (text, readError) = await ReadAsync(file, cancellationToken);
        if (text is null)
        {
            await stderr.WriteLineAsync($"error: {readError}");
            return readError!.Contains("larger than", StringComparison.Ordinal) ? Failed : Unreachable;
        }
        var format = AgendaFiles.Detect(text);
        if (format == AgendaFileFormat.Text && text.Length > AgendaImporter.MaxInputBytes)
        {
            await stderr.WriteLineAsync($"error: {file} is {text.Length:N0} bytes of text, larger than {AgendaImporter.MaxInputBytes:N0} bytes, the most the importer accepts.");
            return Failed;
        }
        if (server is null)
        {
            if (format != AgendaFileFormat.Text)
            {
                // The same extraction the server runs, so a file previewed here imports there to the same meeting.
                var extracted = AgendaFiles.Extract(text, format);
                if (extracted.Problem is { } unreadable)
                {
                    await stderr.WriteLineAsync($"error: {file}: {unreadable.Message}");
                    return Failed;
                }
                text = Encoding.UTF8.GetBytes(extracted.Text!);
            }
            return await ImportLocallyAsync(text, stdout, stderr);
        }
        key ??= Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            await stderr.WriteLineAsync($"error: --server needs the organizer key: --key <key>, or the {KeyVariable} environment variable.");
            return Usage;
        }
        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync($"error: --server must be an http(s) address such as http://127.0.0.1:5080, not \"{server}\".");
            return Usage;
        }
        return await ImportOnServerAsync(text, format, baseUri, key.Trim(), dryRun, stdout, stderr, handler, cancellationToken);
    }

    private static async Task<(byte[]? Text, string? Error)> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            if (file == "-")
            {
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                var chunk = new byte[64 * 1024];
                int read;
                while ((read = await stdin.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > AgendaFiles.MaxFileBytes)
                    {
                        return (null, $"the input is larger than {AgendaFiles.MaxFileBytes:N0} bytes, the most the importer accepts.");
                    }
                    buffer.Write(chunk, 0, read);
                }
                return (buffer.ToArray(), null);
            }
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return (null, $"no such file: {file}");
            }
            if (info.Length > AgendaFiles.MaxFileBytes)
            {
                return (null, $"{file} is {info.Length:N0} bytes, larger than {AgendaFiles.MaxFileBytes:N0} bytes, the most the importer accepts (a .docx or PDF; text: {AgendaImporter.MaxInputBytes:N0}).");
            }
            return (await File.ReadAllBytesAsync(file, cancellationToken), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, $"cannot read {file}: {e.Message}");
        }
    }

    private static async Task<int> ImportLocallyAsync(byte[] text, TextWriter stdout, TextWriter stderr)
    {
        var result = AgendaImporter.Import(text);
        foreach (var warning in result.Warnings)
        {
            await stderr.WriteLineAsync($"warning: {warning}");
        }
        foreach (var error in result.Errors)
        {
            await stderr.WriteLineAsync($"error: {error}");
        }
        if (result.Definition is null)
        {
            return Failed;
        }
        await stdout.WriteLineAsync(JsonSerializer.Serialize(result.Definition, Indented));
        await stderr.WriteLineAsync($"{result.Definition.Items.Count} item(s), {result.Definition.Sessions.Count} session(s), {result.Warnings.Count} warning(s).");
        return Ok;
    }

    private static async Task<int> ImportOnServerAsync(byte[] text, AgendaFileFormat format, Uri server, string key, bool dryRun, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromSeconds(60);
        var address = new Uri(server, "/api/meetings/import" + (dryRun ? "?dryRun=true" : ""));
        using var request = new HttpRequestMessage(HttpMethod.Post, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Content = new ByteArrayContent(text);
        request.Content.Headers.ContentType = format switch
        {
            AgendaFileFormat.Word => new MediaTypeHeaderValue(AgendaFiles.WordMediaType),
            AgendaFileFormat.Pdf => new MediaTypeHeaderValue(AgendaFiles.PdfMediaType),
            _ => new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" },
        };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await stderr.WriteLineAsync($"error: cannot reach the server at {server}: {e.Message}");
            return Unreachable;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonDocument? json = null;
            try
            {
                json = body.Length > 0 ? JsonDocument.Parse(body) : null;
            }
            catch (JsonException)
            {
            }
            using (json)
            {
                if (!response.IsSuccessStatusCode)
                {
                    await WriteProblemAsync(response.StatusCode, json, body, stderr);
                    return response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout ? Unreachable : Failed;
                }
                if (json is null)
                {
                    await stderr.WriteLineAsync($"error: the server answered {(int)response.StatusCode} without a JSON body.");
                    return Failed;
                }
                // The answer read as the server's own records (MeetingOps.Contracts): a dry run's preview, a draft (an
                // agenda with gaps), or the meeting created.
                var root = json.RootElement;
                IReadOnlyList<ImportWarning> warnings;
                string? id = null, chairKey = null;
                try
                {
                    if (dryRun)
                    {
                        warnings = root.Deserialize<ImportPreview>(MeetingOpsJson.Options)?.Warnings ?? [];
                    }
                    else if (root.TryGetProperty("status", out var status) && status.ValueEquals("draft"))
                    {
                        var draft = root.Deserialize<CreatedDraft>(MeetingOpsJson.Options);
                        (id, chairKey, warnings) = (draft?.Id, draft?.ChairKey, draft?.Warnings ?? []);
                    }
                    else
                    {
                        var created = root.Deserialize<ImportedMeeting>(MeetingOpsJson.Options);
                        (id, chairKey, warnings) = (created?.Id, created?.ChairKey, created?.Warnings ?? []);
                    }
                }
                catch (JsonException e)
                {
                    await stderr.WriteLineAsync($"error: the server answered {(int)response.StatusCode} with JSON that is not an import answer: {e.Message}");
                    return Failed;
                }
                foreach (var w in warnings)
                {
                    await stderr.WriteLineAsync(w.Line > 0 ? $"warning: line {w.Line}: {w.Message}" : $"warning: {w.Message}");
                }
                if (dryRun)
                {
                    if (root.TryGetProperty("definition", out var definition))
                    {
                        // As the server wrote it, indented: the definition exactly as it would be created.
                        await stdout.WriteLineAsync(JsonSerializer.Serialize(definition, Indented));
                    }
                    return Ok;
                }
                await stdout.WriteLineAsync($"id: {id}");
                await stdout.WriteLineAsync($"chairKey: {chairKey}");
                if (response.Headers.Location is { } location)
                {
                    await stdout.WriteLineAsync($"location: {new Uri(server, location)}");
                }
                await stderr.WriteLineAsync("The chair key is shown this once; keep it.");
                return Ok;
            }
        }
    }

    private static async Task WriteProblemAsync(HttpStatusCode status, JsonDocument? json, string body, TextWriter stderr)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInvariant($"error: the server refused the import ({(int)status} {status})"));
        if (json?.RootElement is { ValueKind: JsonValueKind.Object } problem)
        {
            if (problem.TryGetProperty("title", out var title))
            {
                sb.Append(": ").Append(title.GetString());
            }
            if (problem.TryGetProperty("detail", out var detail))
            {
                sb.Append(". ").Append(detail.GetString());
            }
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in errors.EnumerateArray())
                {
                    var line = e.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
                    var message = e.TryGetProperty("message", out var m) ? m.GetString() : e.ToString();
                    var path = e.TryGetProperty("path", out var p) ? p.GetString() + ": " : "";
                    sb.AppendLine().Append(line > 0 ? $"  line {line}: {message}" : $"  {path}{message}");
                }
            }
        }
        else if (body.Length > 0)
        {
            sb.Append(": ").Append(body.Length > 500 ? body[..500] : body);
        }
        await stderr.WriteLineAsync(sb.ToString());
    }

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);
}
