using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.Transparency;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Accreditation.Registration.Data.Ledger;

/// <summary>
/// Reads the ledger for verification the lean way: runs of 65,536 entries (2^16, one perfect
/// subtree each) read on every core at once, each on its own read-only connection, forward only,
/// straight from SQLite's row buffers (no entity, no string per column), hashed into reused
/// buffers. The runs are then added in sequence order (<see cref="LedgerLogVerifier.Add(LedgerRun)"/>),
/// which checks the links between them: the result is the one-by-one verification's, finding for
/// finding. Memory stays bounded: a few runs in flight.
/// </summary>
public static class LedgerScan
{
    public const int RunSize = 1 << 16;

    // The columns the canonical serialization covers, in its order (see LedgerHash.Canonical), plus the stored hash.
    const string Columns = "Sequence, PreviousHash, Hash, Kind, ApplicationId, OrganizationId, DialogueId, ActorSubject, " +
                           "ActorRole, At, Reason, StateBefore, StateAfter, Details, CorrelationId";

    /// <summary>Feeds every entry to <paramref name="verifier"/>; <paramref name="runSize"/> (a power of two) is a test's to change.</summary>
    public static async Task VerifyAsync(RegistrationDb db, LedgerLogVerifier verifier, CancellationToken ct, int runSize = RunSize)
    {
        if (runSize < 1 || !System.Numerics.BitOperations.IsPow2(runSize))
            throw new ArgumentOutOfRangeException(nameof(runSize), "A run is a power of two of entries.");
        if (!db.Database.IsSqlite())
        {
            await VerifyThroughEntitiesAsync(db, verifier, runSize, ct);
            return;
        }
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString);
        // A file is read on its own connections, in parallel; an in-memory database only on the context's own, one run after the other.
        var inMemory = builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(ct);
        var last = await LastSequenceAsync(connection, ct);
        var runs = last <= 0 ? 1 : (int)((last - 1) / runSize + 1);
        builder.Mode = inMemory ? builder.Mode : SqliteOpenMode.ReadOnly;
        var parallel = inMemory ? 1 : Math.Max(1, Environment.ProcessorCount);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pending = new Queue<Task<LedgerRun>>();
        var next = 0;
        void StartNext()
        {
            var index = next++;
            // The first run takes anything below 1 too (an out-of-order row), the last anything above (entries added meanwhile).
            var after = index == 0 ? long.MinValue : (long)index * runSize;
            var upTo = index == runs - 1 ? long.MaxValue : (long)(index + 1) * runSize;
            var run = verifier.StartRun((long)index * runSize + 1, runSize);
            pending.Enqueue(inMemory
                ? Task.FromResult(Read(connection, run, after, upTo, stop.Token))
                : Task.Run(() => ReadOwn(builder.ToString(), run, after, upTo, stop.Token), stop.Token));
        }
        try
        {
            while (next < runs && pending.Count < parallel + 1)
                StartNext();
            while (pending.TryDequeue(out var task))
            {
                if (!verifier.Add(await task))
                    break;
                if (next < runs)
                    StartNext();
            }
        }
        finally
        {
            // After a finding the later runs are not needed.
            await stop.CancelAsync();
            foreach (var task in pending)
                await Task.WhenAny(task);
        }
    }

    /// <summary>
    /// Any other provider (PostgreSQL): the same runs, one after the other, read as entities on the
    /// context's connection. Slower than SQLite's row buffers, the same findings.
    /// </summary>
    static async Task VerifyThroughEntitiesAsync(RegistrationDb db, LedgerLogVerifier verifier, int runSize, CancellationToken ct)
    {
        var last = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var runs = last <= 0 ? 1 : (int)((last - 1) / runSize + 1);
        var digest = new byte[Merkle.HashSize];
        for (var index = 0; index < runs; index++)
        {
            var after = index == 0 ? long.MinValue : (long)index * runSize;
            var upTo = index == runs - 1 ? long.MaxValue : (long)(index + 1) * runSize;
            var run = verifier.StartRun((long)index * runSize + 1, runSize);
            await foreach (var entry in db.LedgerEntries.AsNoTracking().Where(e => e.Sequence > after && e.Sequence <= upTo)
                               .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                SHA256.HashData(Encoding.UTF8.GetBytes(LedgerHash.Canonical(entry.Content())), digest);
                if (!run.Add(entry.Sequence, Encoding.UTF8.GetBytes(entry.PreviousHash), digest, Encoding.UTF8.GetBytes(entry.Hash)))
                    break;
            }
            run.Complete();
            if (!verifier.Add(run))
                return;
        }
    }

    static async Task<long> LastSequenceAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Sequence), 0) FROM LedgerEntries";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    static LedgerRun ReadOwn(string connectionString, LedgerRun run, long after, long upTo, CancellationToken ct)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // The file is read through the OS page cache mapped into memory, not copied page by page.
            pragma.CommandText = "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -65536;";
            pragma.ExecuteNonQuery();
        }
        return Read(connection, run, after, upTo, ct);
    }

    /// <summary>The entries of sequence in (after, upTo], in order, into the run.</summary>
    static LedgerRun Read(SqliteConnection connection, LedgerRun run, long after, long upTo, CancellationToken ct)
    {
        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle,
            $"SELECT {Columns} FROM LedgerEntries WHERE Sequence > ?1 AND Sequence <= ?2 ORDER BY Sequence", out var statement));
        using (statement)
        {
            Check(handle, raw.sqlite3_bind_int64(statement, 1, after));
            Check(handle, raw.sqlite3_bind_int64(statement, 2, upTo));
            var canonical = new LedgerCanonicalWriter();
            var row = new Row(statement.DangerousGetHandle());
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Span<byte> digest = stackalloc byte[Merkle.HashSize];
            for (var rows = 0; ; rows++)
            {
                if ((rows & 4095) == 0)
                    ct.ThrowIfCancellationRequested();
                var step = raw.sqlite3_step(statement);
                if (step == raw.SQLITE_DONE)
                    break;
                if (step != raw.SQLITE_ROW)
                    Check(handle, step);
                row.Load();
                sha256.AppendData(Serialize(canonical, row));
                sha256.GetHashAndReset(digest);
                if (!run.Add(row.Sequence, row.Bytes(1), digest, row.Bytes(2)))
                    break;
            }
        }
        run.Complete();
        return run;
    }

    static void Check(sqlite3 handle, int code)
    {
        if (code != raw.SQLITE_OK && code != raw.SQLITE_ROW && code != raw.SQLITE_DONE)
            throw new SqliteException($"Reading the ledger failed: {raw.sqlite3_errmsg(handle).utf8_to_string()}", code);
    }

    /// <summary>
    /// One row, copied out of SQLite's row buffer column by column into one reused array (no string,
    /// no allocation). The columns are read with SQLite's own functions called directly: through
    /// SQLitePCL each call costs a safe-handle round trip and a GC transition, about as much as
    /// hashing the row, for the 30 calls a row takes.
    /// </summary>
    sealed class Row(IntPtr statement)
    {
        const int Count = 15;
        byte[] _bytes = new byte[2048];
        readonly int[] _start = new int[Count];
        readonly int[] _length = new int[Count];
        readonly bool[] _null = new bool[Count];

        public long Sequence { get; private set; }

        public void Load()
        {
            Sequence = Native.sqlite3_column_int64(statement, 0);
            var at = 0;
            for (var column = 1; column < Count; column++)
            {
                // The text's bytes (SQLite writes a number as its text, as reading it as a string would); then their count.
                var pointer = Native.sqlite3_column_blob(statement, column);
                var length = Native.sqlite3_column_bytes(statement, column);
                _null[column] = length == 0 && Native.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;
                if (at + length > _bytes.Length)
                    Array.Resize(ref _bytes, Math.Max(2 * _bytes.Length, at + length));
                if (length > 0)
                    Marshal.Copy(pointer, _bytes, at, length);
                (_start[column], _length[column]) = (at, length);
                at += length;
            }
        }

        public ReadOnlySpan<byte> Bytes(int column) => _bytes.AsSpan(_start[column], _length[column]);
        public bool IsNull(int column) => _null[column];
        public int Type(int column) => Native.sqlite3_column_type(statement, column);
    }

    /// <summary>SQLite's column functions, called straight (short, no callback, no blocking: no GC transition needed).</summary>
    static class Native
    {
        const string Library = "e_sqlite3";

        [DllImport(Library), SuppressGCTransition]
        public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_bytes(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);
    }

    /// <summary>
    /// The canonical bytes of the row: straight from the columns when they hold what the service
    /// writes (UTF-8 text, upper-case GUIDs, "yyyy-MM-dd HH:mm:ss.FFFFFFF" UTC times); anything else
    /// (an edited file) is decoded as the entity would read it, so a finding is the same either way.
    /// </summary>
    static ReadOnlySpan<byte> Serialize(LedgerCanonicalWriter w, Row row)
    {
        Span<byte> applicationId = stackalloc byte[36], organizationId = stackalloc byte[36], dialogueId = stackalloc byte[36], at = stackalloc byte[28];
        // Each column's bytes asked once (a call into SQLite each).
        ReadOnlySpan<byte> previous = row.Bytes(1), kind = row.Bytes(3), application = row.Bytes(4), organization = row.Bytes(5), dialogue = row.Bytes(6),
            subject = row.Bytes(7), role = row.Bytes(8), time = row.Bytes(9), reason = row.Bytes(10), before = row.Bytes(11), after = row.Bytes(12),
            details = row.Bytes(13), correlation = row.Bytes(14);
        w.Begin(row.Sequence);
        if (w.Text(LedgerCanonicalWriter.PreviousHash, previous, row.IsNull(1))
            && w.Text(LedgerCanonicalWriter.Kind, kind, row.IsNull(3))
            && Id(application, applicationId) && w.Text(LedgerCanonicalWriter.ApplicationId, applicationId[..application.Length], row.IsNull(4))
            && Id(organization, organizationId) && w.Text(LedgerCanonicalWriter.OrganizationId, organizationId[..organization.Length], row.IsNull(5))
            && Id(dialogue, dialogueId) && w.Text(LedgerCanonicalWriter.DialogueId, dialogueId[..dialogue.Length], row.IsNull(6))
            && w.Text(LedgerCanonicalWriter.ActorSubject, subject, row.IsNull(7))
            && w.Text(LedgerCanonicalWriter.ActorRole, role, row.IsNull(8))
            && Time(time, at) && w.Text(LedgerCanonicalWriter.At, at, false)
            && w.Text(LedgerCanonicalWriter.Reason, reason, row.IsNull(10))
            && w.Text(LedgerCanonicalWriter.StateBefore, before, row.IsNull(11))
            && w.Text(LedgerCanonicalWriter.StateAfter, after, row.IsNull(12))
            && !row.IsNull(13) && w.Raw(LedgerCanonicalWriter.Details, details)
            && w.Text(LedgerCanonicalWriter.CorrelationId, correlation, row.IsNull(14)))
            return w.End();
        return Encoding.UTF8.GetBytes(LedgerHash.Canonical(Decoded(row)));
    }

    /// <summary>An upper- or lower-case "D" GUID as stored, lower-cased; false for anything else.</summary>
    static bool Id(ReadOnlySpan<byte> text, Span<byte> canonical)
    {
        if (text.IsEmpty)
            return true; // NULL, or an empty text written as it is (which no entry's hash covers)
        if (text.Length != 36)
            return false;
        for (var i = 0; i < 36; i++)
        {
            var b = text[i];
            if (i is 8 or 13 or 18 or 23)
            {
                if (b != '-')
                    return false;
                canonical[i] = b;
            }
            else if (char.IsAsciiHexDigit((char)b))
                canonical[i] = (byte)(b | 0x20); // digits are unchanged, letters lower-cased
            else
                return false;
        }
        return true;
    }

    /// <summary>"yyyy-MM-dd HH:mm:ss[.F{1,7}]" (EF Core's UTC text) as "yyyy-MM-ddTHH:mm:ss.fffffffZ"; false for anything else.</summary>
    static bool Time(ReadOnlySpan<byte> text, Span<byte> canonical)
    {
        if (text.Length < 19 || text.Length == 20 || text.Length > 27 || text[10] != ' '
            || (text.Length > 19 && text[19] != '.'))
            return false;
        for (var i = 0; i < text.Length; i++)
        {
            var separator = i switch { 4 or 7 => '-', 10 => ' ', 13 or 16 => ':', 19 => '.', _ => '\0' };
            if (separator != '\0' ? text[i] != separator : !char.IsAsciiDigit((char)text[i]))
                return false;
        }
        text[..10].CopyTo(canonical);
        canonical[10] = (byte)'T';
        text[11..19].CopyTo(canonical[11..]);
        canonical[19] = (byte)'.';
        var fraction = text.Length > 19 ? text[20..] : [];
        fraction.CopyTo(canonical[20..]);
        canonical[(20 + fraction.Length)..27].Fill((byte)'0');
        canonical[27] = (byte)'Z';
        return true;
    }

    /// <summary>The row as the entity would read it (strings decoded from UTF-8, GUIDs and time parsed), for the rare row the fast path does not take.</summary>
    static LedgerContent Decoded(Row row)
    {
        var text = new string?[15];
        for (var column = 1; column < text.Length; column++)
            text[column] = row.IsNull(column) ? null : Encoding.UTF8.GetString(row.Bytes(column));
        Guid? Id(int column, byte[]? blob) => text[column] is null ? null
            : blob is { Length: 16 } ? new Guid(blob)
            : Guid.TryParse(text[column], out var id) ? id : Guid.Empty;
        byte[]? Blob(Row row, int column) => row.Type(column) == raw.SQLITE_BLOB ? row.Bytes(column).ToArray() : null;
        var at = DateTime.TryParse(text[9], CultureInfo.InvariantCulture, out var time)
            ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
            : DateTimeOffset.MinValue;
        return new LedgerContent(row.Sequence, text[1] ?? "", text[3] ?? "", Id(4, Blob(row, 4)), Id(5, Blob(row, 5)), Id(6, Blob(row, 6)),
            text[7] ?? "", text[8] ?? "", at, text[10] ?? "", text[11], text[12], text[13] ?? "", text[14]);
    }
}
