using Accreditation.FunctionalTests.Infrastructure;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Participation;

/// <summary>The right of reply under REFER: one response, while Referred, read by the secretariat.</summary>
[Collection(SystemCollection.Name)]
public sealed class ObjectionReplyTests(SystemFixture system)
{
    readonly ParticipationSteps _steps = new(system);

    [Fact]
    public async Task A_referred_organization_replies_once_and_the_secretariat_reads_it_without_the_organization_learning_who_objected()
    {
        var officer = await system.OfficerTokenAsync();
        var referred = await _steps.ReferredAsync(officer, "Replying Rights Watch");

        var before = await GetAsync(referred, referred.User.Token);
        Assert.Equal((true, true, (RegistrationV1.ObjectionReply?)null), (before.ObjectionRaised, before.ReplyOpen, before.Reply));
        Assert.DoesNotContain("AUT", before.ToString());

        var reply = (await _steps.Replies.SubmitObjectionReplyAsync(new RegistrationV1.SubmitObjectionReplyRequest
        {
            ApplicationId = referred.ApplicationId, Text = "We are registered as an independent association since 1998.",
        }, referred.User.Call)).Reply;
        Assert.Equal(referred.ApplicationId, reply.ApplicationId);

        foreach (var token in new[] { officer, await system.AuditorTokenAsync() })
        {
            var read = await GetAsync(referred, token);
            Assert.Equal("We are registered as an independent association since 1998.", read.Reply.Text);
            Assert.False(read.ReplyOpen);
        }
        var second = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(referred, "And another thing."));
        Assert.Equal(StatusCode.AlreadyExists, second.StatusCode);

        // Recorded in the ledger as a fact without its text.
        var ledger = await new RegistrationV1.LedgerService.LedgerServiceClient(system.Grpc).ListLedgerEntriesAsync(
            new RegistrationV1.ListLedgerEntriesRequest { ApplicationId = referred.ApplicationId }, SystemFixture.Bearer(officer));
        var entry = Assert.Single(ledger.Entries, e => e.Kind == "reply");
        Assert.Equal(referred.User.Subject, entry.ActorSubject);
        // Words of the reply, not its digits: "1998" turned up inside the entry's hex hashes once in a few hundred runs.
        Assert.DoesNotContain("independent association", entry.ToString());
        var verified = await new RegistrationV1.LedgerService.LedgerServiceClient(system.Grpc).VerifyLedgerAsync(
            new RegistrationV1.VerifyLedgerRequest(), SystemFixture.Bearer(officer));
        Assert.True(verified.Ok, verified.Message);

        // States never read it.
        var austria = await system.StateTokenAsync("AUT");
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => GetAsync(referred, austria))).StatusCode);
    }

    [Fact]
    public async Task A_reply_after_the_decision_is_refused_naming_the_state()
    {
        var officer = await system.OfficerTokenAsync();
        var referred = await _steps.ReferredAsync(officer, "Late Reply Foundation");
        await _steps.Api.Secretariat.RecordReferralDecisionAsync(new RegistrationV1.RecordReferralDecisionRequest
        {
            ApplicationId = referred.ApplicationId, Outcome = RegistrationV1.ReferralOutcome.Admitted, Body = "Bureau of the Conference",
            DecidedOn = system.Clock.GetUtcNow().ToString("yyyy-MM-dd"), VotesFor = 57, VotesAgainst = 7, DocumentSymbol = "CTOC/COP/2026/L.3",
        }, SystemFixture.Bearer(officer));

        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(referred, "Too late."));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Admitted", error.Status.Detail);
        Assert.False((await GetAsync(referred, referred.User.Token)).ReplyOpen);
    }

    [Fact]
    public async Task A_reply_when_the_application_is_not_referred_is_refused_naming_the_state()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, effect: RegistrationV1.ObjectionEffect.Refer);
        var eligible = await _steps.EligibleAsync(officer, dialogue, "Unobjected Reply Society");

        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(eligible, "Nothing to answer."));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Eligible", error.Status.Detail);
        var read = await GetAsync(eligible, eligible.User.Token);
        Assert.Equal((false, false), (read.ObjectionRaised, read.ReplyOpen));
    }

    [Fact]
    public async Task Another_organization_cannot_reply_or_read_the_reply()
    {
        var officer = await system.OfficerTokenAsync();
        var referred = await _steps.ReferredAsync(officer, "Guarded Reply Network");
        var stranger = await system.SignUpOrganizationUserAsync();
        var impostor = referred with { User = stranger };

        var write = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(impostor, "Not ours to answer."));
        var read = await Assert.ThrowsAsync<RpcException>(() => GetAsync(referred, stranger.Token));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (write.StatusCode, read.StatusCode));
    }

    Task<RegistrationV1.SubmitObjectionReplyResponse> SubmitAsync(Applicant applicant, string text) =>
        _steps.Replies.SubmitObjectionReplyAsync(new RegistrationV1.SubmitObjectionReplyRequest { ApplicationId = applicant.ApplicationId, Text = text },
            applicant.User.Call).ResponseAsync;

    async Task<RegistrationV1.GetObjectionReplyResponse> GetAsync(Applicant applicant, string token) =>
        await _steps.Replies.GetObjectionReplyAsync(new RegistrationV1.GetObjectionReplyRequest { ApplicationId = applicant.ApplicationId },
            SystemFixture.Bearer(token));
}
