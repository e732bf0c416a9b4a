using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Registration;

/// <summary>What the portal's pages call: profile and dialogue edits, the application's next step, and the notices linked to them.</summary>
[Collection(SystemCollection.Name)]
public sealed class PortalApiTests(SystemFixture system)
{
    readonly ParticipationSteps _steps = new(system);
    Clients Api => _steps.Api;

    static RegistrationV1.UpdateOrganizationRequest Edit(RegistrationV1.Organization o) => new()
    {
        OrganizationId = o.OrganizationId, Name = o.Name, Acronym = o.Acronym, Category = o.Category,
        Country = o.Country, EcosocStatus = o.EcosocStatus, Website = o.Website, AreasOfWork = { o.AreasOfWork },
    };

    [Fact]
    public async Task A_profile_change_the_states_see_enters_the_open_applications_history_and_the_circulated_copy()
    {
        var officer = await system.OfficerTokenAsync();
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await Api.CreateOrganizationAsync(user, "Borderline Watch");
        var submitted = await Api.ApplyAsync(user, organization, await Api.CreateDialogueAsync(officer));
        var circulatedDialogue = await Api.CreateDialogueAsync(officer);
        var circulated = await Api.ApplyAsync(user, organization, circulatedDialogue);
        await Api.ScreenEligibleAsync(officer, circulated);
        await Api.CirculateAsync(officer, circulatedDialogue, TimeSpan.FromDays(10));
        var austria = await system.StateTokenAsync("AUT");
        await Api.CirculatedAsync(austria, circulatedDialogue, expected: 1);

        var request = Edit(organization);
        request.Name = "Borderline Watch International";
        request.Country = "uga";
        request.AreasOfWork.Add("border monitoring");
        var updated = await Api.Organizations.UpdateOrganizationAsync(request, user.Call);

        Assert.Equal(["name", "country", "areas_of_work"], updated.ChangedFields);
        Assert.Equal(("Borderline Watch International", "UGA"), (updated.Organization.Name, updated.Organization.Country));
        Assert.Equal(new[] { submitted.ApplicationId, circulated.ApplicationId }.Order(), updated.RecordedApplicationIds.Order());
        foreach (var application in new[] { submitted, circulated })
        {
            var history = (await Api.Applications.GetApplicationHistoryAsync(new() { ApplicationId = application.ApplicationId }, user.Call)).Changes;
            var change = history[^1];
            Assert.Equal(("profile-changed", "Profile changed: name, country"), (change.Kind, change.Reason));
            Assert.Equal(change.From, change.To);
            Assert.Equal("transition", history[0].Kind);
        }
        // The States see the new name and country once the event has crossed.
        await SystemFixture.EventuallyAsync(() => Api.CirculatedAsync(austria, circulatedDialogue, expected: 1),
            applicants => applicants[0] is { Name: "Borderline Watch International", Country: "UGA" }, "the circulated copy to change");
        // The ledger keeps the fact without a state change.
        var entries = (await Api.Ledger.ListLedgerEntriesAsync(new() { ApplicationId = circulated.ApplicationId }, SystemFixture.Bearer(officer))).Entries;
        Assert.Equal(("", ""), (entries.Single(e => e.Kind == "profile-changed").StateBefore, entries.Single(e => e.Kind == "profile-changed").StateAfter));

        // A field the States do not see changes the profile only.
        var areasOnly = Edit(updated.Organization);
        areasOnly.AreasOfWork.Clear();
        var quiet = await Api.Organizations.UpdateOrganizationAsync(areasOnly, user.Call);
        Assert.Equal(["areas_of_work"], quiet.ChangedFields);
        Assert.Empty(quiet.RecordedApplicationIds);
    }

    [Fact]
    public async Task Only_the_organizations_members_update_it_and_fields_are_validated_like_on_creation()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await Api.CreateOrganizationAsync(user, "Protected Profile Trust");
        var stranger = await system.SignUpOrganizationUserAsync();

        async Task<RpcException> RefusedAsync(RegistrationV1.UpdateOrganizationRequest request, CallOptions call) =>
            await Assert.ThrowsAsync<RpcException>(() => Api.Organizations.UpdateOrganizationAsync(request, call).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(Edit(organization), stranger.Call)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(Edit(organization), SystemFixture.Bearer(await system.OfficerTokenAsync()))).StatusCode);
        var unknown = Edit(organization);
        unknown.OrganizationId = Guid.NewGuid().ToString();
        Assert.Equal(StatusCode.NotFound, (await RefusedAsync(unknown, user.Call)).StatusCode);
        foreach (var (field, change) in new (string, Action<RegistrationV1.UpdateOrganizationRequest>)[]
        {
            ("name", r => r.Name = " "),
            ("country", r => r.Country = "Kenya"),
            ("website", r => r.Website = "mailto:someone@example.org"),
            ("category", r => r.Category = RegistrationV1.StakeholderCategory.Unspecified),
        })
        {
            var bad = Edit(organization);
            change(bad);
            var error = await RefusedAsync(bad, user.Call);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.StartsWith($"{field}:", error.Status.Detail);
        }
        Assert.Equal("Protected Profile Trust", (await Api.Organizations.GetOrganizationAsync(new() { OrganizationId = organization.OrganizationId }, user.Call)).Organization.Name);
    }

    [Fact]
    public async Task The_application_tells_what_it_waits_for_who_acts_and_by_when()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await Api.CreateDialogueAsync(officer);
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await Api.CreateOrganizationAsync(user, "Timeline Institute");
        var application = await Api.ApplyAsync(user, organization, dialogue);
        async Task<RegistrationV1.NextStep?> NextAsync(CallOptions call) =>
            (await Api.Applications.GetApplicationAsync(new() { ApplicationId = application.ApplicationId }, call)).NextStep;

        var screening = await NextAsync(user.Call);
        Assert.Equal((RegistrationV1.NextStepKind.AwaitingScreening, RegistrationV1.Party.Secretariat, (Timestamp?)null), (screening!.Kind, screening.Party, screening.Due));

        var answerBy = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow().AddDays(5));
        await Api.Secretariat.RequestInformationAsync(new() { ApplicationId = application.ApplicationId, Question = "Statutes?", AnswerBy = answerBy }, SystemFixture.Bearer(officer));
        var answer = await NextAsync(SystemFixture.Bearer(officer));
        Assert.Equal((RegistrationV1.NextStepKind.AwaitingAnswer, RegistrationV1.Party.Organization, answerBy), (answer!.Kind, answer.Party, answer.Due));

        await Api.Applications.AnswerInformationRequestAsync(new() { ApplicationId = application.ApplicationId, Answer = "Attached." }, user.Call);
        await Api.ScreenEligibleAsync(officer, application);
        Assert.Equal(RegistrationV1.NextStepKind.AwaitingCirculation, (await NextAsync(user.Call))!.Kind);
        var circulation = await Api.CirculateAsync(officer, dialogue, TimeSpan.FromDays(10));
        var window = await NextAsync(user.Call);
        Assert.Equal((RegistrationV1.NextStepKind.ObjectionWindow, RegistrationV1.Party.States, circulation.Deadline), (window!.Kind, window.Party, window.Due));

        await Api.Applications.WithdrawApplicationAsync(new() { ApplicationId = application.ApplicationId }, user.Call);
        Assert.Null(await NextAsync(user.Call));
    }

    [Fact]
    public async Task An_admitted_organization_is_next_to_nominate_its_delegation_before_the_dialogues_day()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var admitted = await _steps.AdmittedAsync(officer, dialogue, "Delegation Builders");
        var next = (await Api.Applications.GetApplicationAsync(new() { ApplicationId = admitted.ApplicationId }, admitted.User.Call)).NextStep;
        Assert.Equal((RegistrationV1.NextStepKind.NominateDelegation, RegistrationV1.Party.Organization), (next.Kind, next.Party));
        Assert.Equal(dialogue.Date, next.Due.ToDateTimeOffset().ToString("yyyy-MM-dd"));
    }

    RegistrationV1.UpdateDialogueRequest Edit(RegistrationV1.Dialogue d) => new()
    {
        DialogueId = d.DialogueId, WorkingGroup = d.WorkingGroup, Session = d.Session, Date = d.Date, Venue = d.Venue,
        RegistrationOpensAt = d.RegistrationOpensAt, RegistrationClosesAt = d.RegistrationClosesAt,
        ObjectionPeriodDays = d.ObjectionPeriodDays, InPersonCapacity = d.InPersonCapacity, Policy = d.Policy.Clone(),
    };

    [Fact]
    public async Task An_officer_edits_a_dialogue_freely_while_registration_is_open()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await Api.CreateDialogueAsync(officer);
        var edit = Edit(dialogue);
        edit.Venue = "Vienna International Centre, Board Room D";
        edit.InPersonCapacity = 25;
        edit.Policy.ObjectionEffect = RegistrationV1.ObjectionEffect.Refer;

        var updated = await Api.Dialogues.UpdateDialogueAsync(edit, SystemFixture.Bearer(officer));

        Assert.Equal(["venue", "in_person_capacity", "policy.objection_effect"], updated.ChangedFields);
        var read = (await Api.Dialogues.GetDialogueAsync(new() { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(officer))).Dialogue;
        Assert.Equal((25, RegistrationV1.ObjectionEffect.Refer, edit.Venue), (read.InPersonCapacity, read.Policy.ObjectionEffect, read.Venue));

        var user = await system.SignUpOrganizationUserAsync();
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => Api.Dialogues.UpdateDialogueAsync(edit, user.Call).ResponseAsync)).StatusCode);
        var bad = Edit(read);
        bad.Date = "1 July";
        var invalid = await Assert.ThrowsAsync<RpcException>(() => Api.Dialogues.UpdateDialogueAsync(bad, SystemFixture.Bearer(officer)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.StartsWith("date:", invalid.Status.Detail);
        var missing = Edit(read);
        missing.DialogueId = Guid.NewGuid().ToString();
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Api.Dialogues.UpdateDialogueAsync(missing, SystemFixture.Bearer(officer)).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task Once_registration_closed_an_edit_that_would_change_outcomes_is_refused_naming_the_field()
    {
        var officer = await system.OfficerTokenAsync();
        var now = system.Clock.GetUtcNow();
        // Registration closed yesterday; the dialogue is in a month.
        var dialogue = (await Api.Dialogues.CreateDialogueAsync(new RegistrationV1.CreateDialogueRequest
        {
            WorkingGroup = "Working Group on Firearms", Session = "eleventh session", Date = now.AddDays(30).ToString("yyyy-MM-dd"), Venue = "Vienna",
            RegistrationOpensAt = Timestamp.FromDateTimeOffset(now.AddDays(-20)), RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
            ObjectionPeriodDays = 14, InPersonCapacity = 30,
            Policy = new() { Circulation = RegistrationV1.CirculationPolicy.All, ObjectionEffect = RegistrationV1.ObjectionEffect.Exclude, RepresentativesPerOrganization = 2 },
        }, SystemFixture.Bearer(officer))).Dialogue;

        foreach (var (field, change) in new (string, Action<RegistrationV1.UpdateDialogueRequest>)[]
        {
            ("in_person_capacity", r => r.InPersonCapacity = 60),
            ("registration_closes_at", r => r.RegistrationClosesAt = Timestamp.FromDateTimeOffset(now.AddDays(5))),
            ("objection_period_days", r => r.ObjectionPeriodDays = 7),
            ("policy.representatives_per_organization", r => r.Policy.RepresentativesPerOrganization = 5),
            ("policy.circulation", r => r.Policy.Circulation = RegistrationV1.CirculationPolicy.WithoutEcosocStatus),
        })
        {
            var edit = Edit(dialogue);
            change(edit);
            var refused = await Assert.ThrowsAsync<RpcException>(() => Api.Dialogues.UpdateDialogueAsync(edit, SystemFixture.Bearer(officer)).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Contains(field, refused.Status.Detail);
            Assert.Contains("Registration closed", refused.Status.Detail);
        }

        var harmless = Edit(dialogue);
        harmless.Venue = "Online only";
        harmless.Session = "eleventh session (resumed)";
        var updated = await Api.Dialogues.UpdateDialogueAsync(harmless, SystemFixture.Bearer(officer));
        Assert.Equal(["session", "venue"], updated.ChangedFields);
        Assert.Equal(30, updated.Dialogue.InPersonCapacity);
    }

    [Fact]
    public async Task The_secretariat_is_told_of_a_reply_to_an_objection_without_its_text()
    {
        var officer = await system.OfficerTokenAsync();
        var referred = await _steps.ReferredAsync(officer, "Replying Rights Centre");
        await _steps.Replies.SubmitObjectionReplyAsync(new() { ApplicationId = referred.ApplicationId, Text = "We are independent: see our audited accounts." }, referred.User.Call);

        var notices = await SystemFixture.EventuallyAsync(() => Api.NoticesAsync(officer),
            n => n.Any(x => x.Kind == "objection-reply-received" && x.ApplicationId == referred.ApplicationId), "the reply notice");
        var notice = notices.Single(x => x.Kind == "objection-reply-received" && x.ApplicationId == referred.ApplicationId);
        Assert.Contains("Replying Rights Centre", notice.Subject);
        Assert.Contains($"/en/applications/{referred.ApplicationId}", notice.Body);
        Assert.DoesNotContain("audited accounts", notice.Body);
        Assert.DoesNotContain(await Api.NoticesAsync(referred.User.Token), x => x.Kind == "objection-reply-received");
    }

    [Fact]
    public async Task An_organization_is_told_when_its_comment_is_published_and_when_it_nominates_a_representative()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer, capacity: 1);
        var first = await _steps.AdmittedAsync(officer, dialogue, "Seat Holders League");
        var admitted = await _steps.AdmittedAsync(officer, dialogue, "Commenting Collective");
        var comment = (await _steps.Comments.SubmitCommentAsync(new() { ApplicationId = admitted.ApplicationId, Text = "Our written input." }, admitted.User.Call)).Comment;
        await _steps.Comments.PublishCommentAsync(new() { CommentId = comment.CommentId }, SystemFixture.Bearer(officer));
        await _steps.NominateAsync(first, "Karim Haddad");
        var waiting = await _steps.NominateAsync(admitted, "Lena Fischer");
        Assert.Equal((RegistrationV1.RepresentativeStatus.WaitingList, 1), (waiting.Status, waiting.WaitingPosition));

        var notices = await SystemFixture.EventuallyAsync(() => Api.NoticesAsync(admitted.User.Token),
            n => n.Any(x => x.Kind == "comment-published") && n.Any(x => x.Kind == "representative-nominated"), "the comment and nomination notices");
        var published = notices.Single(x => x.Kind == "comment-published");
        Assert.Contains(comment.CommentId, published.Body);
        Assert.Contains($"/en/applications/{admitted.ApplicationId}/comments", published.Body);
        var nominated = notices.Single(x => x.Kind == "representative-nominated");
        Assert.Contains("number 1 on the waiting list", nominated.Body);
        Assert.Contains(waiting.RepresentativeId, nominated.Body);
        Assert.Contains($"/en/applications/{admitted.ApplicationId}/delegation", nominated.Body);
        Assert.DoesNotContain("Lena Fischer", nominated.Body);
        var seated = await SystemFixture.EventuallyAsync(() => Api.NoticesAsync(first.User.Token),
            n => n.Any(x => x.Kind == "representative-nominated"), "the seated nomination notice");
        Assert.Contains("An in-person seat is held", seated.Single(x => x.Kind == "representative-nominated").Body);
    }

    [Fact]
    public async Task The_portal_calls_reach_the_same_rpcs_as_json_through_the_gateway()
    {
        var user = await system.SignUpOrganizationUserAsync();
        var organization = await Api.CreateOrganizationAsync(user, "Json Profile Forum");
        async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            using var response = await system.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }

        var (status, updated) = await CallAsync(HttpMethod.Put, $"/v1/organizations/{organization.OrganizationId}", new
        {
            name = "Json Profile Forum (renamed)", category = "STAKEHOLDER_CATEGORY_NGO", country = "KEN", ecosocStatus = "ECOSOC_STATUS_NONE",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Json Profile Forum (renamed)", updated.GetProperty("organization").GetProperty("name").GetString());
        Assert.Contains("name", updated.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));

        var invitation = (await new RegistrationV1.InvitationService.InvitationServiceClient(system.Grpc).InviteMemberAsync(
            new() { OrganizationId = organization.OrganizationId, Email = $"json-{Guid.NewGuid():N}@example.org" }, user.Call)).Invitation;
        var (listed, list) = await CallAsync(HttpMethod.Get, $"/v1/organizations/{organization.OrganizationId}/invitations");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal("INVITATION_STATE_PENDING", list.GetProperty("invitations")[0].GetProperty("state").GetString());
        var (cancelled, cancel) = await CallAsync(HttpMethod.Post, $"/v1/invitations/{invitation.InvitationId}:cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancelled);
        Assert.Equal("INVITATION_STATE_CANCELLED", cancel.GetProperty("invitation").GetProperty("state").GetString());

        var application = await Api.ApplyAsync(user, organization, await Api.CreateDialogueAsync(await system.OfficerTokenAsync()));
        var (read, got) = await CallAsync(HttpMethod.Get, $"/v1/applications/{application.ApplicationId}");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal("NEXT_STEP_KIND_AWAITING_SCREENING", got.GetProperty("nextStep").GetProperty("kind").GetString());
        Assert.Equal("PARTY_SECRETARIAT", got.GetProperty("nextStep").GetProperty("party").GetString());
    }
}
