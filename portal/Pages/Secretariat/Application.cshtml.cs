using System.Globalization;
using Accreditation.Registration.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// An application's full file for the secretariat: the application, its organization's profile, its
/// history with the questions and answers; officers screen, ask for information, and record the
/// decision on a referred application here.
/// </summary>
public sealed class ApplicationModel(ApplicationService.ApplicationServiceClient applications, OrganizationService.OrganizationServiceClient organizations,
    DialogueService.DialogueServiceClient dialogues, SecretariatService.SecretariatServiceClient secretariat,
    ObjectionReplyService.ObjectionReplyServiceClient replies, TimeProvider clock) : SecretariatPageModel
{
    public Application Application { get; private set; } = new();
    public Registration.V1.Organization Organization { get; private set; } = new();
    public Dialogue Dialogue { get; private set; } = new();
    public IReadOnlyList<StatusChange> History { get; private set; } = [];
    public ScreeningQueueEntry? PendingQuestion { get; private set; }
    public GetObjectionReplyResponse? Reply { get; private set; }

    // Each form is bound by its own handler only (TryUpdateModelAsync): the others' rules stay out of its validation.
    public ScreenInput Screen { get; set; } = new();
    public QuestionInput Question { get; set; } = new();
    public DecisionInput Decision { get; set; } = new();

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => ShowAsync(() => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostScreenAsync(string id, CancellationToken ct)
    {
        if (await TryUpdateModelAsync(Screen, nameof(Screen))
            && await TryAsync(async () => await secretariat.ScreenApplicationAsync(new ScreenApplicationRequest
            {
                ApplicationId = id, Outcome = Screen.Outcome, Reason = Screen.Reason?.Trim() ?? "",
            }, cancellationToken: ct), nameof(Screen)))
            return Done(Text["Application screened."], "/Secretariat/Application", new { id });
        return await ShowAsync(() => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostRequestInformationAsync(string id, CancellationToken ct)
    {
        if (await TryUpdateModelAsync(Question, nameof(Question))
            & Required(Question.Question, "Question.Question", "Enter the question.")
            & Required(Question.AnswerBy, "Question.AnswerBy", "Enter the date the answer is due by.")
            && await TryAsync(async () => await secretariat.RequestInformationAsync(new RequestInformationRequest
            {
                ApplicationId = id, Question = Question.Question.Trim(), AnswerBy = Display.EndOfDay(Question.AnswerBy!.Value),
            }, cancellationToken: ct), nameof(Question)))
            return Done(Text["Question sent to the organization."], "/Secretariat/Application", new { id });
        return await ShowAsync(() => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostDecideAsync(string id, CancellationToken ct)
    {
        if (await TryUpdateModelAsync(Decision, nameof(Decision))
            & Required(Decision.Body, "Decision.Body", "Enter the body that decided.")
            & Required(Decision.DecidedOn, "Decision.DecidedOn", "Enter the date of the decision.")
            && await TryAsync(async () => await secretariat.RecordReferralDecisionAsync(new RecordReferralDecisionRequest
            {
                ApplicationId = id,
                Outcome = Decision.Outcome,
                Body = Decision.Body.Trim(),
                DecidedOn = Decision.DecidedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                VotesFor = Decision.VotesFor ?? 0,
                VotesAgainst = Decision.VotesAgainst ?? 0,
                Abstentions = Decision.Abstentions ?? 0,
                DocumentSymbol = Decision.DocumentSymbol?.Trim() ?? "",
            }, cancellationToken: ct), nameof(Decision)))
            return Done(Text["Decision recorded."], "/Secretariat/Application", new { id });
        return await ShowAsync(() => LoadAsync(id, ct));
    }

    async Task LoadAsync(string id, CancellationToken ct)
    {
        Application = (await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }, cancellationToken: ct)).Application;
        Organization = (await organizations.GetOrganizationAsync(new GetOrganizationRequest { OrganizationId = Application.OrganizationId }, cancellationToken: ct)).Organization;
        Dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = Application.DialogueId }, cancellationToken: ct)).Dialogue;
        History = (await applications.GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = id }, cancellationToken: ct)).Changes;
        if (Application.State == ApplicationState.InformationRequested)
            PendingQuestion = (await WholeQueueAsync(secretariat, new ListScreeningQueueRequest
            {
                DialogueId = Application.DialogueId, State = ApplicationState.InformationRequested,
            }, ct)).FirstOrDefault(e => e.Application.ApplicationId == id);
        if (Application.ObjectionRaised || Application.State == ApplicationState.Referred)
            Reply = await replies.GetObjectionReplyAsync(new GetObjectionReplyRequest { ApplicationId = id }, cancellationToken: ct);
        Decision.DecidedOn ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The questions asked and the organization's answers, read from the history: a question is the
    /// reason of the move to Information requested, its answer the reason of the move back.
    /// </summary>
    public IEnumerable<(StatusChange Asked, StatusChange? Answered)> QuestionsAndAnswers()
    {
        for (var i = 0; i < History.Count; i++)
        {
            if (History[i].To != ApplicationState.InformationRequested)
                continue;
            var next = i + 1 < History.Count ? History[i + 1] : null;
            yield return (History[i], next is { From: ApplicationState.InformationRequested, To: ApplicationState.Submitted } ? next : null);
        }
    }
}

public sealed class ScreenInput
{
    public ScreeningOutcome Outcome { get; set; } = ScreeningOutcome.Eligible;

    public string? Reason { get; set; }
}

public sealed class QuestionInput
{
    public string Question { get; set; } = "";

    public DateOnly? AnswerBy { get; set; }
}

public sealed class DecisionInput
{
    public ReferralOutcome Outcome { get; set; } = ReferralOutcome.Admitted;

    public string Body { get; set; } = "";

    public DateOnly? DecidedOn { get; set; }

    public int? VotesFor { get; set; }

    public int? VotesAgainst { get; set; }

    public int? Abstentions { get; set; }

    public string? DocumentSymbol { get; set; }
}
