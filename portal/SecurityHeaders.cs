namespace Accreditation.Portal;

/// <summary>
/// A strict Content-Security-Policy on every answer: scripts, styles and images only from the
/// portal itself, forms posted only to it, never framed. Text a person typed can never run.
/// </summary>
public static class SecurityHeaders
{
    const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        return next(http);
    });
}
