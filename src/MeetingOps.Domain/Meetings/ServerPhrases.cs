using System.Reflection;

namespace MeetingOps.Domain;

/// <summary>
/// Every phrase the server says to the chair's, the secretariat's and the participants' pages, by code. The pages
/// translate a code through their catalogues (<c>server.&lt;code&gt;</c>) and fill its arguments the way their
/// names say: <c>item</c>, <c>current</c> an agenda item's id (shown as the item's label); <c>session</c>,
/// <c>busy</c>, <c>requested</c> a session's id; <c>status</c> an item's status, <c>sessionStatus</c> a sitting's;
/// <c>bodies</c>, <c>sessions</c> ids joined by commas (shown as a list); <c>body</c> a body's id; <c>*Minutes</c>
/// minutes; <c>count</c> a number that chooses the plural form; <c>planned</c>, <c>today</c> a date; <c>at</c>,
/// <c>when</c> an instant (shown in the venue's time); <c>version</c>, <c>latest</c> a version; <c>action</c> a word.
/// </summary>
public static class ServerPhrases
{
    // What an agenda item may not do from where it stands (ItemStateMachine).
    public static readonly ServerPhrase ItemAlreadyOpen = new("item.alreadyOpen", "item");
    public static readonly ServerPhrase ItemWasClosed = new("item.wasClosed", "item", "status");
    public static readonly ServerPhrase ItemWasDeferred = new("item.wasDeferred", "item");
    public static readonly ServerPhrase ItemContinueNotOpen = new("item.continueNotOpen", "item", "status");
    public static readonly ServerPhrase ItemConcludeNotOpen = new("item.concludeNotOpen", "item", "status");
    public static readonly ServerPhrase ItemNothingToAdopt = new("item.nothingToAdopt", "item");
    public static readonly ServerPhrase ItemAdoptNotOpen = new("item.adoptNotOpen", "item", "status");
    public static readonly ServerPhrase ItemAlreadyDeferred = new("item.alreadyDeferred", "item");
    public static readonly ServerPhrase ItemCannotDefer = new("item.cannotDefer", "item", "status");
    public static readonly ServerPhrase ItemReopenNotClosed = new("item.reopenNotClosed", "item", "status");
    public static readonly ServerPhrase UnknownAction = new("command.unknownAction", "action");
    public static readonly ServerPhrase UnknownCommand = new("command.unknown");

    // Where an item can be taken up (MeetingRules).
    public static readonly ServerPhrase NoSuchItem = new("item.notFound", "id");
    public static readonly ServerPhrase NoSuchSession = new("session.notFound", "id");
    public static readonly ServerPhrase ItemSittingNotInProgress = new("item.sittingNotInProgress", "item", "session", "sessionStatus");
    public static readonly ServerPhrase ItemBodiesNotSitting = new("item.bodiesNotSitting", "item", "bodies", "session");
    public static readonly ServerPhrase ItemJointNoSitting = new("item.jointNoSitting", "item", "bodies");
    public static readonly ServerPhrase ItemNoSitting = new("item.noSitting", "item", "bodies");
    public static readonly ServerPhrase ItemWhichSitting = new("item.whichSitting", "item", "sessions");
    public static readonly ServerPhrase ItemOtherUnderConsideration = new("item.otherUnderConsideration", "item", "current", "session");
    public static readonly ServerPhrase ItemOpenInOtherSession = new("item.openInOtherSession", "session", "requested");

    // What a sitting may not do (SessionStateMachine, MeetingRules).
    public static readonly ServerPhrase SessionCannotStart = new("session.cannotStart", "session", "sessionStatus");
    public static readonly ServerPhrase SessionSuspendNotInProgress = new("session.suspendNotInProgress", "session", "sessionStatus");
    public static readonly ServerPhrase SessionResumeNotSuspended = new("session.resumeNotSuspended", "session", "sessionStatus");
    public static readonly ServerPhrase SessionCannotEnd = new("session.cannotEnd", "session", "sessionStatus");
    public static readonly ServerPhrase SessionBodySitting = new("session.bodySitting", "body", "busy", "session");
    public static readonly ServerPhrase SessionOffDay = new("session.offDay", "session", "planned", "today");
    public static readonly ServerPhrase SessionNoCap = new("session.noCap", "session");
    public static readonly ServerPhrase ExtensionRange = new("extension.range", "maxMinutes");
    public static readonly ServerPhrase ExtensionNotSitting = new("extension.notSitting");
    public static readonly ServerPhrase ExtensionTooMuch = new("extension.tooMuch", "givenMinutes", "maxMinutes");

    // Undo (Corrections): why not, and what it would undo.
    public static readonly ServerPhrase UndoNothing = new("undo.nothing");
    public static readonly ServerPhrase UndoNoSuchVersion = new("undo.noSuchVersion", "version");
    public static readonly ServerPhrase UndoIsUndo = new("undo.isUndo", "version");
    public static readonly ServerPhrase UndoAlreadyUndone = new("undo.alreadyUndone", "version");
    public static readonly ServerPhrase UndoSchedule = new("undo.schedule", "version");
    public static readonly ServerPhrase UndoNotLatest = new("undo.notLatest", "version", "latest");
    public static readonly ServerPhrase UndoSittingSince = new("undo.sittingSince", "busy", "body", "session");
    public static readonly ServerPhrase UndoOpen = new("undo.open", "item", "session");
    public static readonly ServerPhrase UndoContinue = new("undo.continue", "item", "session");
    public static readonly ServerPhrase UndoConclude = new("undo.conclude", "item", "session");
    public static readonly ServerPhrase UndoAdopt = new("undo.adopt", "item", "session");
    public static readonly ServerPhrase UndoDefer = new("undo.defer", "item", "session");
    public static readonly ServerPhrase UndoDeferOutside = new("undo.deferOutside", "item");
    public static readonly ServerPhrase UndoReopen = new("undo.reopen", "item", "session");
    public static readonly ServerPhrase UndoStart = new("undo.start", "session");
    public static readonly ServerPhrase UndoSuspend = new("undo.suspend", "session");
    public static readonly ServerPhrase UndoResume = new("undo.resume", "session");
    public static readonly ServerPhrase UndoEnd = new("undo.end", "session");
    public static readonly ServerPhrase UndoEndAtCap = new("undo.endAtCap", "session");

    // The planner's and the forecast's warnings (Forecaster, PlanProposal).
    public static readonly ServerPhrase WarnContinuesAfterCap = new("plan.continuesAfterCap", "item", "when");
    public static readonly ServerPhrase WarnContinuesNowhere = new("plan.continuesNowhere", "item", "bodies");
    public static readonly ServerPhrase WarnMovesAfterCap = new("plan.movesAfterCap", "item", "session", "when");
    public static readonly ServerPhrase WarnMovesNowhere = new("plan.movesNowhere", "item", "session", "bodies");
    public static readonly ServerPhrase WarnRunsOver = new("plan.runsOver", "session", "at", "overMinutes", "end");
    public static readonly ServerPhrase WarnNotFinishing = new("plan.notFinishing", "item", "bodies");
    public static readonly ServerPhrase WarnCapReached = new("plan.capReached", "session", "capMinutes", "at");
    public static readonly ServerPhrase WarnCapApproaching = new("plan.capApproaching", "session", "capMinutes", "at", "count");
    public static readonly ServerPhrase WarnOverItsTime = new("plan.overItsTime", "item", "overMinutes", "plannedMinutes");
    public static readonly ServerPhrase WarnNoTimeLeft = new("plan.noTimeLeft", "item", "plannedMinutes");
    public static readonly ServerPhrase WarnNotPlaced = new("plan.notPlaced", "totalMinutes", "items");
    public static readonly ServerPhrase WarnQuotaNone = new("plan.quotaNone", "session");
    public static readonly ServerPhrase WarnQuotaShortened = new("plan.quotaShortened", "session", "availableMinutes", "plannedMinutes");

    // The importer and the translation import (AgendaImporter and its readers, TranslationImporter, the .docx and PDF readers):
    // what the importer assumed or left out, and why a document or a translation was refused. Arguments: line, first a line
    // number; number, previous, parent, last, target, taken an item number as the document prints it; body, targetBody a body's
    // name (or id); text, venue a quoted fragment of the source, shown as it is; from, to, day a date; dateTime a sitting's local
    // date and time; time, ends a time of day (HH:mm, or a range); weekday, claimed a day of the week (0 = Sunday); language a
    // language code; symbol, symbols document symbols; size, limit, max, layout, pages, parts numbers; reason a library's own words.
    public static readonly ServerPhrase ImportNumberingOnly = new("import.numberingOnly", "count");
    public static readonly ServerPhrase ImportNumberingOnlyAgainst = new("import.numberingOnlyAgainst", "count", "layout");
    public static readonly ServerPhrase ImportBodyNoItems = new("import.bodyNoItems", "body");
    public static readonly ServerPhrase ImportDatesFromWork = new("import.datesFromWork", "from", "to");
    public static readonly ServerPhrase ImportNoDates = new("import.noDates");
    public static readonly ServerPhrase ImportNoVenue = new("import.noVenue");
    public static readonly ServerPhrase ImportGapVenue = new("import.gapVenue");
    public static readonly ServerPhrase ImportTimeZoneUnknown = new("import.timeZoneUnknown", "venue");
    public static readonly ServerPhrase ImportGapTimeZone = new("import.gapTimeZone", "venue");
    public static readonly ServerPhrase ImportNoWork = new("import.noWork");
    public static readonly ServerPhrase ImportGapSittings = new("import.gapSittings");
    public static readonly ServerPhrase ImportNoSittingRead = new("import.noSittingRead");
    public static readonly ServerPhrase ImportGapNoSittingRead = new("import.gapNoSittingRead");
    public static readonly ServerPhrase ImportControlCharacters = new("import.controlCharacters", "count");
    public static readonly ServerPhrase ImportBodyNoSymbol = new("import.bodyNoSymbol", "body", "id");
    public static readonly ServerPhrase ImportSittingOutsideDates = new("import.sittingOutsideDates", "day", "from", "to");
    public static readonly ServerPhrase ImportSittingSkippedHour = new("import.sittingSkippedHour", "dateTime", "zone");
    public static readonly ServerPhrase ImportSittingOverlaps = new("import.sittingOverlaps", "dateTime", "session");
    public static readonly ServerPhrase ImportTooManyBodiesRestart = new("import.tooManyBodiesRestart", "max");
    public static readonly ServerPhrase ImportNumberingRestarts = new("import.numberingRestarts");
    public static readonly ServerPhrase ImportNumberingRestartsBody = new("import.numberingRestartsBody", "body");
    public static readonly ServerPhrase ImportNotUnderstood = new("import.notUnderstood", "text");
    public static readonly ServerPhrase ImportTooManyItems = new("import.tooManyItems", "max");
    public static readonly ServerPhrase ImportNumberNoTitle = new("import.numberNoTitle");
    public static readonly ServerPhrase ImportBeforeParent = new("import.beforeParent", "number");
    public static readonly ServerPhrase ImportSubItemFirst = new("import.subItemFirst", "letter");
    public static readonly ServerPhrase ImportNestedTooDeep = new("import.nestedTooDeep", "number", "max");
    public static readonly ServerPhrase ImportNumberTooLong = new("import.numberTooLong", "text");
    public static readonly ServerPhrase ImportItemTwice = new("import.itemTwice", "number", "body");
    public static readonly ServerPhrase ImportItemFollows = new("import.itemFollows", "number", "previous", "body");
    public static readonly ServerPhrase ImportTextBeforeHeading = new("import.textBeforeHeading", "text");
    public static readonly ServerPhrase ImportTextBeforeHeadingOf = new("import.textBeforeHeadingOf", "body", "text");
    public static readonly ServerPhrase ImportDocumentNoSymbol = new("import.documentNoSymbol", "text");
    public static readonly ServerPhrase ImportAnnotationsNoBody = new("import.annotationsNoBody", "body");
    public static readonly ServerPhrase ImportAnnotatedAgainNoBody = new("import.annotatedAgainNoBody", "body");
    public static readonly ServerPhrase ImportAnnotatedTwice = new("import.annotatedTwice", "number", "body", "first");
    public static readonly ServerPhrase ImportAnnotationTooLong = new("import.annotationTooLong", "number", "body", "max");
    public static readonly ServerPhrase ImportSubItemsTogether = new("import.subItemsTogether", "number", "last", "parent");
    public static readonly ServerPhrase ImportCoverBodies = new("import.coverBodies", "count", "body");
    public static readonly ServerPhrase ImportNoBody = new("import.noBody");
    public static readonly ServerPhrase ImportTooManyBodies = new("import.tooManyBodies", "max", "text");
    public static readonly ServerPhrase ImportSecondVenue = new("import.secondVenue", "venue", "taken", "first");
    public static readonly ServerPhrase ImportDocumentationFirst = new("import.documentationFirst");
    public static readonly ServerPhrase ImportNestedLeftOut = new("import.nestedLeftOut", "number");
    public static readonly ServerPhrase ImportNoAgendaHeading = new("import.noAgendaHeading");
    public static readonly ServerPhrase ImportNoAnnotationsHeading = new("import.noAnnotationsHeading");
    public static readonly ServerPhrase ImportJointNoMatch = new("import.jointNoMatch", "number", "body");
    public static readonly ServerPhrase ImportReferenceMissing = new("import.referenceMissing", "number", "body");
    public static readonly ServerPhrase ImportReferenceOtherTitle = new("import.referenceOtherTitle", "number", "body", "target", "targetBody");
    public static readonly ServerPhrase ImportJointKeptApart = new("import.jointKeptApart", "number", "body", "target", "targetBody");
    public static readonly ServerPhrase ImportMoreColumns = new("import.moreColumns", "text");
    public static readonly ServerPhrase ImportRowTitleMatch = new("import.rowTitleMatch", "number", "body");
    public static readonly ServerPhrase ImportNotAnItem = new("import.notAnItem", "text", "body");
    public static readonly ServerPhrase ImportNotOnAgenda = new("import.notOnAgenda", "number", "body");
    public static readonly ServerPhrase ImportOtherTitle = new("import.otherTitle", "number", "body", "taken");
    public static readonly ServerPhrase ImportTimeBeforeDate = new("import.timeBeforeDate");
    public static readonly ServerPhrase ImportNotOnAnyAgenda = new("import.notOnAnyAgenda", "number");
    public static readonly ServerPhrase ImportJointPartlyListed = new("import.jointPartlyListed", "number", "body");
    public static readonly ServerPhrase ImportListedTwice = new("import.listedTwice", "number", "body", "dateTime");
    public static readonly ServerPhrase ImportSittingNoItems = new("import.sittingNoItems", "dateTime");
    public static readonly ServerPhrase ImportContinuedSameSitting = new("import.continuedSameSitting", "number", "body", "time", "first", "previous");
    public static readonly ServerPhrase ImportNoYear = new("import.noYear", "year");
    public static readonly ServerPhrase ImportWrongWeekday = new("import.wrongWeekday", "day", "weekday", "claimed");
    public static readonly ServerPhrase ImportStartOnly = new("import.startOnly", "time", "ends");
    public static readonly ServerPhrase ImportReadAsAfternoon = new("import.readAsAfternoon", "time");
    public static readonly ServerPhrase ImportEndsBeforeStart = new("import.endsBeforeStart", "ends", "time");
    public static readonly ServerPhrase ImportTooManySittings = new("import.tooManySittings", "max");
    public static readonly ServerPhrase ImportDateRowNoTime = new("import.dateRowNoTime");
    public static readonly ServerPhrase ImportNotATime = new("import.notATime", "text");
    public static readonly ServerPhrase ImportItemsBeforeTime = new("import.itemsBeforeTime");
    public static readonly ServerPhrase ImportPageFurniture = new("import.pageFurniture", "count");
    public static readonly ServerPhrase ImportMoreWarnings = new("import.moreWarnings", "count");
    public static readonly ServerPhrase ImportTooComplex = new("import.tooComplex");
    public static readonly ServerPhrase ImportFailed = new("import.failed", "reason");
    public static readonly ServerPhrase ImportTooLarge = new("import.tooLarge", "size", "limit");
    public static readonly ServerPhrase ImportEmpty = new("import.empty");
    public static readonly ServerPhrase ImportNotText = new("import.notText", "count", "total");
    public static readonly ServerPhrase ImportNoAgenda = new("import.noAgenda");
    public static readonly ServerPhrase ImportInvalid = new("import.invalid", "reason");
    public static readonly ServerPhrase ImportWrongType = new("import.wrongType", "type");
    public static readonly ServerPhrase TranslationNotOnAgenda = new("translation.notOnAgenda", "number", "language", "text", "body");
    public static readonly ServerPhrase TranslationTwice = new("translation.twice", "number", "language");
    public static readonly ServerPhrase TranslationNoTitle = new("translation.noTitle", "number", "body", "id", "language");
    public static readonly ServerPhrase TranslationListCut = new("translation.listCut", "max");
    public static readonly ServerPhrase TranslationNotALanguage = new("translation.notALanguage", "code", "languages");
    public static readonly ServerPhrase TranslationNoSymbol = new("translation.noSymbol");
    public static readonly ServerPhrase TranslationSymbolNoBody = new("translation.symbolNoBody", "symbol");
    public static readonly ServerPhrase TranslationSymbolDiffers = new("translation.symbolDiffers", "symbols", "symbol");
    public static readonly ServerPhrase TranslationSymbolDiffersNone = new("translation.symbolDiffersNone", "symbols", "stems");
    public static readonly ServerPhrase TranslationNoList = new("translation.noList", "language", "example");
    public static readonly ServerPhrase TranslationNoMatch = new("translation.noMatch", "language");
    public static readonly ServerPhrase TranslationLanguageMissing = new("translation.languageMissing");
    public static readonly ServerPhrase TranslationLanguageUnknown = new("translation.languageUnknown", "code");
    public static readonly ServerPhrase TranslationNotText = new("translation.notText", "type");
    public static readonly ServerPhrase TranslationNotUtf8 = new("translation.notUtf8");
    public static readonly ServerPhrase FileTooLarge = new("file.tooLarge", "size", "limit");
    public static readonly ServerPhrase FileTextTooLarge = new("file.textTooLarge", "size", "limit");
    public static readonly ServerPhrase FilePdfNoText = new("file.pdfNoText");
    public static readonly ServerPhrase FileWordNoText = new("file.wordNoText");
    public static readonly ServerPhrase FilePdfTooManyPages = new("file.pdfTooManyPages", "pages", "limit");
    public static readonly ServerPhrase FilePdfEncrypted = new("file.pdfEncrypted");
    public static readonly ServerPhrase FilePdfDamaged = new("file.pdfDamaged", "reason");
    public static readonly ServerPhrase FilePdfInflates = new("file.pdfInflates", "limit", "offset");
    public static readonly ServerPhrase FileWordNotWord = new("file.wordNotWord");
    public static readonly ServerPhrase FileWordUnreadable = new("file.wordUnreadable", "reason");
    public static readonly ServerPhrase FileWordIncomplete = new("file.wordIncomplete", "reason");
    public static readonly ServerPhrase FileWordTooManyParts = new("file.wordTooManyParts", "parts", "limit");
    public static readonly ServerPhrase FileWordInflates = new("file.wordInflates", "limit", "part");
    public static readonly ServerPhrase FileWordDamaged = new("file.wordDamaged", "reason");
    public static readonly ServerPhrase FileNotPdf = new("file.notPdf", "type");
    public static readonly ServerPhrase FileNotDocx = new("file.notDocx", "type");

    // Keys and commands any page may be refused for (the grains and the API).
    public static readonly ServerPhrase ChairKeyRequired = new("key.chairRequired");
    public static readonly ServerPhrase NotChairKey = new("key.notChair");
    public static readonly ServerPhrase VersionConflict = new("command.versionConflict", "version", "expected");
    public static readonly ServerPhrase IdempotencyKeyReused = new("command.keyReused");
    public static readonly ServerPhrase NoSuchMeeting = new("meeting.notFound", "id");
    public static readonly ServerPhrase MeetingArchived = new("meeting.archived");

    /// <summary>Every phrase, for the test that each has a translation in every catalogue.</summary>
    public static IReadOnlyList<ServerPhrase> All { get; } = typeof(ServerPhrases)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ServerPhrase))
        .Select(f => (ServerPhrase)f.GetValue(null)!)
        .ToList();
}
