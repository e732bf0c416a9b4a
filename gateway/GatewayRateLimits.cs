using System.Threading.RateLimiting;
using Accreditation.Identity.V1;
using Accreditation.Objections.V1;
using Accreditation.Registration.V1;
using Accreditation.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.RateLimiting;

namespace Accreditation.Gateway;

/// <summary>
/// Rate limits at the edge, per caller: the token's subject when there is one, else the client
/// address. Generous for normal use; sign-in, e-mail sending and objection filing get their own,
/// tighter budgets so a burst against them cannot guess passwords, send mail in the secretariat's
/// name or flood the States' API. Each budget names RPCs, whatever the spelling of their path.
/// </summary>
public static class GatewayRateLimits
{
    public const string SignIn = "sign-in";
    public const string Objections = "objections";
    public const string Email = "email";

    // The portal's languages: each of its pages' paths starts with one. Declared before the call sets that use it.
    static readonly string[] PortalCultures = ["en", "fr", "es"];

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var budgets = services.AddSettings<GatewayRateLimitsOptions>(configuration, GatewayRateLimitsOptions.Section);

        return services.AddRateLimiter(options =>
        {
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limiter(_ => true, "general", budgets.General),
                Limiter(SignInCalls.Matches, SignIn, budgets.SignIn),
                Limiter(EmailCalls.Matches, Email, budgets.Email),
                Limiter(ObjectionCalls.Matches, Objections, budgets.Objections));
        });
    }

    // Calls that take a password or an e-mailed code (guessable only by many tries), or create an account, share the sign-in budget.
    static readonly RateLimitedCalls SignInCalls = RateLimitedCalls.Of(
            AccountService.Descriptor.FindMethodByName("SignUp"),
            AccountService.Descriptor.FindMethodByName("ConfirmEmail"),
            AccountService.Descriptor.FindMethodByName("ResendEmailConfirmation"),
            AccountService.Descriptor.FindMethodByName("RequestPasswordReset"),
            AccountService.Descriptor.FindMethodByName("ResetPassword"),
            InvitationService.Descriptor.FindMethodByName("AcceptInvitation"))
        .And("/connect/token")
        // The portal's forms reach Identity from the portal's server, behind this edge: they are budgeted here.
        .AndPortalForms(PortalCultures, "sign-in", "sign-up", "confirm-email", "forgot-password", "reset-password", "invitation");

    // Calls that send an e-mail: each service also keeps a budget per recipient address.
    static readonly RateLimitedCalls EmailCalls = RateLimitedCalls.Of(
        AccountService.Descriptor.FindMethodByName("SignUp"),
        AccountService.Descriptor.FindMethodByName("ResendEmailConfirmation"),
        AccountService.Descriptor.FindMethodByName("RequestPasswordReset"),
        StateUserService.Descriptor.FindMethodByName("CreateStateUser"),
        InvitationService.Descriptor.FindMethodByName("InviteMember"))
        .AndPortalForms(PortalCultures, "sign-up", "confirm-email", "forgot-password", "colleagues");

    static readonly RateLimitedCalls ObjectionCalls = RateLimitedCalls.Of(ObjectionService.Descriptor.FindMethodByName("FileObjection"));

    static PartitionedRateLimiter<HttpContext> Limiter(Func<HttpContext, bool> applies, string name, RateLimitBudget budget) =>
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
