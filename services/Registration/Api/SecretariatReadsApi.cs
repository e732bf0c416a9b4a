using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>What the secretariat reads: the screening queue and a dialogue's figures (officers and auditors).</summary>
public sealed partial class SecretariatApi
{
    public override async Task<V1.ListScreeningQueueResponse> ListScreeningQueue(V1.ListScreeningQueueRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var country = string.IsNullOrWhiteSpace(request.Country) ? null : CountryCode.Parse(request.Country, "country").Value;
        var filter = new ScreeningQueueFilter(
            Require.OptionalId(request.DialogueId, "dialogue_id"),
            request.State == V1.ApplicationState.Unspecified ? ApplicationState.Submitted
                : request.State.ToDomain("state"),
            request.Category == V1.StakeholderCategory.Unspecified ? null
                : request.Category.ToDomain("category"),
            country);
        var page = await db.ScreeningQueueAsync(filter, skip, take, context.CancellationToken);
        return new V1.ListScreeningQueueResponse
        {
            Entries =
            {
                page.Select(p => new V1.ScreeningQueueEntry
                {
                    Application = p.Application.ToContract(showObjection: true),
                    Organization = p.Organization.ToContract(),
                    PendingQuestion = p.Application.PendingQuestion ?? "",
                    AnswerBy = p.Application.AnswerBy is { } answerBy ? Timestamp.FromDateTimeOffset(answerBy) : null,
                }),
            },
            NextPageToken = Require.NextPageToken(skip, take, page.Count),
        };
    }

    public override async Task<V1.GetDialogueStatisticsResponse> GetDialogueStatistics(V1.GetDialogueStatisticsRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, context.CancellationToken)
            ?? throw new NotFoundException("Dialogue", dialogueId, RegistrationReasons.DialogueNotFound);
        var figures = await db.FiguresAsync(dialogueId, context.CancellationToken);
        return new V1.GetDialogueStatisticsResponse { Statistics = figures.ToContract(dialogue) };
    }
}
