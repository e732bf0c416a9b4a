using System.ComponentModel.DataAnnotations;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>One absolute http(s) address, or several with ',' or ';' between them (a service's replicas).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpAddressesAttribute : ValidationAttribute
{
    public HttpAddressesAttribute() : base("must be an absolute http(s) address, or several with ',' between them, e.g. http://127.0.0.1:5102,http://127.0.0.1:5112.") { }

    public override bool IsValid(object? value) =>
        value is null or "" || value is string text && ServicesOptions.Replicas(text) is { Count: > 0 } all && all.All(HttpAddressAttribute.IsHttp);
}
