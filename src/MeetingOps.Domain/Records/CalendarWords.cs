using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Records;

/// <summary>
/// The calendar's few fixed words in each official language (<c>calendar.ics?lang=fr</c>): a participant's calendar
/// shows the sittings in their language, with item titles and body names in it where the definition has them and in
/// English otherwise. The report and the log stay in English; this is the one record written in other languages.
/// </summary>
public sealed record CalendarWords(
    string Language,
    string JointOf,
    string Item,
    string Items,
    string And,
    string MeetingOf,
    string JointMeetingOf,
    string JointJoiner,
    string InPerson,
    string Hybrid,
    string Online,
    string CappedAt,
    string NoItems,
    string PlannedItems,
    string Continued,
    string FollowLive)
{
    public static CalendarWords English { get; } = new("en", "Joint meeting of ", "item", "items", " and ", "Meeting of the {0}", "Joint meeting of the {0}", " and the ",
        "In person", "Hybrid", "Online", ", capped at {0} minutes", "No items planned yet.", "Planned items:", " (continued)", "Follow the meeting live: ");

    private static readonly Dictionary<string, CalendarWords> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = English,
        ["fr"] = new("fr", "Séance commune : ", "point", "points", " et ", "Séance : {0}", "Séance commune : {0}", " ; ",
            "En présentiel", "Hybride", "En ligne", ", limitée à {0} minutes", "Aucun point n’est encore prévu.", "Points prévus :", " (suite)", "Suivre la réunion en direct : "),
        ["es"] = new("es", "Sesión conjunta: ", "tema", "temas", " y ", "Sesión: {0}", "Sesión conjunta: {0}", "; ",
            "Presencial", "Híbrida", "En línea", ", limitada a {0} minutos", "Todavía no hay temas previstos.", "Temas previstos:", " (continuación)", "Seguir la reunión en directo: "),
        ["ru"] = new("ru", "Совместное заседание: ", "пункт", "пункты", " и ", "Заседание: {0}", "Совместное заседание: {0}", "; ",
            "Очное", "Гибридное", "Онлайн", ", не более {0} минут", "Пункты пока не запланированы.", "Запланированные пункты:", " (продолжение)", "Следить за совещанием в прямом эфире: "),
        ["ar"] = new("ar", "جلسة مشتركة: ", "البند", "البنود", " و", "جلسة: {0}", "جلسة مشتركة: {0}", "؛ ",
            "حضورية", "مختلطة", "عبر الإنترنت", "، بحد أقصى {0} دقيقة", "لم تُقرر بنود بعد.", "البنود المقررة:", " (تابع)", "تابع الاجتماع مباشرة: "),
        ["zh"] = new("zh", "联合会议：", "议程项目", "议程项目", "和", "会议：{0}", "联合会议：{0}", "；",
            "现场", "混合", "线上", "，时限 {0} 分钟", "尚未安排议程项目。", "安排的议程项目：", "（续）", "实时跟踪会议："),
    };

    /// <summary>The words for a language code; English for null or a code that is not one of the six.</summary>
    public static CalendarWords For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var words) ? words : English;

    public bool IsEnglish => Language == Languages.English;

    public string List(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(Language == "zh" ? "、" : ", ", parts.Take(parts.Count - 1)) + And + parts[^1],
    };

    /// <summary>An item's title in this language, else the English.</summary>
    public string Title(ItemView item) => !IsEnglish && item.Titles is { } titles && titles.TryGetValue(Language, out var title) ? title : item.Title;

    /// <summary>A body's name in this language, else the English.</summary>
    public string Name(BodyView body) => !IsEnglish && body.Names is { } names && names.TryGetValue(Language, out var name) ? name : body.Name;
}
