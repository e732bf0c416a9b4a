using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Accreditation.FunctionalTests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.FunctionalTests.Participation;

/// <summary>Written comments: admitted organizations submit (text, optional PDF), the secretariat publishes, everyone reads what is published.</summary>
[Collection(SystemCollection.Name)]
public sealed class WrittenCommentTests(SystemFixture system)
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    readonly ParticipationSteps _steps = new(system);

    [Fact]
    public async Task A_published_comment_with_its_pdf_is_readable_by_states_and_an_unpublished_one_only_by_its_author_and_the_secretariat()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var author = await _steps.AdmittedAsync(officer, dialogue, "Commenting Policy Institute");
        var other = await _steps.AdmittedAsync(officer, dialogue, "Other Admitted Network");
        var austria = await system.StateTokenAsync("AUT");

        var comment = (await SubmitAsync(author, "Victims need access to remedies.", Pdf, "remedies.pdf")).Comment;
        Assert.Equal(("remedies.pdf", Pdf.Length, (Google.Protobuf.WellKnownTypes.Timestamp?)null), (comment.DocumentName, comment.DocumentSize, comment.PublishedAt));

        // Unpublished: its organization and the secretariat only; nobody else learns it exists.
        foreach (var token in new[] { author.User.Token, officer, await system.AuditorTokenAsync() })
        {
            Assert.Equal(Pdf, (await GetAsync(comment, token)).Document.ToByteArray());
            Assert.Contains(await ListAsync(dialogue, token), c => c.CommentId == comment.CommentId);
        }
        foreach (var token in new[] { austria, other.User.Token })
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => GetAsync(comment, token))).StatusCode);
            Assert.DoesNotContain(await ListAsync(dialogue, token), c => c.CommentId == comment.CommentId);
        }

        var published = (await _steps.Comments.PublishCommentAsync(new RegistrationV1.PublishCommentRequest { CommentId = comment.CommentId }, SystemFixture.Bearer(officer))).Comment;
        Assert.NotNull(published.PublishedAt);

        foreach (var token in new[] { austria, other.User.Token })
        {
            var read = await GetAsync(comment, token);
            Assert.Equal(("Victims need access to remedies.", "Commenting Policy Institute"), (read.Comment.Text, read.Comment.OrganizationName));
            Assert.Equal(Pdf, read.Document.ToByteArray());
            Assert.Contains(await ListAsync(dialogue, token), c => c.CommentId == comment.CommentId);
        }
        // The same over the JSON API: the PDF travels as base64.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/comments/{comment.CommentId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", austria);
        using var json = await system.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(Convert.ToBase64String(Pdf), (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("document").GetString());

        var again = await Assert.ThrowsAsync<RpcException>(() => _steps.Comments.PublishCommentAsync(
            new RegistrationV1.PublishCommentRequest { CommentId = comment.CommentId }, SystemFixture.Bearer(officer)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task A_comment_without_a_document_is_accepted()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var author = await _steps.AdmittedAsync(officer, dialogue, "Plain Text Commentators");

        var comment = (await SubmitAsync(author, "A short comment.", null, "")).Comment;

        Assert.Equal(("", 0), (comment.DocumentName, comment.DocumentSize));
        Assert.True((await GetAsync(comment, officer)).Document.IsEmpty);
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_naming_the_field()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var author = await _steps.AdmittedAsync(officer, dialogue, "Wrong Format Society");

        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(author, "See attached.", Encoding.ASCII.GetBytes("MZ\x90\0 not a pdf"), "report.pdf"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("document:", error.Status.Detail);
        Assert.Contains("PDF", error.Status.Detail);
        Assert.Empty(await ListAsync(dialogue, officer));
    }

    [Fact]
    public async Task A_pdf_over_five_megabytes_is_refused_naming_the_field()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var author = await _steps.AdmittedAsync(officer, dialogue, "Heavy Attachment Trust");
        var large = new byte[5 * 1024 * 1024 + 1];
        Pdf.CopyTo(large, 0);

        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(author, "See the large attachment.", large, "big.pdf"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("document:", error.Status.Detail);
        Assert.Contains("5 MB", error.Status.Detail);
    }

    [Fact]
    public async Task Only_an_admitted_organization_comments_on_its_own_application()
    {
        var officer = await system.OfficerTokenAsync();
        var dialogue = await _steps.CreateDialogueAsync(officer);
        var eligible = await _steps.EligibleAsync(officer, dialogue, "Not Yet Admitted Commentators");
        var admitted = await _steps.AdmittedAsync(officer, await _steps.CreateDialogueAsync(officer), "Admitted Elsewhere Forum");

        var early = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(eligible, "Too early.", null, ""));
        var foreign = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(admitted with { User = eligible.User }, "Not ours.", null, ""));

        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("Eligible", early.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
    }

    Task<RegistrationV1.SubmitCommentResponse> SubmitAsync(Applicant applicant, string text, byte[]? document, string name) =>
        _steps.Comments.SubmitCommentAsync(new RegistrationV1.SubmitCommentRequest
        {
            ApplicationId = applicant.ApplicationId, Text = text,
            Document = document is null ? ByteString.Empty : ByteString.CopyFrom(document), DocumentName = name,
        }, applicant.User.Call).ResponseAsync;

    Task<RegistrationV1.GetCommentResponse> GetAsync(RegistrationV1.Comment comment, string token) =>
        _steps.Comments.GetCommentAsync(new RegistrationV1.GetCommentRequest { CommentId = comment.CommentId }, SystemFixture.Bearer(token)).ResponseAsync;

    async Task<IReadOnlyList<RegistrationV1.Comment>> ListAsync(RegistrationV1.Dialogue dialogue, string token) =>
        (await _steps.Comments.ListCommentsAsync(new RegistrationV1.ListCommentsRequest { DialogueId = dialogue.DialogueId }, SystemFixture.Bearer(token))).Comments;
}
