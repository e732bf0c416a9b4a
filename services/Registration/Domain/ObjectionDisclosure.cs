using Accreditation.ServiceDefaults.Auth;

namespace Accreditation.Registration.Domain;

/// <summary>
/// Who learns that a State objected to an application. The secretariat always; the organization
/// only where the dialogue's policy discloses objections to it, and, on its right of reply, where
/// the objection referred the application to the secretariat. Never which State objected.
/// </summary>
public static class ObjectionDisclosure
{
    /// <summary>Whether the caller is told of objections in the application and its history (the flag, the window's reasons).</summary>
    /// <param name="dialogueDiscloses">The dialogue's <see cref="DialoguePolicy.DiscloseObjectionToOrganization"/> (read with the application).</param>
    public static bool TellsOfObjections(Caller caller, bool dialogueDiscloses) => caller.IsSecretariat || dialogueDiscloses;

    public static bool TellsOfObjections(Caller caller, Dialogue dialogue) => TellsOfObjections(caller, dialogue.Policy.DiscloseObjectionToOrganization);

    /// <summary>
    /// Whether the caller sees, on the right of reply, that an objection was raised: as
    /// <see cref="TellsOfObjections(Caller, Dialogue)"/>, and also where the objection refers the
    /// application (the organization must know what it may reply to).
    /// </summary>
    public static bool ShowsObjectionToReplyTo(Caller caller, Application application, Dialogue dialogue) =>
        application.ObjectionRaised && (TellsOfObjections(caller, dialogue) || dialogue.Policy.ObjectionEffect == ObjectionEffect.Refer);
}
