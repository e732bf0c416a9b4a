using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Accreditation.Gateway;

/// <summary>
/// Rate limits at the edge, per caller: the token's subject when there is one, else the client
/// address. Generous for normal use; sign-in and objection filing get their own, tighter budgets
/// so a burst against them cannot guess passwords or flood the States' API.
/// </summary>
public static class GatewayRateLimits
{
    public const string SignIn = "sign-in";
    public const string Objections = "objections";

    public sealed record Budget(int PermitLimit, TimeSpan Window);

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        Budget Read(string name, int permits) => new(
            configuration.GetValue($"Gateway:RateLimits:{name}:PermitLimit", permits),
            configuration.GetValue($"Gateway:RateLimits:{name}:Window", TimeSpan.FromMinutes(1)));
        var general = Read("General", 1200);
        var signIn = Read("SignIn", 20);
        var objections = Read("Objections", 60);

        return services.AddRateLimiter(options =>
        {
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limiter(_ => true, "general", general),
                Limiter(IsSignIn, SignIn, signIn),
                Limiter(IsObjectionFiling, Objections, objections));
        });
    }

    // Calls that take a password or an e-mailed code (guessable only by many tries) or send an e-mail share the sign-in budget.
    static readonly string[] SignInPaths =
    [
        "/connect/token",
        "/accreditation.identity.v1.AccountService/SignUp",
        "/accreditation.identity.v1.AccountService/ConfirmEmail",
        "/accreditation.identity.v1.AccountService/ResendEmailConfirmation",
        "/accreditation.registration.v1.InvitationService/AcceptInvitation",
    ];

    static readonly string[] SignInJsonPaths = ["/v1/accounts", "/v1/accounts:confirmEmail", "/v1/accounts:resendConfirmation", "/v1/invitations:accept"];

    static bool IsSignIn(HttpContext context) =>
        SignInPaths.Any(path => context.Request.Path.StartsWithSegments(path)) ||
        (HttpMethods.IsPost(context.Request.Method) && SignInJsonPaths.Any(path => context.Request.Path.Equals(path)));

    static bool IsObjectionFiling(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/accreditation.objections.v1.ObjectionService/FileObjection") ||
        (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/v1/objections"));

    static PartitionedRateLimiter<HttpContext> Limiter(Func<HttpContext, bool> applies, string name, Budget budget) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => applies(context)
            ? RateLimitPartition.GetFixedWindowLimiter($"{name}:{Caller(context)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = budget.PermitLimit,
                Window = budget.Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    static string Caller(HttpContext context) =>
        context.User.FindFirst("sub")?.Value is { } subject ? $"sub:{subject}" : $"ip:{context.Connection.RemoteIpAddress}";

    /// <summary>gRPC callers get RESOURCE_EXHAUSTED as a trailers-only response; JSON callers HTTP 429.</summary>
    static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        if (rejected.HttpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "8";
            response.Headers["grpc-message"] = "Too many requests; slow down and retry later.";
            return ValueTask.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        return ValueTask.CompletedTask;
    }
}
