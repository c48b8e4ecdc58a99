using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Contracts;

// The REST API's answers that clients read back (created, imported, draft, schedule), in one place: the server writes
// them, the CLI and the tests read them with the same records.

/// <summary>Where a meeting's resources are.</summary>
public sealed record MeetingLinks(string Self, string Log, string Items, string Sessions);

/// <summary>A meeting created (<c>POST /api/meetings</c>, 201): its id, its chair key (shown this once), links and snapshot.</summary>
public sealed record CreatedMeeting(string Id, string ChairKey, MeetingLinks Links, MeetingView Meeting);

/// <summary>A meeting created from an agenda document: as <see cref="CreatedMeeting"/>, plus what the importer assumed.</summary>
public sealed record ImportedMeeting(string Id, string ChairKey, MeetingLinks Links, MeetingView Meeting, IReadOnlyList<ImportWarning> Warnings);

/// <summary>A dry run of an import: the definition the document gives, what the importer assumed, and what it could not find.</summary>
public sealed record ImportPreview(MeetingDefinition Definition, IReadOnlyList<ImportWarning> Warnings, IReadOnlyList<ImportGap> Gaps);

/// <summary>Where a draft's resources are.</summary>
public sealed record DraftLinks(string Self, string Definition, string Publish, string Secretariat);

/// <summary>A draft as stored: its id, status "draft", the chair key (shown this once), the definition with its gaps, the importer's warnings and what publishing would refuse.</summary>
public sealed record CreatedDraft(
    string Id, string Status, string ChairKey, DraftLinks Links, MeetingDefinition Definition,
    IReadOnlyList<ImportWarning> Warnings, IReadOnlyList<DefinitionProblem> Problems);

/// <summary>A draft published: now a meeting like any other.</summary>
public sealed record Published(string Id, string Status, MeetingLinks Links, MeetingView Meeting);

/// <summary>
/// What the schedule looks like (<c>GET /api/meetings/{id}/schedule</c>, and the answer to a schedule change): the plan,
/// what does not fit, the forecast and its warnings (the plan's own first: what is not yet placed, sittings the
/// interpretation quota shortens), and the items not yet placed in any sitting, in words.
/// </summary>
public sealed record ScheduleResponse(long Version, string TimeZone, Plan Plan, Forecast Forecast, Overflow Overflow, IReadOnlyList<ForecastWarning> Warnings,
    IReadOnlyList<NotYetPlaced>? NotYetPlaced = null)
{
    public static ScheduleResponse From(ScheduleView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Version, view.TimeZone, view.Plan, view.Forecast, view.Plan.Overflow,
            [.. view.Plan.Warnings ?? [], .. view.Forecast.Warnings], view.Plan.Overflow.Items.Select(o => new NotYetPlaced(o.ItemId, o.Minutes, "not yet placed")).ToList());
    }
}

/// <summary>An item, or the part of it, that no sitting takes under the plan: the participants' schedule lists it as "not yet placed".</summary>
public sealed record NotYetPlaced(string ItemId, int Minutes, string Status);
