using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Accreditation.Registration.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Data.Ledger;

public enum LedgerExportFormat { Json = 1, Csv = 2 }

/// <summary>
/// Writes the whole ledger, with its hashes, as rows are read: memory does not grow with it.
/// JSON is <see cref="LedgerExportFile"/>'s object: the signed head of exactly the entries exported,
/// then the entries (<see cref="ExportedLedgerEntry"/>), as the verifier reads it; CSV is for people.
/// </summary>
public static class LedgerExport
{
    const int FlushBytes = 32 * 1024;

    public static string ContentType(LedgerExportFormat format) =>
        format == LedgerExportFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    /// <summary>Every entry, with no head (a test's or a tool's copy).</summary>
    public static Task WriteAsync(RegistrationDb db, LedgerExportFormat format, Stream output, CancellationToken ct) =>
        WriteAsync(db, format, output, null, ct);

    /// <summary>The entries <paramref name="head"/> covers (its first Size), the head at the top of a JSON file.</summary>
    public static async Task WriteAsync(RegistrationDb db, LedgerExportFormat format, Stream output, SignedTreeHead? head, CancellationToken ct)
    {
        var size = head?.Size ?? long.MaxValue;
        var rows = db.LedgerEntries.AsNoTracking().Where(e => e.Sequence <= size).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct);
        if (format == LedgerExportFormat.Csv)
            await WriteCsvAsync(rows, output, ct);
        else
            await WriteJsonAsync(rows, head, output, ct);
    }

    static async Task WriteJsonAsync(ConfiguredCancelableAsyncEnumerable<LedgerEntry> rows, SignedTreeHead? head, Stream output, CancellationToken ct)
    {
        // Serialized into memory and copied out asynchronously: the serializer flushes synchronously,
        // which a response stream refuses.
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        // The head first: a reader has it before the entries it covers.
        if (head is not null)
        {
            json.WritePropertyName(LedgerExportFile.TreeHeadProperty);
            JsonSerializer.Serialize(json, new ExportedTreeHead(head.Size, head.RootHash, head.Note), ExportedLedgerEntry.Json);
        }
        json.WriteStartArray(LedgerExportFile.EntriesProperty);
        await foreach (var entry in rows)
        {
            JsonSerializer.Serialize(json, ExportedLedgerEntry.From(entry.Content(), entry.Hash), ExportedLedgerEntry.Json);
            if (buffer.WrittenCount >= FlushBytes)
                await CopyOutAsync();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await CopyOutAsync();
        await output.FlushAsync(ct);

        async Task CopyOutAsync()
        {
            json.Flush();
            await output.WriteAsync(buffer.WrittenMemory, ct);
            buffer.ResetWrittenCount();
        }
    }

    static readonly string[] Header =
    [
        "sequence", "previous_hash", "hash", "kind", "application_id", "organization_id", "dialogue_id",
        "actor_subject", "actor_role", "at", "reason", "state_before", "state_after", "details", "correlation_id",
    ];

    static async Task WriteCsvAsync(ConfiguredCancelableAsyncEnumerable<LedgerEntry> rows, Stream output, CancellationToken ct)
    {
        await using var csv = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        await csv.WriteAsync((string.Join(',', Header) + "\r\n").AsMemory(), ct);
        await foreach (var e in rows)
        {
            string?[] cells =
            [
                e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.PreviousHash, e.Hash, e.Kind,
                LedgerHash.Id(e.ApplicationId), LedgerHash.Id(e.OrganizationId), LedgerHash.Id(e.DialogueId),
                e.ActorSubject, e.ActorRole, LedgerHash.Time(e.At), e.Reason, e.StateBefore, e.StateAfter, e.Details, e.CorrelationId,
            ];
            await csv.WriteAsync((string.Join(',', cells.Select(Cell)) + "\r\n").AsMemory(), ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with ' (CSV injection).</summary>
    static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
