using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.ServiceDefaults.Api;

/// <summary>Request checks that name the offending field.</summary>
public static class Require
{
    public static Guid Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidFieldException(field, "is required", CommonReasons.FieldRequired)
        : Guid.TryParse(value, out var id) ? id
        : throw new InvalidFieldException(field, $"'{value}' is not a valid id", CommonReasons.IdInvalid, ("value", value));

    public static Guid? OptionalId(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null : Id(value, field);

    public static string Text(string? value, string field, int maxLength = 500)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            throw new InvalidFieldException(field, "is required", CommonReasons.FieldRequired);
        if (text.Length > maxLength)
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters", CommonReasons.FieldTooLong, ("max_length", maxLength));
        return text;
    }

    public static string? OptionalText(string? value, string field, int maxLength = 2000) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    /// <summary>Offset paging: page_size 0 means the default; the token is the next offset.</summary>
    public static (int Skip, int Take) Page(int pageSize, string? pageToken, int defaultSize = 50, int maxSize = 200)
    {
        if (pageSize < 0 || pageSize > maxSize)
            throw new InvalidFieldException("page_size", $"must be between 0 and {maxSize}", CommonReasons.ValueOutOfRange, ("min", 0), ("max", maxSize));
        var skip = 0;
        if (!string.IsNullOrEmpty(pageToken) && (!int.TryParse(pageToken, out skip) || skip < 0))
            throw new InvalidFieldException("page_token", "is not a token this service issued", CommonReasons.PageTokenInvalid);
        return (skip, pageSize == 0 ? defaultSize : pageSize);
    }

    public static string NextPageToken(int skip, int take, int returned) =>
        returned == take ? (skip + take).ToString() : "";
}
