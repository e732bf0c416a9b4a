using Accreditation.Registration.V1;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>One application of the organization as its pages show it: the application, what it waits for, its dialogue.</summary>
public sealed record ApplicationFile(Application Application, NextStep? NextStep, Dialogue Dialogue)
{
    public string DialogueTitle => $"{Dialogue.WorkingGroup}, {Dialogue.Session}";

    /// <summary>NotFound or PermissionDenied from the service propagate: the page turns them into 404/403.</summary>
    public static async Task<ApplicationFile> LoadAsync(ApplicationService.ApplicationServiceClient applications,
        DialogueService.DialogueServiceClient dialogues, string applicationId, CancellationToken ct)
    {
        var response = await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = applicationId }, cancellationToken: ct);
        var dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = response.Application.DialogueId }, cancellationToken: ct)).Dialogue;
        return new ApplicationFile(response.Application, response.NextStep, dialogue);
    }
}
