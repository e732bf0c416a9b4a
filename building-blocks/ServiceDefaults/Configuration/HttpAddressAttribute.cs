using System.ComponentModel.DataAnnotations;

namespace Accreditation.ServiceDefaults.Configuration;

/// <summary>An absolute http(s) address, when set.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpAddressAttribute : ValidationAttribute
{
    public HttpAddressAttribute() : base("must be an absolute http(s) address, e.g. http://127.0.0.1:5101.") { }

    public override bool IsValid(object? value) =>
        value is null or "" || value is string text && IsHttp(text);

    internal static bool IsHttp(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
