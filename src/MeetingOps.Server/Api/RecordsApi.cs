using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Records;
using MeetingOps.Grains;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// The records written from the audit log: the report's organization-of-work section (<c>/report</c>), the meeting
/// calendar (<c>/calendar.ics</c>) and, through <see cref="MeetingsApi"/>, the log as CSV. Rendering is the domain's
/// (MeetingOps.Domain.Records); this reads the snapshot and the log and answers.
/// </summary>
public static class RecordsApi
{
    public static RouteGroupBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{id}").WithTags("Records");
        group.MapGet("/report", Report)
            .WithSummary("The report's organization-of-work section, from the audit log: Markdown, or the facts with ?format=json.");
        group.MapGet("/calendar.ics", Calendar)
            .WithSummary("The sittings as an iCalendar file (venue time zone, stable UIDs, SEQUENCE raised by re-plans); ?body= for one body's sittings; ?lang=ar|zh|en|fr|ru|es for the viewer's language (titles in English where there is none in it).");
        return group;
    }

    public const string MarkdownType = "text/markdown; charset=utf-8";

    /// <summary>The snapshot and the log up to its version, read in that order so the log covers everything the snapshot shows.</summary>
    public static async Task<(MeetingView View, IReadOnlyList<LogEntry> Log)?> Read(IGrainFactory grains, GrainCalls calls, MeetingId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(calls);
        var meeting = grains.GetGrain<IMeetingGrain>(id);
        if (await calls.Read(meeting.GetSnapshot, cancellationToken) is not { } view
            || await calls.Read(() => meeting.GetLog(0), cancellationToken) is not { } log)
        {
            return null;
        }
        return (view, log.Where(e => e.Version <= view.Version).ToList());
    }

    private static async Task<Results<ContentHttpResult, Ok<MeetingReport>, ProblemHttpResult>> Report(
        MeetingId id, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken, string? format = null)
    {
        if (format is not (null or "markdown" or "json"))
        {
            return Problems.BadRequest($"?format= is markdown (the default) or json, not \"{format}\".", text: ServerPhrases.ReportFormat.With(("format", format)));
        }
        if (await Read(grains, calls, id, cancellationToken) is not { } read)
        {
            return Problems.NoMeeting(id);
        }
        var (view, log) = read;
        var report = await FloorApi.WithStatementsAsync(grains, calls, id, view, MeetingReports.Build(view, log), cancellationToken);
        return format == "json" ? TypedResults.Ok(report) : TypedResults.Text(ReportMarkdown.Write(report), MarkdownType, Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Calendar(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, [FromKeyedServices(Clocks.Meeting)] TimeProvider time,
        CancellationToken cancellationToken, string? body = null, string? lang = null)
    {
        if (lang is not null && !Domain.Definition.Languages.Official.Contains(lang, StringComparer.Ordinal))
        {
            return Problems.BadRequest($"?lang= is one of {string.Join(", ", Domain.Definition.Languages.Official)}, not \"{lang}\".",
                text: ServerPhrases.RequestLanguage.With(("found", lang), ("languages", Domain.Definition.Languages.Official)));
        }
        if (await Read(grains, calls, id, cancellationToken) is not { } read)
        {
            return Problems.NoMeeting(id);
        }
        var (view, log) = read;
        if (body is not null && view.Bodies.All(b => b.Id != body))
        {
            return Problems.NotFound($"This meeting has no body \"{body}\"; its bodies are {string.Join(", ", view.Bodies.Select(b => b.Id))}.",
                ServerPhrases.MeetingNoBody.With(("body", body), ("bodies", view.Bodies.Select(b => b.Id))));
        }
        var follow = PublicLinks.Follow(request, id);
        response.Headers.ContentDisposition = $"attachment; filename=\"meeting-{id}{(body is null ? "" : "-" + body)}.ics\"";
        return TypedResults.Text(MeetingCalendar.Write(view, log, body, time.GetUtcNow(), follow, lang), MeetingCalendar.ContentType, Encoding.UTF8);
    }

    /// <summary>The log as CSV, with a UTF-8 byte order mark so spreadsheet apps read names with accents right.</summary>
    public static ContentHttpResult LogCsv(string id, MeetingView view, IReadOnlyList<LogEntry> log, HttpResponse response, Func<string, string>? withFloor = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentDisposition = $"attachment; filename=\"meeting-{id}-log.csv\"";
        var csv = Domain.Records.LogCsv.Write(view, log);
        return TypedResults.Text("\uFEFF" + (withFloor is null ? csv : withFloor(csv)), Domain.Records.LogCsv.ContentType, Encoding.UTF8);
    }
}
