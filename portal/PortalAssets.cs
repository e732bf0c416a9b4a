using System.Security.Cryptography;

namespace Accreditation.Portal;

/// <summary>
/// The stylesheet and the small script, embedded in the portal's assembly: every host that runs
/// the portal (its own, the standalone one) serves the same bytes, whatever its content root.
/// </summary>
public static class PortalAssets
{
    static readonly (string Path, string File, string ContentType)[] Files =
    [
        ("/portal.css", "portal.css", "text/css; charset=utf-8"),
        ("/portal.js", "portal.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapPortalAssets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, file, contentType) in Files)
        {
            var content = Read(file);
            var tag = $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"";
            endpoints.MapGet(path, (HttpRequest request, HttpResponse response) =>
            {
                response.Headers.CacheControl = "no-cache";
                response.Headers.ETag = tag;
                return request.Headers.IfNoneMatch == tag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(content, contentType);
            }).AllowAnonymous();
        }
        return endpoints;
    }

    static byte[] Read(string file)
    {
        using var stream = typeof(PortalAssets).Assembly.GetManifestResourceStream($"Assets/{file}")
            ?? throw new InvalidOperationException($"The portal's {file} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
