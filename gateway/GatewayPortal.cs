namespace Accreditation.Gateway;

/// <summary>
/// The organizations' portal: three static files, embedded in the gateway so every topology
/// serves the same pages from the same origin as the JSON API (no CORS to open).
/// </summary>
public static class GatewayPortal
{
    static readonly (string Path, string File, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/portal.js", "portal.js", "text/javascript; charset=utf-8"),
        ("/portal.css", "portal.css", "text/css; charset=utf-8"),
    ];

    // Scripts and styles only from the gateway itself: an injected script has nowhere to load from.
    const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication MapPortal(this WebApplication app)
    {
        foreach (var (path, file, contentType) in Files)
        {
            var content = Read(file);
            app.MapGet(path, (HttpResponse response) =>
            {
                response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                response.Headers.XContentTypeOptions = "nosniff";
                response.Headers["Referrer-Policy"] = "no-referrer";
                response.Headers.CacheControl = "no-cache";
                return Results.Bytes(content, contentType);
            }).AllowAnonymous();
        }
        return app;
    }

    static byte[] Read(string file)
    {
        using var stream = typeof(GatewayPortal).Assembly.GetManifestResourceStream($"Portal/{file}")
            ?? throw new InvalidOperationException($"The portal's {file} is not embedded in the gateway.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
