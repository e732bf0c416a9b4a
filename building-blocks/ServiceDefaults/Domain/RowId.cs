namespace Accreditation.ServiceDefaults.Domain;

/// <summary>
/// The key of a row the pipeline writes by the hundred thousand (applications, notices, e-mails,
/// outbox messages): a UUID version 7, whose first 48 bits are the creation time in milliseconds.
/// </summary>
/// <remarks>
/// A random key lands each insert on a different page of every index that holds it, so a commit of a
/// group writes (and the checkpoint copies back) a page per row and per index; keys in creation order
/// append to the same few pages. Both stores order them by time: SQLite compares their upper-case
/// text, PostgreSQL the bytes of its <c>uuid</c>. The 74 random bits keep them unguessable; the
/// creation time they carry is stored beside them anyway. Keys whose time should not be told (an
/// objection's) stay random.
/// </remarks>
public static class RowId
{
    public static Guid At(DateTimeOffset createdAt) => Guid.CreateVersion7(createdAt);
}
