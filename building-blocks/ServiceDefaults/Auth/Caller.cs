using System.Security.Claims;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;

namespace Accreditation.ServiceDefaults.Auth;

public static class Roles
{
    public const string Organization = "organization";
    public const string State = "state";
    public const string Officer = "officer";
    public const string Auditor = "auditor";
}

public static class AccreditationClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    /// <summary>ISO 3166-1 alpha-3 code of the State party an API client belongs to.</summary>
    public const string State = "state";
    public const string Audience = "accreditation";
}

/// <summary>Who is calling, as the validated token says.</summary>
public sealed record Caller(string Subject, string Role, string? StateCode)
{
    public bool IsSecretariat => Role is Roles.Officer or Roles.Auditor;

    public static Caller From(ClaimsPrincipal user)
    {
        var subject = user.FindFirst(AccreditationClaims.Subject)?.Value;
        var role = user.FindFirst(AccreditationClaims.Role)?.Value;
        if (user.Identity?.IsAuthenticated != true || subject is null || role is null)
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid bearer token is required."));
        return new Caller(subject, role, user.FindFirst(AccreditationClaims.State)?.Value);
    }

    /// <summary>Function-level check: refuses unless the caller has one of the roles.</summary>
    public Caller Require(params string[] roles)
    {
        if (!roles.Contains(Role))
            throw new AccessDeniedException($"This operation needs the role {string.Join(" or ", roles)}; the caller is {Role}.",
                CommonReasons.RoleNotAllowed, ("required_roles", roles), ("role", Role));
        return this;
    }

    /// <summary>The State party of a State API client; the State code never comes from a request.</summary>
    public string RequireStateCode() =>
        Require(Roles.State).StateCode ?? throw new AccessDeniedException("The client's token names no State party.", CommonReasons.TokenNamesNoState);
}

public static class CallerExtensions
{
    public static Caller GetCaller(this ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
