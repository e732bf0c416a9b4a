using Accreditation.Registration.V1;

namespace Accreditation.Portal.Programme;

/// <summary>What every page of a dialogue's programme says first: when, where, which working groups, who chairs.</summary>
public sealed record ProgrammeFacts(string Series, IReadOnlyList<WorkingGroupSession> WorkingGroups, IReadOnlyList<Chair> Chairs, string Date, string Venue)
{
    public static ProgrammeFacts Of(DialogueProgramme programme) =>
        new(programme.Series, programme.WorkingGroups, programme.Chairs, programme.Dialogue.Date, programme.Dialogue.Venue);

    public static ProgrammeFacts Of(PublicDialogue dialogue) =>
        new(dialogue.Dialogue.Series, dialogue.Dialogue.WorkingGroups, dialogue.Chairs, dialogue.Dialogue.Date, dialogue.Dialogue.Venue);
}
