using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme;

/// <summary>A working group session a dialogue follows, e.g. "Working Group on International Cooperation", "fourteenth session".</summary>
public sealed record WorkingGroupSession(string Name, string Session);

public enum ChairRole { Chair = 1, CoChair }

/// <summary>Who chaired, as the Chair's summary names them.</summary>
public sealed record Chair(string Name, string Title, ChairRole Role);

/// <summary>
/// What a dialogue holds beyond registration: its series, the working groups it follows, its chairs
/// and where online representatives join. The first working group is the dialogue's own
/// (<see cref="Dialogue.WorkingGroup"/>, <see cref="Dialogue.Session"/>): only the others are kept here,
/// so editing the dialogue and editing its programme cannot disagree.
/// </summary>
public sealed class DialogueProgramme
{
    public const int MaxWorkingGroups = 5;
    public const int MaxChairs = 10;

    DialogueProgramme() { }

    public Guid DialogueId { get; private set; }
    public string Series { get; private set; } = "";
    public List<WorkingGroupSession> FurtherWorkingGroups { get; private set; } = [];
    public List<Chair> Chairs { get; private set; } = [];
    public string OnlineMeetingUrl { get; private set; } = "";
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>The programme of a dialogue nobody edited yet: its own working group, no chair.</summary>
    public static DialogueProgramme Empty(Guid dialogueId) => new() { DialogueId = dialogueId };

    public IReadOnlyList<WorkingGroupSession> WorkingGroups(Dialogue dialogue) =>
        [new WorkingGroupSession(dialogue.WorkingGroup, dialogue.Session), .. FurtherWorkingGroups];

    /// <summary>Replaces series, working groups (the first becomes the dialogue's own), chairs and the online meeting address.</summary>
    public void Update(Dialogue dialogue, string? series, IReadOnlyList<WorkingGroupSession> workingGroups, IReadOnlyList<Chair> chairs,
        string? onlineMeetingUrl, Actor actor, DateTimeOffset now)
    {
        if (dialogue.Id != DialogueId)
            throw new InvalidOperationException("A programme belongs to one dialogue.");
        var seriesName = Text(series, "series", 200, required: false);
        if (workingGroups.Count is 0 or > MaxWorkingGroups)
            throw new InvalidFieldException("working_groups", $"must list between 1 and {MaxWorkingGroups} working group sessions",
                RegistrationReasons.WorkingGroupsCountInvalid, ("min", 1), ("max", MaxWorkingGroups));
        var groups = workingGroups.Select((g, i) => new WorkingGroupSession(
            Text(g.Name, $"working_groups[{i}].name", 200, required: true),
            Text(g.Session, $"working_groups[{i}].session", 100, required: true))).ToList();
        if (groups.Distinct().Count() != groups.Count)
            throw new InvalidFieldException("working_groups", "must not list the same working group session twice", RegistrationReasons.WorkingGroupSessionTwice);
        if (chairs.Count > MaxChairs)
            throw new InvalidFieldException("chairs", $"must list at most {MaxChairs} people", RegistrationReasons.TooManyChairs, ("max", MaxChairs));
        var people = chairs.Select((c, i) => new Chair(
            Text(c.Name, $"chairs[{i}].name", 200, required: true),
            Text(c.Title, $"chairs[{i}].title", 300, required: false),
            Enum.IsDefined(c.Role) ? c.Role : throw new InvalidFieldException($"chairs[{i}].role", "must be CHAIR or CO_CHAIR",
                CommonReasons.ValueNotAllowed, ("allowed_values", "CHAIR, CO_CHAIR")))).ToList();
        if (people.Count(c => c.Role == ChairRole.Chair) > 1)
            throw new InvalidFieldException("chairs", "must name at most one CHAIR (the others are CO_CHAIRs)", RegistrationReasons.OneChairOnly);
        var url = MeetingUrl(onlineMeetingUrl);

        dialogue.FollowWorkingGroup(groups[0].Name, groups[0].Session);
        Series = seriesName;
        FurtherWorkingGroups = groups.Skip(1).ToList();
        Chairs = people;
        OnlineMeetingUrl = url;
        UpdatedAt = now;
        UpdatedBy = actor.Subject;
    }

    /// <summary>For a reader who reaches the meeting only through a join link (the programme read is untracked: nothing is saved).</summary>
    public void HideOnlineMeetingUrl() => OnlineMeetingUrl = "";

    /// <summary>An absolute https address (a join link must not lead somewhere unencrypted or relative), or none.</summary>
    static string MeetingUrl(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            return "";
        if (text.Length > 500)
            throw new InvalidFieldException("online_meeting_url", "must be at most 500 characters", CommonReasons.FieldTooLong, ("max_length", 500));
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
            throw new InvalidFieldException("online_meeting_url", "must be an absolute https:// address", RegistrationReasons.MeetingUrlInvalid);
        return uri.ToString();
    }

    internal static string Text(string? value, string field, int maxLength, bool required)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
            throw new InvalidFieldException(field, "is required", CommonReasons.FieldRequired);
        if (text.Length > maxLength)
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters", CommonReasons.FieldTooLong, ("max_length", maxLength));
        return text;
    }
}
