using System.Net;
using System.Net.Http.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Accounts = Accreditation.Identity.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Abuse;

/// <summary>
/// Calls that send e-mail draw on a budget per caller (at the gateway) and per recipient (in the
/// service); what an organization may store or keep open has a quota. Each refusal is
/// RESOURCE_EXHAUSTED (429 for JSON) naming what was spent, and nothing is half-written.
/// </summary>
public sealed class QuotaTests : IAsyncLifetime
{
    readonly SystemFixture _system = new(new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:Email:PermitLimit"] = "5",
        ["EmailBudget:PerRecipient"] = "2",
        ["Registration:Quotas:CommentsPerOrganization"] = "3",
        ["Registration:Quotas:CommentBytesPerOrganization"] = "150000",
        ["Registration:Quotas:OpenInvitationsPerOrganization"] = "3",
    });
    ParticipationSteps _steps = null!;

    public async Task InitializeAsync()
    {
        await _system.InitializeAsync();
        _steps = new ParticipationSteps(_system);
    }

    public Task DisposeAsync() => _system.DisposeAsync();

    RegistrationV1.InvitationService.InvitationServiceClient Invitations => new(_system.Grpc);
    Accounts.AccountService.AccountServiceClient AccountsApi => new(_system.Grpc);

    [Fact]
    public async Task Invitations_draw_on_the_callers_e_mail_budget_each_recipients_budget_and_the_organizations_open_invitations()
    {
        var founder = await _system.SignUpOrganizationUserAsync();
        var organization = await _steps.Api.CreateOrganizationAsync(founder, "Budget Watch");
        Task<RegistrationV1.InviteMemberResponse> Invite(string email) => Invitations.InviteMemberAsync(
            new RegistrationV1.InviteMemberRequest { OrganizationId = organization.OrganizationId, Email = email }, founder.Call).ResponseAsync;

        var colleague = $"colleague-{Guid.NewGuid():N}@example.org";
        await Invite(colleague);
        await Invite(colleague);
        // The third e-mail to one address within the hour: the recipient's budget.
        var perRecipient = await Assert.ThrowsAsync<RpcException>(() => Invite(colleague));
        Assert.Equal(StatusCode.ResourceExhausted, perRecipient.StatusCode);
        Assert.Contains("per recipient", perRecipient.Status.Detail);

        // Two open invitations; a third to someone else fits, a fourth is over the organization's quota of open ones.
        await Invite($"third-{Guid.NewGuid():N}@example.org");
        var open = await Assert.ThrowsAsync<RpcException>(() => Invite($"fourth-{Guid.NewGuid():N}@example.org"));
        Assert.Equal(StatusCode.ResourceExhausted, open.StatusCode);
        Assert.Contains("open invitations", open.Status.Detail);

        // The founder's e-mail budget (5 calls) is spent now, over gRPC and JSON alike, whatever the recipient.
        var perCaller = await Assert.ThrowsAsync<RpcException>(() => Invite($"fifth-{Guid.NewGuid():N}@example.org"));
        Assert.Equal(StatusCode.ResourceExhausted, perCaller.StatusCode);
        using var json = new HttpRequestMessage(HttpMethod.Post, $"/v1/organizations/{organization.OrganizationId}/invitations/")
        {
            Content = JsonContent.Create(new { email = $"sixth-{Guid.NewGuid():N}@example.org" }),
        };
        json.Headers.Authorization = new("Bearer", founder.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _system.Http.SendAsync(json)).StatusCode);

        // Nothing half-written: only the three accepted invitations exist.
        var invitations = await Accounting(organization.OrganizationId);
        Assert.Equal(3, invitations);
    }

    [Fact]
    public async Task Sign_up_and_new_codes_to_one_address_stop_at_its_budget_whoever_asks()
    {
        var email = $"flooded-{Guid.NewGuid():N}@example.org";
        await AccountsApi.SignUpAsync(new Accounts.SignUpRequest { Email = email, Password = "Correct-Horse-42" }, SystemFixture.Anonymous);
        await AccountsApi.ResendEmailConfirmationAsync(new Accounts.ResendEmailConfirmationRequest { Email = email }, SystemFixture.Anonymous);

        var again = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.ResendEmailConfirmationAsync(
            new Accounts.ResendEmailConfirmationRequest { Email = email }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, again.StatusCode);
        Assert.Contains("per recipient", again.Status.Detail);
        // The same for a sign-up naming the address, which would e-mail it once more.
        var signUp = await Assert.ThrowsAsync<RpcException>(() => AccountsApi.SignUpAsync(
            new Accounts.SignUpRequest { Email = email, Password = "Correct-Horse-42" }, SystemFixture.Anonymous).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, signUp.StatusCode);
    }

    [Fact]
    public async Task An_organizations_written_comments_stop_at_their_count_and_size_quotas()
    {
        var officer = await _system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var author = await _steps.AdmittedAsync(officer, dialogue, "Prolific Commenters Association");
        var pdf = Pdf(100_000);
        Task<RegistrationV1.SubmitCommentResponse> Submit(string text, byte[]? document) => _steps.Comments.SubmitCommentAsync(new RegistrationV1.SubmitCommentRequest
        {
            ApplicationId = author.ApplicationId, Text = text, Document = document is null ? ByteString.Empty : ByteString.CopyFrom(document), DocumentName = "c.pdf",
        }, author.User.Call).ResponseAsync;

        await Submit("First comment, with its document.", pdf);
        // 100,000 + 100,000 bytes would exceed the 150,000 the organization may store for the dialogue.
        var size = await Assert.ThrowsAsync<RpcException>(() => Submit("Second document.", pdf));
        Assert.Equal(StatusCode.ResourceExhausted, size.StatusCode);
        Assert.Contains("comment storage", size.Status.Detail);
        await Submit("Second comment, text only.", null);
        await Submit("Third comment, text only.", null);
        var count = await Assert.ThrowsAsync<RpcException>(() => Submit("Fourth comment.", null));
        Assert.Equal(StatusCode.ResourceExhausted, count.StatusCode);
        Assert.Contains("at most 3 comments", count.Status.Detail);

        var listed = await _steps.Comments.ListCommentsAsync(new RegistrationV1.ListCommentsRequest { DialogueId = dialogue.DialogueId }, author.User.Call);
        Assert.Equal(3, listed.Comments.Count);
    }

    static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    async Task<int> Accounting(string organizationId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_system.DataDirectory, "registration.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Invitations WHERE OrganizationId = $id";
        command.Parameters.AddWithValue("$id", organizationId.ToUpperInvariant());
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
