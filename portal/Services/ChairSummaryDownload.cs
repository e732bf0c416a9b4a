using System.Net;
using Accreditation.Portal.Auth;

namespace Accreditation.Portal.Services;

/// <summary>
/// The Chair's summary draft (.docx) of a dialogue, in one language: Registration's plain HTTP
/// download (GET /v1/dialogues/{id}/chair-summary?language=xx), asked with the person's token.
/// Registration listens in HTTP/2 only (prior knowledge), as for gRPC.
/// </summary>
public sealed class ChairSummaryDownload(HttpClient http)
{
    /// <summary>The service's answer, unread: the page streams its body to the browser, or turns its refusal into a page.</summary>
    public Task<HttpResponseMessage> GetAsync(string dialogueId, string language, CancellationToken ct) =>
        http.GetAsync($"v1/dialogues/{Uri.EscapeDataString(dialogueId)}/chair-summary?language={Uri.EscapeDataString(language)}",
            HttpCompletionOption.ResponseHeadersRead, ct);
}

static class ChairSummaryDownloadRegistration
{
    public static IServiceCollection AddChairSummaryDownload(this IServiceCollection services, Uri registration)
    {
        services.AddHttpClient<ChairSummaryDownload>(http =>
            {
                http.BaseAddress = registration;
                http.DefaultRequestVersion = HttpVersion.Version20;
                http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
                http.Timeout = TimeSpan.FromSeconds(60);
            })
            .AddHttpMessageHandler<BearerTokenHandler>();
        return services;
    }
}
