using Accreditation.Registration.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>
/// An application's timeline: every recorded step, where it stands, what comes next and by when
/// (the service's next_step), and the organization's actions the service offers at this stage:
/// answer the secretariat's question, reply to an objection, withdraw.
/// </summary>
public sealed class ApplicationModel(ApplicationService.ApplicationServiceClient applications, DialogueService.DialogueServiceClient dialogues,
    ObjectionReplyService.ObjectionReplyServiceClient replies, IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public ApplicationFile Case { get; private set; } = null!;
    public IReadOnlyList<StatusChange> History { get; private set; } = [];
    public GetObjectionReplyResponse Reply { get; private set; } = new();

    /// <summary>Which form was sent, so that its refusal shows above that form only.</summary>
    public string? Posted { get; private set; }

    [BindProperty]
    public TimelineInput Input { get; set; } = new();

    /// <summary>The secretariat's question while an answer is awaited: the reason of the step that asked it.</summary>
    public string? Question => Case.NextStep?.Kind == NextStepKind.AwaitingAnswer
        ? History.LastOrDefault(c => c.To == ApplicationState.InformationRequested && c.Kind != "profile-changed")?.Reason
        : null;

    /// <summary>Withdrawal is offered while the application awaits a decision; the service refuses it otherwise.</summary>
    public bool CanWithdraw => Case.NextStep is { Kind: not NextStepKind.NominateDelegation };

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAnswerAsync(string id, CancellationToken ct)
    {
        var request = new AnswerInformationRequestRequest { ApplicationId = id, Answer = Input.Answer?.Trim() ?? "" };
        if (await TryAsync(async () => await applications.AnswerInformationRequestAsync(request, cancellationToken: ct)))
            return Done(text["Your answer is sent: the secretariat screens your application again."], "/Organization/Application", new { id });
        Posted = "answer";
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(string id, CancellationToken ct)
    {
        var request = new SubmitObjectionReplyRequest { ApplicationId = id, Text = Input.Text?.Trim() ?? "" };
        if (await TryAsync(async () => await replies.SubmitObjectionReplyAsync(request, cancellationToken: ct)))
            return Done(text["Your reply is sent to the secretariat."], "/Organization/Application", new { id });
        Posted = "reply";
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string id, CancellationToken ct)
    {
        var request = new WithdrawApplicationRequest { ApplicationId = id, Reason = Input.Reason?.Trim() ?? "" };
        if (await TryAsync(async () => await applications.WithdrawApplicationAsync(request, cancellationToken: ct)))
            return Done(text["Your application is withdrawn."], "/Organization/Application", new { id });
        Posted = "withdraw";
        return await ShowAsync(id, ct);
    }

    async Task<IActionResult> ShowAsync(string id, CancellationToken ct)
    {
        try
        {
            Case = await ApplicationFile.LoadAsync(applications, dialogues, id, ct);
            History = (await applications.GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = id }, cancellationToken: ct)).Changes;
            Reply = await replies.GetObjectionReplyAsync(new GetObjectionReplyRequest { ApplicationId = id }, cancellationToken: ct);
            return Page();
        }
        catch (RpcException e) when (OrganizationWords.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }
}

/// <summary>The timeline's forms; names as the proto fields (answer, text, reason).</summary>
public sealed class TimelineInput
{
    public string? Answer { get; set; }
    public string? Text { get; set; }
    public string? Reason { get; set; }
}
