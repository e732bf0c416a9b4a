using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Routing.Template;

namespace Accreditation.Gateway;

/// <summary>
/// A set of calls one budget covers, named by RPC rather than by spelling: the gRPC path of each
/// RPC and the JSON rule of its google.api.http annotation, matched the way routing matches them
/// (any letter case, percent-decoded, trailing or doubled slashes ignored), so a budget cannot be
/// escaped by writing the same endpoint differently.
/// </summary>
public sealed class RateLimitedCalls
{
    readonly HashSet<string> _grpcPaths = new(StringComparer.OrdinalIgnoreCase);
    readonly List<(string Verb, TemplateMatcher Template)> _jsonRules = [];
    readonly HashSet<string> _plainPaths = new(StringComparer.OrdinalIgnoreCase);
    readonly HashSet<string> _portalPosts = new(StringComparer.OrdinalIgnoreCase);

    public static RateLimitedCalls Of(params MethodDescriptor[] methods)
    {
        var calls = new RateLimitedCalls();
        foreach (var method in methods)
        {
            calls._grpcPaths.Add($"/{method.Service.FullName}/{method.Name}");
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule && Rule(rule) is { } json)
                calls._jsonRules.Add((json.Verb, new TemplateMatcher(TemplateParser.Parse(json.Path.TrimStart('/')), new RouteValueDictionary())));
        }
        return calls;
    }

    /// <summary>Endpoints that are no RPC, such as the token endpoint (any method).</summary>
    public RateLimitedCalls And(params string[] paths)
    {
        foreach (var path in paths)
            _plainPaths.Add(path);
        return this;
    }

    /// <summary>Forms of the portal: their POSTs only (reading the page is not a try).</summary>
    public RateLimitedCalls AndPortalForms(IEnumerable<string> cultures, params string[] pages)
    {
        foreach (var culture in cultures)
            foreach (var page in pages)
                _portalPosts.Add($"/{culture}/{page}");
        return this;
    }

    public bool Matches(HttpContext context)
    {
        var path = Canonical(context.Request.Path);
        if (_grpcPaths.Contains(path) || _plainPaths.Contains(path))
            return true;
        if (HttpMethods.IsPost(context.Request.Method) && _portalPosts.Contains(path))
            return true;
        foreach (var (verb, template) in _jsonRules)
            if (string.Equals(verb, context.Request.Method, StringComparison.OrdinalIgnoreCase) && template.TryMatch(path, new RouteValueDictionary()))
                return true;
        return false;
    }

    /// <summary>
    /// The path as routing reads it: Kestrel has already decoded percent-encoding (but %2F, which no
    /// route matches); empty segments from doubled or trailing slashes are dropped.
    /// </summary>
    public static string Canonical(PathString path) =>
        "/" + string.Join('/', (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries));

    static (string Verb, string Path)? Rule(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
        HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
        HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
        HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
        HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
        _ => null,
    };
}
