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

    // What is wrong with a re-plan request, each at its JSON path (PlanRequestCheck). What it shares with a definition (an
    // unknown session or item, a session's id, format, cap, local times, bodies, two sittings at once) is said with the
    // definition's phrases; these are the rest. found: a value as sent, shown as it is; max: a number.
    public static readonly ServerPhrase PlanUnknownStrategy = new("planRequest.unknownStrategy", "found");
    public static readonly ServerPhrase PlanFloorRange = new("planRequest.floorRange", "found");
    public static readonly ServerPhrase PlanChangeShape = new("planRequest.changeShape");
    public static readonly ServerPhrase PlanEstimateNotPlanned = new("planRequest.estimateNotPlanned", "item");
    public static readonly ServerPhrase PlanEstimateRange = new("planRequest.estimateRange", "max", "found");
    public static readonly ServerPhrase PlanQuotaRange = new("planRequest.quotaRange", "found");
    public static readonly ServerPhrase PlanPinShape = new("planRequest.pinShape");
    public static readonly ServerPhrase PlanPinNotPlanned = new("planRequest.pinNotPlanned", "item");
    public static readonly ServerPhrase PlanPinBodiesAbsent = new("planRequest.pinBodiesAbsent", "item", "session", "bodies");
    public static readonly ServerPhrase PlanPinTwice = new("planRequest.pinTwice", "item", "session");
    public static readonly ServerPhrase PlanPinMinutesRange = new("planRequest.pinMinutesRange", "session", "availableMinutes", "found");
    public static readonly ServerPhrase PlanPinsOver = new("planRequest.pinsOver", "session", "askedMinutes", "availableMinutes");
    public static readonly ServerPhrase PlanPinsOverQuota = new("planRequest.pinsOverQuota", "session", "askedMinutes", "availableMinutes");
    public static readonly ServerPhrase PlanNoMinutes = new("planRequest.noMinutes", "session");
    public static readonly ServerPhrase PlanNoMinutesQuota = new("planRequest.noMinutesQuota", "session");

    // The definition, drafts, amendments, the schedule and the archive (the secretariat's workspace, creation, publishing).
    public static readonly ServerPhrase OrganizerKeyRequired = new("key.organizerRequired");
    public static readonly ServerPhrase NotOrganizerKey = new("key.notOrganizer");
    public static readonly ServerPhrase ChairKeyTooShort = new("key.chairTooShort", "count");
    public static readonly ServerPhrase MeetingExists = new("meeting.exists", "id");
    public static readonly ServerPhrase MeetingBadId = new("meeting.badId", "id", "count");
    public static readonly ServerPhrase MeetingIdNeeded = new("meeting.idNeeded", "count");
    public static readonly ServerPhrase CreationHasProblems = new("meeting.definitionHasProblems", "count");
    public static readonly ServerPhrase DraftHasProblems = new("draft.hasProblems", "count");
    public static readonly ServerPhrase DraftNotJson = new("draft.notJson");
    public static readonly ServerPhrase DefinitionHasProblems = new("definition.hasProblems", "count");
    public static readonly ServerPhrase DefinitionNotJson = new("definition.notJson");
    public static readonly ServerPhrase DefinitionNotJsonNothingChanged = new("definition.notJsonNothingChanged");
    public static readonly ServerPhrase DefinitionContentType = new("definition.contentType", "contentType");
    public static readonly ServerPhrase DefinitionIfMatchRequired = new("definition.ifMatchRequired");
    public static readonly ServerPhrase CommandNotOneKind = new("command.notOneKind");
    public static readonly ServerPhrase IdempotencyKeyMalformed = new("command.keyMalformed", "count");
    public static readonly ServerPhrase ActorNameTooLong = new("command.actorNameTooLong", "count");
    public static readonly ServerPhrase DryRunWord = new("command.dryRun");
    public static readonly ServerPhrase LogAfter = new("log.after");
    public static readonly ServerPhrase LogFormat = new("log.format", "format");
    public static readonly ServerPhrase LogCsvWhole = new("log.csvWhole");
    public static readonly ServerPhrase AmendItemHasHistory = new("amend.itemHasHistory", "item");
    public static readonly ServerPhrase AmendSittingHasHistory = new("amend.sittingHasHistory", "session");
    public static readonly ServerPhrase AmendSittingInProgress = new("amend.sittingInProgress", "session");
    public static readonly ServerPhrase AmendScheduleNoLongerFits = new("amend.scheduleNoLongerFits");
    public static readonly ServerPhrase ScheduleFormatRequired = new("schedule.formatRequired");
    public static readonly ServerPhrase ScheduleExtraSitting = new("schedule.extraSitting", "session");
    public static readonly ServerPhrase ScheduleSittingEnded = new("schedule.sittingEnded", "session");
    public static readonly ServerPhrase ScheduleSittingStarted = new("schedule.sittingStarted", "session");
    public static readonly ServerPhrase SchedulePinToEnded = new("schedule.pinToEnded", "session", "item");
    public static readonly ServerPhrase ScheduleDoesNotFit = new("schedule.doesNotFit", "count");

    // What is wrong with a meeting definition, each at its JSON path (DefinitionValidator, Languages, the readers).
    public static readonly ServerPhrase DefRequired = new("definition.required");
    public static readonly ServerPhrase DefTooLong = new("definition.tooLong", "length", "max");
    public static readonly ServerPhrase DefControlCharacters = new("definition.controlCharacters");
    public static readonly ServerPhrase DefBadBodyId = new("definition.badBodyId", "id");
    public static readonly ServerPhrase DefBadItemId = new("definition.badItemId", "id");
    public static readonly ServerPhrase DefBadSessionId = new("definition.badSessionId", "id");
    public static readonly ServerPhrase DefTimeZoneRequired = new("definition.timeZoneRequired");
    public static readonly ServerPhrase DefTimeZoneUnknown = new("definition.timeZoneUnknown", "zone");
    public static readonly ServerPhrase DefStartDateRequired = new("definition.startDateRequired");
    public static readonly ServerPhrase DefEndDateRequired = new("definition.endDateRequired");
    public static readonly ServerPhrase DefEndsBeforeStarts = new("definition.endsBeforeStarts", "startDate", "endDate");
    public static readonly ServerPhrase DefTooManyDays = new("definition.tooManyDays", "count");
    public static readonly ServerPhrase DefBodiesRequired = new("definition.bodiesRequired");
    public static readonly ServerPhrase DefBodyNull = new("definition.bodyNull");
    public static readonly ServerPhrase DefBodyIdTwice = new("definition.bodyIdTwice", "id");
    public static readonly ServerPhrase DefTooManyViceChairs = new("definition.tooManyViceChairs", "count");
    public static readonly ServerPhrase DefItemsRequired = new("definition.itemsRequired");
    public static readonly ServerPhrase DefTooManyItems = new("definition.tooManyItems", "found", "count");
    public static readonly ServerPhrase DefBodyWithoutItems = new("definition.bodyWithoutItems", "body");
    public static readonly ServerPhrase DefItemNull = new("definition.itemNull");
    public static readonly ServerPhrase DefSubItemsTooDeep = new("definition.subItemsTooDeep", "count");
    public static readonly ServerPhrase DefItemIdTwice = new("definition.itemIdTwice", "id");
    public static readonly ServerPhrase DefUnknownKind = new("definition.unknownKind", "found");
    public static readonly ServerPhrase DefNumbersRequired = new("definition.numbersRequired");
    public static readonly ServerPhrase DefUnknownBody = new("definition.unknownBody", "id", "bodies");
    public static readonly ServerPhrase DefNumberShape = new("definition.numberShape");
    public static readonly ServerPhrase DefNumberTaken = new("definition.numberTaken", "number", "id", "body");
    public static readonly ServerPhrase DefSubItemOffParent = new("definition.subItemOffParent", "id");
    public static readonly ServerPhrase DefAnnotationOffAgenda = new("definition.annotationOffAgenda", "body");
    public static readonly ServerPhrase DefDocumentNull = new("definition.documentNull");
    public static readonly ServerPhrase DefDocumentSymbols = new("definition.documentSymbols");
    public static readonly ServerPhrase DefSessionsRequired = new("definition.sessionsRequired");
    public static readonly ServerPhrase DefTooManySessions = new("definition.tooManySessions", "found", "count");
    public static readonly ServerPhrase DefSessionNull = new("definition.sessionNull");
    public static readonly ServerPhrase DefSessionIdTwice = new("definition.sessionIdTwice", "id");
    public static readonly ServerPhrase DefSessionEndsBeforeStarts = new("definition.sessionEndsBeforeStarts", "localStart", "localEnd");
    public static readonly ServerPhrase DefSessionTooLong = new("definition.sessionTooLong");
    public static readonly ServerPhrase DefUnknownFormat = new("definition.unknownFormat", "found");
    public static readonly ServerPhrase DefCapRange = new("definition.capRange", "found");
    public static readonly ServerPhrase DefCapFrom = new("definition.capFrom", "found");
    public static readonly ServerPhrase DefLocalTimeOnly = new("definition.localTimeOnly");
    public static readonly ServerPhrase DefOutsideDates = new("definition.outsideDates", "date", "startDate", "endDate");
    public static readonly ServerPhrase DefTimeSkipped = new("definition.timeSkipped", "localStart", "zone");
    public static readonly ServerPhrase DefSessionBodiesRequired = new("definition.sessionBodiesRequired");
    public static readonly ServerPhrase DefUnknownSessionBody = new("definition.unknownSessionBody", "id");
    public static readonly ServerPhrase DefBodyListedTwice = new("definition.bodyListedTwice", "body");
    public static readonly ServerPhrase DefPlannedItemShape = new("definition.plannedItemShape");
    public static readonly ServerPhrase DefUnknownItem = new("definition.unknownItem", "id");
    public static readonly ServerPhrase DefPlannedTwice = new("definition.plannedTwice", "id");
    public static readonly ServerPhrase DefJointItemSitting = new("definition.jointItemSitting", "id", "bodies", "missing");
    public static readonly ServerPhrase DefItemBodyNotSitting = new("definition.itemBodyNotSitting", "id", "body");
    public static readonly ServerPhrase DefSessionsOverlap = new("definition.sessionsOverlap", "id", "other", "body");
    public static readonly ServerPhrase DefEnglishListed = new("definition.englishListed");
    public static readonly ServerPhrase DefNotLanguage = new("definition.notLanguage", "found");
    public static readonly ServerPhrase DefTranslationBlank = new("definition.translationBlank");
    public static readonly ServerPhrase DefEmptyBody = new("definition.emptyBody");
    public static readonly ServerPhrase DefTooLarge = new("definition.tooLarge", "length", "max");
    public static readonly ServerPhrase DefNotUtf8 = new("definition.notUtf8");
    public static readonly ServerPhrase DefNotObject = new("definition.notObject");
    public static readonly ServerPhrase DefWrongType = new("definition.wrongType", "line", "column");
    public static readonly ServerPhrase DefJsonError = new("definition.jsonError", "line", "column");
    public static readonly ServerPhrase DefJsonShape = new("definition.jsonShape");

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
    public static readonly ServerPhrase TranslationListNoBody = new("translation.listNoBody", "language", "text");
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

    // The floor, the delegations and announcements (FloorRules, Delegations, Announcements, the floor and delegations
    // grains, FloorApi). delegation, keyDelegation: a delegation's id (shown as its name where the page knows it);
    // kind: a request for the floor (statement, pointOfOrder, rightOfReply); *Seconds: seconds; max: a number;
    // found: text as sent; until: an instant.
    public static readonly ServerPhrase FloorDelegationKeyOnly = new("floor.delegationKeyOnly");
    public static readonly ServerPhrase FloorOtherDelegation = new("floor.otherDelegation", "keyDelegation", "delegation");
    public static readonly ServerPhrase FloorWhichDelegation = new("floor.whichDelegation", "action");
    public static readonly ServerPhrase FloorListClosed = new("floor.listClosed");
    public static readonly ServerPhrase FloorAlreadyRequested = new("floor.alreadyRequested", "delegation", "kind");
    public static readonly ServerPhrase FloorNoRequest = new("floor.noRequest", "delegation");
    public static readonly ServerPhrase FloorNoRequestOfKind = new("floor.noRequestOfKind", "delegation", "kind");
    public static readonly ServerPhrase FloorListEmpty = new("floor.listEmpty");
    public static readonly ServerPhrase FloorNotOnList = new("floor.notOnList", "delegation");
    public static readonly ServerPhrase FloorPositionRange = new("floor.positionRange", "max");
    public static readonly ServerPhrase FloorAlreadyClosed = new("floor.alreadyClosed");
    public static readonly ServerPhrase FloorAlreadyOpen = new("floor.alreadyOpen");
    public static readonly ServerPhrase FloorNobodySpeaking = new("floor.nobodySpeaking");
    public static readonly ServerPhrase FloorTimerPaused = new("floor.timerPaused");
    public static readonly ServerPhrase FloorTimerRunning = new("floor.timerRunning");
    public static readonly ServerPhrase FloorLimitRange = new("floor.limitRange", "minSeconds", "maxSeconds");
    public static readonly ServerPhrase FloorKeyRequired = new("floor.keyRequired");
    public static readonly ServerPhrase FloorNotMeetingKey = new("floor.notMeetingKey");
    public static readonly ServerPhrase FloorTooMany = new("floor.tooMany", "count", "intervalSeconds");
    public static readonly ServerPhrase FloorVersionConflict = new("floor.versionConflict", "version", "expected");
    public static readonly ServerPhrase FloorNoSuchItem = new("floor.noSuchItem", "id", "item");
    public static readonly ServerPhrase FloorUnknownAction = new("floor.unknownAction", "action");
    public static readonly ServerPhrase FloorBodyShape = new("floor.bodyShape");
    public static readonly ServerPhrase DelegationNotFound = new("delegation.notFound", "delegation");
    public static readonly ServerPhrase DelegationKeyForOther = new("delegation.keyForOther");
    public static readonly ServerPhrase DelegationKeyRevoked = new("delegation.keyRevoked", "delegation");
    public static readonly ServerPhrase DelegationsOrganizerRequired = new("delegations.organizerRequired");
    public static readonly ServerPhrase DelegationsNotOrganizer = new("delegations.notOrganizer");
    public static readonly ServerPhrase DelegationsProblems = new("delegations.problems");
    public static readonly ServerPhrase DelegationsBodyShape = new("delegations.bodyShape");
    public static readonly ServerPhrase DelegationsRequired = new("delegations.required");
    public static readonly ServerPhrase DelegationsTooMany = new("delegations.tooMany", "max", "count");
    public static readonly ServerPhrase DelegationsNotObject = new("delegations.notObject");
    public static readonly ServerPhrase DelegationsIdShape = new("delegations.idShape", "max", "found");
    public static readonly ServerPhrase DelegationsIdTwice = new("delegations.idTwice", "id");
    public static readonly ServerPhrase DelegationsNameShape = new("delegations.nameShape", "max");
    public static readonly ServerPhrase DelegationsKindShape = new("delegations.kindShape");
    public static readonly ServerPhrase DelegationsLimitRange = new("delegations.limitRange", "minSeconds", "maxSeconds");
    public static readonly ServerPhrase AnnouncementTextEmpty = new("announcement.textEmpty");
    public static readonly ServerPhrase AnnouncementTooLong = new("announcement.tooLong", "max", "count");
    public static readonly ServerPhrase AnnouncementOneLine = new("announcement.oneLine");
    public static readonly ServerPhrase AnnouncementUntilPast = new("announcement.untilPast", "until", "at");
    public static readonly ServerPhrase AnnouncementTooFar = new("announcement.tooFar", "count");
    public static readonly ServerPhrase AnnouncementTooManyShowing = new("announcement.tooManyShowing", "count");
    public static readonly ServerPhrase AnnouncementNotFound = new("announcement.notFound", "id");
    public static readonly ServerPhrase AnnouncementAlreadyWithdrawn = new("announcement.alreadyWithdrawn", "id");
    public static readonly ServerPhrase AnnouncementExpired = new("announcement.expired", "id", "until");

    // The host's own answers (ClientLimitMiddleware, HubClientLimit, HubCallLimit, UnavailableAnswer, Problems.TooLarge):
    // too many requests, a cluster that does not answer, a body too large. waitSeconds: how long to wait; limit: bytes.
    public static readonly ServerPhrase LimitKeyFailures = new("limit.keyFailures", "waitSeconds");
    public static readonly ServerPhrase LimitConnections = new("limit.connections", "waitSeconds");
    public static readonly ServerPhrase LimitConcurrency = new("limit.concurrency");
    public static readonly ServerPhrase LimitKey = new("limit.key", "waitSeconds");
    public static readonly ServerPhrase LimitFloorKey = new("limit.floorKey", "waitSeconds");
    public static readonly ServerPhrase LimitRequests = new("limit.requests", "waitSeconds");
    public static readonly ServerPhrase LimitHubCalls = new("limit.hubCalls");
    public static readonly ServerPhrase HostUnavailable = new("host.unavailable", "waitSeconds");
    public static readonly ServerPhrase HostUnavailableSoon = new("host.unavailableSoon");
    public static readonly ServerPhrase BodyTooLarge = new("request.tooLarge", "limit");

    // The request itself (headers, body, query) and the hub's command shape (CommandHeaders, JsonBody, FrameworkProblems,
    // the routes' query words, MeetingHub). found: text as sent; known: the word there is; contentType: a media type;
    // languages: language codes; offset: a byte's place in the body, line and column its line and place in that line;
    // value: the byte (0xNN); page: a file name.
    public static readonly ServerPhrase RequestIfMatchShape = new("request.ifMatchShape", "found");
    public static readonly ServerPhrase RequestBodyNotJson = new("request.bodyNotJson");
    public static readonly ServerPhrase RequestBodyEmpty = new("request.bodyEmpty");
    public static readonly ServerPhrase RequestBodyNull = new("request.bodyNull");
    public static readonly ServerPhrase RequestNotJson = new("request.notJson", "contentType");
    public static readonly ServerPhrase RequestNotUtf8 = new("request.notUtf8", "offset", "line", "column", "value");
    public static readonly ServerPhrase RequestNotUtf8CutOff = new("request.notUtf8CutOff", "offset", "line", "column");
    public static readonly ServerPhrase RequestLanguage = new("request.language", "found", "languages");
    public static readonly ServerPhrase RequestLanguageOneOf = new("request.languageOneOf", "languages");
    public static readonly ServerPhrase ReportFormat = new("report.format", "format");
    public static readonly ServerPhrase MeetingNoBody = new("meeting.noBody", "body", "bodies");
    public static readonly ServerPhrase ShareNoHost = new("share.noHost");
    public static readonly ServerPhrase HostPageMissing = new("host.pageMissing", "page");
    public static readonly ServerPhrase ExtensionMinutesRequired = new("extension.minutesRequired");
    public static readonly ServerPhrase UndoBodyShape = new("undo.bodyShape");
    public static readonly ServerPhrase UndoVersionPositive = new("undo.versionPositive", "found");
    public static readonly ServerPhrase UndoNoMeeting = new("undo.noMeeting");
    public static readonly ServerPhrase CommandUnknownConfirmation = new("command.unknownConfirmation", "found", "known");
    public static readonly ServerPhrase CommandIncomplete = new("command.incomplete");
    public static readonly ServerPhrase CommandIdLength = new("command.idLength", "count");
    public static readonly ServerPhrase CommandSessionIdExtra = new("command.sessionIdExtra");
    public static readonly ServerPhrase CommandItemOrSession = new("command.itemOrSession");

    /// <summary>Every phrase, for the test that each has a translation in every catalogue.</summary>
    public static IReadOnlyList<ServerPhrase> All { get; } = typeof(ServerPhrases)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ServerPhrase))
        .Select(f => (ServerPhrase)f.GetValue(null)!)
        .ToList();
}
