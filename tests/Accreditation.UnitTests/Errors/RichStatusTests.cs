using Accreditation.ServiceDefaults.Errors;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Accreditation.UnitTests.Errors;

/// <summary>Each kind of refusal becomes its status code, the English message, an ErrorInfo and the standard detail of its kind.</summary>
public sealed class RichStatusTests
{
    const string Domain = "accreditation.registration";

    static RpcStatus Map(Exception ex) => RichStatus.From(ex, Domain) ?? throw new Xunit.Sdk.XunitException("no status");

    static ErrorInfo Info(RpcStatus status)
    {
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(Domain, info.Domain);
        return info;
    }

    [Fact]
    public void An_invalid_field_is_invalid_argument_with_a_field_violation_and_its_reason()
    {
        var status = Map(new InvalidFieldException("display_name", "must be at most 200 characters", CommonReasons.FieldTooLong, ("max_length", 200)));

        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal("display_name: must be at most 200 characters", status.Message);
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("display_name", violation.Field);
        Assert.Equal("must be at most 200 characters", violation.Description);
        Assert.Equal("FIELD_TOO_LONG", violation.Reason);
        var info = Info(status);
        Assert.Equal("FIELD_TOO_LONG", info.Reason);
        Assert.Equal("200", info.Metadata["max_length"]);
    }

    [Fact]
    public void A_rule_violation_is_failed_precondition_naming_the_rule_and_the_object_with_dates_in_utc()
    {
        var closes = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(1));
        var status = Map(new RuleViolationException("Registration closed.", "REGISTRATION_CLOSED", ("closes_at", closes), ("state", Accreditation.Registration.Domain.ApplicationState.Eligible))
        {
            Subject = "dialogues/42",
        });

        Assert.Equal((int)StatusCode.FailedPrecondition, status.Code);
        Assert.Equal("Registration closed.", status.Message);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("REGISTRATION_CLOSED", "dialogues/42", "Registration closed."), (violation.Type, violation.Subject, violation.Description));
        var info = Info(status);
        Assert.Equal("2026-03-01T11:00:00Z", info.Metadata["closes_at"]);
        Assert.Equal("Eligible", info.Metadata["state"]);
    }

    [Fact]
    public void A_spent_quota_is_resource_exhausted_with_a_quota_failure_naming_the_quota_and_its_limit()
    {
        var status = Map(new QuotaExceededException("comments-per-organization", 10, "Quota spent.", "COMMENTS_QUOTA_SPENT", ("submitted", 10)));

        Assert.Equal((int)StatusCode.ResourceExhausted, status.Code);
        var violation = Assert.Single(status.GetDetail<QuotaFailure>()!.Violations);
        Assert.Equal(("comments-per-organization", "comments-per-organization", 10L), (violation.Subject, violation.QuotaId, violation.QuotaValue));
        var info = Info(status);
        Assert.Equal("COMMENTS_QUOTA_SPENT", info.Reason);
        Assert.Equal(("comments-per-organization", "10", "10"), (info.Metadata["quota"], info.Metadata["limit"], info.Metadata["submitted"]));
    }

    [Fact]
    public void A_missing_object_is_not_found_with_its_resource_info()
    {
        var status = Map(new NotFoundException("Dialogue", "d-1", "DIALOGUE_NOT_FOUND"));

        Assert.Equal((int)StatusCode.NotFound, status.Code);
        Assert.Equal("Dialogue 'd-1' was not found.", status.Message);
        var resource = status.GetDetail<ResourceInfo>()!;
        Assert.Equal(("Dialogue", "d-1"), (resource.ResourceType, resource.ResourceName));
        Assert.Equal("DIALOGUE_NOT_FOUND", Info(status).Reason);
    }

    [Fact]
    public void A_duplicate_and_a_refused_access_carry_their_reasons()
    {
        var duplicate = Map(new AlreadyExistsException("Already applied.", "ALREADY_APPLIED", ("dialogue_id", "d-1")));
        Assert.Equal((int)StatusCode.AlreadyExists, duplicate.Code);
        Assert.Equal(("ALREADY_APPLIED", "d-1"), (Info(duplicate).Reason, Info(duplicate).Metadata["dialogue_id"]));

        var denied = Map(new AccessDeniedException("Not a member.", "NOT_A_MEMBER"));
        Assert.Equal((int)StatusCode.PermissionDenied, denied.Code);
        Assert.Equal("NOT_A_MEMBER", Info(denied).Reason);
    }

    /// <summary>A throw site that names no reason (a new RPC's, before it gets one) still sends a valid rich status.</summary>
    [Fact]
    public void An_exception_without_a_reason_gets_the_generic_reason_of_its_kind()
    {
        Assert.Equal(GenericReasons.FieldInvalid, Info(Map(new InvalidFieldException("name", "is wrong"))).Reason);
        Assert.Equal(GenericReasons.RuleViolated, Info(Map(new RuleViolationException("No."))).Reason);
        Assert.Equal(GenericReasons.RuleViolated, Map(new RuleViolationException("No.")).GetDetail<PreconditionFailure>()!.Violations[0].Type);
        Assert.Equal(GenericReasons.NotFound, Info(Map(new NotFoundException("Thing", 1))).Reason);
        Assert.Equal(GenericReasons.AlreadyExists, Info(Map(new AlreadyExistsException("Twice."))).Reason);
        Assert.Equal(GenericReasons.PermissionDenied, Info(Map(new AccessDeniedException("No."))).Reason);
        Assert.Equal(GenericReasons.QuotaExceeded, Info(Map(new QuotaExceededException("q", 1, "Spent."))).Reason);
    }

    [Fact]
    public void A_plain_status_gets_an_error_info_and_an_unexpected_failure_none()
    {
        var unauthenticated = Map(new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "A valid bearer token is required.")));
        Assert.Equal((int)StatusCode.Unauthenticated, unauthenticated.Code);
        Assert.Equal(GenericReasons.Unauthenticated, Info(unauthenticated).Reason);

        Assert.Null(RichStatus.From(new InvalidOperationException("a bug"), Domain));
    }

    [Fact]
    public void The_domain_is_the_service_the_method_belongs_to()
    {
        Assert.Equal("accreditation.registration", RichStatus.DomainOf("/accreditation.registration.v1.ApplicationService/SubmitApplication"));
        Assert.Equal("accreditation.objections", RichStatus.DomainOf("/accreditation.objections.v1.ObjectionService/FileObjection"));
    }

    [Fact]
    public void A_client_reads_back_what_the_service_sent()
    {
        var sent = Map(new InvalidFieldException("country", "must be an ISO 3166-1 alpha-3 code such as KEN", "COUNTRY_INVALID", ("value", "KENYA")));

        var received = ReceivedError.From(sent.ToRpcException());

        Assert.Equal(StatusCode.InvalidArgument, received.Code);
        Assert.Equal(("country", "must be an ISO 3166-1 alpha-3 code such as KEN"), (received.Field, received.FieldDescription));
        Assert.Equal(("COUNTRY_INVALID", Domain, "KENYA"), (received.Reason, received.Domain, received.Metadata["value"]));
        Assert.Equal("country: must be an ISO 3166-1 alpha-3 code such as KEN", received.Message);
    }
}
